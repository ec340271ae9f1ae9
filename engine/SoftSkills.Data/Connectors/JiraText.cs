using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SoftSkills.Data.Connectors;

/// <summary>Jira comment bodies as plain text: Atlassian Document Format (REST v3) or wiki markup (v2), mentions marked.</summary>
public static partial class JiraText
{
    static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "paragraph", "heading", "listItem", "blockquote", "codeBlock", "tableRow", "rule" };

    public static string Decode(JsonRecord body, List<string> mentions)
    {
        if (body.Kind == JsonValueKind.String)
            return WikiMention().Replace(body.AsString(), m => { mentions.Add(m.Groups[1].Value); return Mentions.Mark(m.Groups[1].Value); });
        var sb = new StringBuilder();
        Walk(body.Element, sb, mentions);
        return sb.ToString().Trim();
    }

    static void Walk(JsonElement node, StringBuilder sb, List<string> mentions)
    {
        if (node.ValueKind != JsonValueKind.Object) return;
        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "text" when node.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String:
                sb.Append(text.GetString());
                return;
            case "hardBreak":
                sb.Append('\n');
                return;
            case "mention" when node.TryGetProperty("attrs", out var attrs) && attrs.ValueKind == JsonValueKind.Object
                                && attrs.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String:
                mentions.Add(id.GetString()!);
                sb.Append(Mentions.Mark(id.GetString()!));
                return;
        }
        if (node.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
            foreach (var child in content.EnumerateArray()) Walk(child, sb, mentions);
        if (type is not null && Blocks.Contains(type) && sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
    }

    [GeneratedRegex(@"\[~accountid:([^\]\s]+)\]")]
    private static partial Regex WikiMention();
}
