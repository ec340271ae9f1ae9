using Deedle;

namespace SoftSkills.Reporting.Frames;

/// <summary>Deedle frames of records, and their HTML for notebooks.</summary>
public static class Tables
{
    /// <summary>A frame with one row per record and one column per public property.</summary>
    public static Frame<int, string> Of<T>(IEnumerable<T> records) => Frame.FromRecords(records);

    /// <summary>A frame as an HTML table: every text encoded, numbers rounded for reading, at most <paramref name="maxRows"/> rows.</summary>
    public static string Html(Frame<int, string> frame, int maxRows = 50)
    {
        var sb = new System.Text.StringBuilder("<table style=\"border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px\"><thead><tr>");
        var columns = frame.ColumnKeys.ToList();
        foreach (var c in columns) sb.Append("<th style=\"text-align:left;border-bottom:1px solid #999;padding:2px 8px\">").Append(HtmlSafe.Text(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var shown = 0;
        foreach (var key in frame.RowKeys)
        {
            if (shown++ == maxRows) break;
            sb.Append("<tr>");
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
