using System.Globalization;
using System.Text.Json;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// A JSON value of an export file with its place (file and JSON path), so a missing or mistyped field is an error that
/// names both, e.g. <c>support/2026-06-01.json: $[3].ts: expected a string</c>.
/// </summary>
public readonly record struct JsonRecord(JsonElement Element, string File, string Path)
{
    /// <summary>Parses a whole export file (strict UTF-8); a syntax error names the file, line and column.</summary>
    public static JsonRecord Load(string path, string display)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        if (!TextFiles.IsUtf8(bytes)) throw TextFiles.NotUtf8(path, bytes, display);
        try
        {
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0; // a byte-order mark, as Windows tools write
            using var doc = JsonText.Parse(bytes.AsMemory(start), new JsonDocumentOptions { MaxDepth = 256 });
            return new JsonRecord(doc.RootElement.Clone(), display, "$");
        }
        catch (JsonException ex) { throw new DataValidationException(new RowLocation(display, 0, 0, "-"), JsonErrors.Describe(ex)); }
    }

    public DataValidationException Error(string message) => new(new RowLocation($"{File}: {Path}", 0, 0, "-"), message);

    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>The named member, or null when absent or JSON null.</summary>
    public JsonRecord? Member(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object) throw Error("expected an object");
        return Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? new JsonRecord(v, File, $"{Path}.{name}") : null;
    }

    public JsonRecord Required(string name) => Member(name) ?? throw Error($"'{name}' is missing");

    /// <summary>A string member (numbers are read as their text, as some APIs send ids as numbers), or null.</summary>
    public string? String(string name) => Member(name) is { } v ? v.AsString() : null;

    public string RequiredString(string name) => Required(name).AsString();

    public string AsString() => Element.ValueKind switch
    {
        JsonValueKind.String => Element.GetString()!,
        JsonValueKind.Number => Element.GetRawText(),
        _ => throw Error($"expected a string, found {Element.ValueKind.ToString().ToLowerInvariant()}"),
    };

    public bool Bool(string name) => Member(name) is { } v && (v.Element.ValueKind == JsonValueKind.True || (v.Element.ValueKind != JsonValueKind.False ? throw v.Error("expected true or false") : false));

    /// <summary>The elements of an array value.</summary>
    public IEnumerable<JsonRecord> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array) throw Error($"expected an array, found {Element.ValueKind.ToString().ToLowerInvariant()}");
        var (file, path) = (File, Path);
        return Element.EnumerateArray().Select((e, i) => new JsonRecord(e, file, $"{path}[{i}]"));
    }

    /// <summary>The elements of an array member (none when it is absent).</summary>
    public IEnumerable<JsonRecord> Items(string name) => Member(name) is { } v ? v.Items() : [];

    /// <summary>A timestamp with an offset (ISO 8601, also "+0200" without the colon) as UTC.</summary>
    public DateTime Time(string name)
    {
        var v = Required(name);
        var text = v.AsString();
        if (text.Length > 5 && (text[^5] is '+' or '-') && char.IsDigit(text[^1]) && text[^3] != ':') text = text[..^2] + ":" + text[^2..];
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            || !SizeLimits.IsPlausibleYear(t.Year))
            throw v.Error($"'{v.AsString()}' is not a timestamp with an offset (ISO 8601)");
        return t.UtcDateTime;
    }
}

/// <summary>The list files of an export: <c>NAME.json</c>, or a folder <c>NAME/</c> of page files read in name order.</summary>
public static class ExportFiles
{
    /// <summary>The pages of a list, or none when neither form exists; <paramref name="prefix"/> goes before the names in errors.</summary>
    public static IEnumerable<JsonRecord> Pages(string root, string name, string prefix = "")
    {
        var file = System.IO.Path.Combine(root, name + ".json");
        if (File.Exists(file)) return [JsonRecord.Load(file, prefix + name + ".json")];
        var folder = System.IO.Path.Combine(root, name);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonRecord.Load(f, prefix + System.IO.Path.GetRelativePath(root, f)));
    }

    public static IEnumerable<JsonRecord> RequiredPages(string root, string name)
    {
        if (!File.Exists(System.IO.Path.Combine(root, name + ".json")) && !Directory.Exists(System.IO.Path.Combine(root, name)))
            throw new DataValidationException(new RowLocation(System.IO.Path.Combine(root, name + ".json"), 0, 0, "-"), $"the export has no {name}.json (nor a folder {name}/ of pages)");
        return Pages(root, name);
    }

    /// <summary>The records of a list: a page that is an array, or the array member <paramref name="member"/> of a page object.</summary>
    public static IEnumerable<JsonRecord> Records(IEnumerable<JsonRecord> pages, string? member) =>
        pages.SelectMany(p => p.Kind == JsonValueKind.Array || member is null ? p.Items() : p.Required(member).Items());
}
