using System.Net;
using System.Text;

namespace SoftSkills.Data.Connectors;

/// <summary>Slack's message markup as plain text: user mentions marked for pseudonyms, links and channel references by their labels.</summary>
public static class SlackText
{
    /// <summary>The plain text; <paramref name="mentions"/> receives the mentioned user ids in order.</summary>
    public static string Decode(string text, List<string>? mentions = null)
    {
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('<', i);
            var close = open < 0 ? -1 : text.IndexOf('>', open + 1);
            if (open < 0 || close < 0) { sb.Append(Entities(text[i..])); break; }
            sb.Append(Entities(text[i..open]));
            var inner = text[(open + 1)..close];
            var bar = inner.IndexOf('|');
            var (target, label) = bar < 0 ? (inner, null) : (inner[..bar], inner[(bar + 1)..]);
            if (target.StartsWith('@') && target.Length > 1)
            {
                mentions?.Add(target[1..]);
                sb.Append(Mentions.Mark(target[1..]));
            }
            else if (target.StartsWith('#')) sb.Append('#').Append(Entities(label ?? target[1..]));
            else if (target.StartsWith('!')) sb.Append('@').Append(Entities(label?.TrimStart('@') ?? target[1..].Split('^')[0]));
            else if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) sb.Append(Entities(label ?? target[7..]));
            else sb.Append(Entities(label ?? target));
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The mentioned user ids alone, without building the text (the first pass needs only them).</summary>
    public static void MentionedIds(string text, List<string> mentions)
    {
        for (var i = text.IndexOf("<@", StringComparison.Ordinal); i >= 0; i = text.IndexOf("<@", i + 2, StringComparison.Ordinal))
        {
            var close = text.IndexOf('>', i + 2);
            if (close < 0) return;
            var bar = text.IndexOf('|', i + 2, close - i - 2);
            var id = text[(i + 2)..(bar < 0 ? close : bar)];
            if (id.Length > 0) mentions.Add(id);
        }
    }

    static string Entities(string s) => s.IndexOf('&') < 0 ? s : s.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
}
