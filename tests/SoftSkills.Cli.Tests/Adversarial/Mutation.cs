using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace SoftSkills.Cli.Tests.Adversarial;

/// <summary>
/// One damage done to an input file, as plain numbers so a failing case prints and shrinks: <see cref="Kind"/> says what,
/// <see cref="At"/> where (a fraction of the file, its lines or its JSON values), <see cref="Pick"/> which column or
/// property, <see cref="Value"/> which hostile value.
/// </summary>
public sealed record Mutation(string Kind, double At, int Pick, int Value)
{
    public static readonly string[] TextKinds = ["truncate", "empty", "invalid-utf8", "latin1", "drop-line", "duplicate-line", "bom-crlf", "huge-line"];
    public static readonly string[] CsvKinds = ["cell", "cell", "cell", "cell", "drop-column", "extra-cell", "unclosed-quote", "header-only", "swap-header"];
    public static readonly string[] JsonKinds = ["value", "value", "value", "value", "value", "remove", "unknown-property", "not-json", "half-surrogate"];
    public static readonly string[] BinaryKinds = ["truncate", "empty", "flip-bytes", "csv-inside"];

    /// <summary>Values real exports and careless edits put in a cell.</summary>
    public static readonly string[] HostileCells =
    [
        "", " ", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "-1", "0", "99999999999999999999", "2147483648", "abc",
        "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "2026-02-30", "2026-13-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "3/2/2026", "2026-03-02 09:00", "true", "null",
        "x\"y", "Ren\u00e9", new string('a', 20_000), "\t", "S1", "e0002", "support", "\u202e\u2028", "1,5", "-0", "0x10",
    ];

    /// <summary>JSON values put where another type or range belongs.</summary>
    public static readonly string[] HostileJson =
    [
        "null", "\"x\"", "\"\"", "true", "[]", "{}", "0", "-1", "1e308", "-1e308", "2147483648", "1.5", "\"NaN\"", "\"Infinity\"",
        "[null]", "999999999", "\"</script><script>alert(1)</script>\"", "\"2026-02-30\"", "-0.5", "1e-320", "[1,2,3]", "{\"a\":null}",
    ];

    public static Gen<Mutation> ForCsv => Kinds([.. TextKinds, .. CsvKinds], HostileCells.Length);
    public static Gen<Mutation> ForJson => Kinds([.. TextKinds, .. JsonKinds], HostileJson.Length);
    public static Gen<Mutation> ForBinary => Kinds(BinaryKinds, 1);

    static Gen<Mutation> Kinds(string[] kinds, int values) =>
        Gen.Select(Gen.Int[0, kinds.Length - 1], Gen.Double[0, 1], Gen.Int[0, 40], Gen.Int[0, values - 1],
            (k, at, pick, value) => new Mutation(kinds[k], at, pick, value));

    public byte[] Apply(byte[] file)
    {
        switch (Kind)
        {
            case "truncate": return file[..(int)(At * file.Length)];
            case "empty": return [];
            case "flip-bytes":
                var flipped = (byte[])file.Clone();
                for (var i = 0; i < 1 + Pick; i++) flipped[(int)((At + i * 0.0137) % 1 * flipped.Length)] ^= 0x5A;
                return flipped;
            case "csv-inside": return Encoding.UTF8.GetBytes("employee_id,team_id\nA,b\n");
            case "invalid-utf8": return Insert(file, AtLetter(file), [0xE8]);
            case "latin1": return Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(file).Replace("a", "\u00e9", StringComparison.Ordinal));
        }
        var text = Encoding.UTF8.GetString(file);
        var lines = text.Split('\n').ToList();
        var line = Math.Clamp((int)(At * lines.Count), 0, lines.Count - 1);
        switch (Kind)
        {
            case "drop-line": lines.RemoveAt(line); return Join(lines);
            case "duplicate-line": lines.Insert(line, lines[line]); return Join(lines);
            case "bom-crlf": return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))];
            case "huge-line": lines.Insert(line, new string('9', 200_000)); return Join(lines);
            case "header-only": return Join(lines.Take(1).ToList());
            case "swap-header":
                var header = lines[0].Split(',');
                if (header.Length > 1) (header[0], header[^1]) = (header[^1], header[0]);
                lines[0] = string.Join(',', header);
                return Join(lines);
            case "cell": case "drop-column": case "extra-cell": case "unclosed-quote": return Csv(lines, line);
            case "not-json": return Encoding.UTF8.GetBytes("{ this is not json ");
            case "value": case "remove": case "unknown-property": case "half-surrogate": return Json(text);
        }
        throw new InvalidOperationException(Kind);
    }

    byte[] Csv(List<string> lines, int line)
    {
        var row = Math.Max(1, line);
        if (row >= lines.Count || lines[row].Length == 0) row = 1;
        if (row >= lines.Count) return Join(lines);
        var cells = lines[row].Split(',');   // the sample's cells hold no commas
        var column = Pick % cells.Length;
        switch (Kind)
        {
            case "cell":
                cells[column] = Quote(HostileCells[Value]);
                lines[row] = string.Join(',', cells);
                break;
            case "extra-cell": lines[row] += ",extra"; break;
            case "unclosed-quote": cells[column] = "\"" + cells[column]; lines[row] = string.Join(',', cells); break;
            case "drop-column":
                for (var i = 0; i < lines.Count; i++)
                {
                    var all = lines[i].Split(',').ToList();
                    if (column < all.Count && lines[i].Length > 0) all.RemoveAt(column);
                    lines[i] = string.Join(',', all);
                }
                break;
        }
        return Join(lines);
    }

    byte[] Json(string text)
    {
        var root = JsonNode.Parse(text)!;
        var values = Nodes(root).ToList();
        var target = values[Math.Clamp((int)(At * values.Count), 0, values.Count - 1)];
        switch (Kind)
        {
            case "value":
                Replace(target, JsonNode.Parse(HostileJson[Value]));
                break;
            case "remove":
                if (target.Parent is JsonObject o) o.Remove(target.GetPropertyName());
                else if (target.Parent is JsonArray a) a.Remove(target);
                break;
            case "unknown-property":
                var into = target.Parent as JsonObject ?? root as JsonObject;
                if (into is not null) into["unexpected_" + Pick] = JsonNode.Parse(HostileJson[Value]);
                else if (root is JsonArray list) list.Add(JsonNode.Parse(HostileJson[Value])); // an array file (a Slack day): an unexpected element
                break;
            case "half-surrogate":   // an emoji cut in two by a JavaScript tool: \ud83d or \ude00 alone, in a name or a string
                const string marker = "HALF_SURROGATE_";
                if (target.Parent is JsonObject named)
                {
                    var name = target.GetPropertyName();
                    named.Remove(name);
                    named[marker + name] = target;
                }
                else Replace(target, JsonValue.Create(marker + "text"));
                return Encoding.UTF8.GetBytes(root.ToJsonString().Replace(marker, Value % 2 == 0 ? "\\ud83d" : "\\ude00", StringComparison.Ordinal));
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject o: o[target.GetPropertyName()] = value; break;
            case JsonArray a: a[a.IndexOf(target)] = value; break;
        }
    }

    /// <summary>Every node below the root, depth first.</summary>
    static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var below in Nodes(child)) yield return below;
        }
    }

    static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    static byte[] Join(List<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    int AtLetter(byte[] file)
    {
        var start = (int)(At * file.Length);
        for (var i = start; i < file.Length; i++) if (file[i] is >= (byte)'a' and <= (byte)'z') return i + 1;
        return file.Length;
    }

    static byte[] Insert(byte[] file, int at, byte[] bytes) => [.. file[..at], .. bytes, .. file[at..]];
}
