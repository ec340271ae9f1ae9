namespace SoftSkills.Cli;

/// <summary>
/// Text from data made safe for a terminal: control characters (ESC starts the sequences that clear a screen, retitle a
/// window or rewrite what was printed), line and paragraph separators and the bidirectional overrides (which make text
/// read in another order than it runs) are shown as <c>\uXXXX</c> instead of acting on the terminal. JSON output needs
/// none of this: its encoder escapes them already.
/// </summary>
public static class Printable
{
    public static string Of(string text)
    {
        if (!text.AsSpan().ContainsAny(Unsafe)) return text;
        var b = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
            if (Unsafe.Contains(c)) b.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else b.Append(c);
        return b.ToString();
    }

    /// <summary>C0 and C1 controls (tab and line ends included: callers print their own), DEL, U+2028/U+2029, bidi controls.</summary>
    static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         '\u2028', '\u2029', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);
}
