using Deedle;

namespace SoftSkills.Reporting.Frames;

/// <summary>Deedle frames of records, and their HTML for notebooks.</summary>
public static class Tables
{
    /// <summary>A frame with one row per record and one column per public property.</summary>
    public static Frame<int, string> Of<T>(IEnumerable<T> records) => Frame.FromRecords(records);

    /// <summary>
    /// A frame as an HTML table: every text encoded, numbers rounded for reading, at most <paramref name="maxRows"/> rows;
    /// row keys other than the 0, 1, 2… of a plain table (a pivot's groups) are the first column.
    /// </summary>
    public static string Html<R, C>(Frame<R, C> frame, int maxRows = 50) where R : notnull where C : notnull
    {
        var sb = new System.Text.StringBuilder("<table style=\"border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px\"><thead><tr>");
        var columns = frame.ColumnKeys.ToList();
        var keyed = typeof(R) != typeof(int);
        if (keyed) sb.Append("<th></th>");
        foreach (var c in columns) sb.Append("<th style=\"text-align:left;border-bottom:1px solid #999;padding:2px 8px\">").Append(HtmlSafe.Text(c.ToString())).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var shown = 0;
        foreach (var key in frame.RowKeys)
        {
            if (shown++ == maxRows) break;
            sb.Append("<tr>");
            if (keyed) sb.Append("<th style=\"text-align:left;padding:2px 8px\">").Append(HtmlSafe.Text(key.ToString())).Append("</th>");
            foreach (var c in columns)
            {
                var value = frame.GetColumn<object>(c).TryGet(key);
                var text = value.HasValue ? value.Value switch
                {
                    double d => double.IsFinite(d) ? d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "",
                    float f => f.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                    null => "",
                    var o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                } : "";
                sb.Append("<td style=\"border-bottom:1px solid #eee;padding:2px 8px\">").Append(HtmlSafe.Text(text)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (frame.RowCount > maxRows) sb.Append($"<p style=\"font-size:12px;color:#555\">{maxRows} of {frame.RowCount:N0} rows shown</p>");
        return sb.ToString();
    }
}
