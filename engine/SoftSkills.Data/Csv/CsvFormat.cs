using System.Globalization;

namespace SoftSkills.Data.Csv;

/// <summary>How values are spelled in CSV: ISO 8601 UTC timestamps, invariant numbers, true/false.</summary>
public static class CsvFormat
{
    const string TimestampOut = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static string Timestamp(DateTime utc) => utc.ToString(TimestampOut, CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Shortest text that reads back to the same double.</summary>
    public static string Real(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string Boolean(bool v) => v ? "true" : "false";

    /// <summary>Parses an ISO 8601 timestamp that carries Z or an offset; the result is UTC.</summary>
    public static bool TryTimestamp(string text, out DateTime utc)
    {
        utc = default;
        // A timestamp without a zone is ambiguous: docs/design.md §2 asks for UTC, so demand Z or an offset.
        if (text.Length < 11 || !(text.EndsWith('Z') || HasOffset(text))) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto)) return false;
        utc = dto.UtcDateTime;
        return SizeLimits.IsPlausibleYear(utc.Year);
    }

    static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        return t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0);
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && SizeLimits.IsPlausibleYear(date.Year);

    public static bool TryReal(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && SizeLimits.IsMeasurement(value);

    public static bool TryInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryBoolean(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "1" or "yes": value = true; return true;
            case "false" or "0" or "no": value = false; return true;
            default: value = false; return false;
        }
    }

    /// <summary>
    /// A text cell as written: a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
    /// leading apostrophe, as OWASP advises against CSV injection, and so does one that already starts with an apostrophe
    /// (so <see cref="Unescape"/> reads back exactly what was written); then RFC 4180 quoting where needed. Numbers are
    /// written by their own methods and never prefixed.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.Length > 0 && FormulaStart.Contains(value[0])) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Undoes the apostrophe of <see cref="Escape"/> on a cell read back.</summary>
    public static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStart.Contains(cell[1]) ? cell[1..] : cell;

    const string FormulaStart = "=+-@\t\r'";
}
