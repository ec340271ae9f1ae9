namespace SoftSkills.Data.Connectors;

/// <summary>
/// A person mentioned in a source text, marked by the connector with private-use characters so the writer replaces the
/// mark with the person's pseudonym (or "[person]" for someone outside the organisation) before any other redaction:
/// source ids may contain characters (such as Jira's ':') that word-based redaction would split.
/// </summary>
public static class Mentions
{
    internal const char Open = '\uE000', Close = '\uE001';

    /// <summary>The mark of a mentioned person's source id.</summary>
    public static string Mark(string id) => Open + id + Close;

    /// <summary>The text with every mark replaced by <paramref name="resolve"/>(id); false when there was none.</summary>
    public static bool Resolve(string text, Func<string, string> resolve, out string resolved)
    {
        resolved = text;
        var open = text.IndexOf(Open);
        if (open < 0) return false;
        var sb = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (open >= 0)
        {
            var close = text.IndexOf(Close, open + 1);
            if (close < 0) break;
            sb.Append(text, copied, open - copied).Append(resolve(text[(open + 1)..close]));
            copied = close + 1;
            open = text.IndexOf(Open, copied);
        }
        resolved = sb.Append(text, copied, text.Length - copied).ToString();
        return true;
    }
}
