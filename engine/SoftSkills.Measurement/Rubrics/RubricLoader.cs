using System.Text.Json;
using System.Text.RegularExpressions;
using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Rubrics;

/// <summary>A malformed rubric: names the file and the JSON path of the problem.</summary>
public sealed class RubricException(string file, string path, string reason) : Exception($"{file}: {path}: {reason}")
{
    public string File { get; } = file;
    public string JsonPath { get; } = path;
}

/// <summary>Loads and checks rubric files (<c>data/rubrics/*.json</c>).</summary>
public static partial class RubricLoader
{
    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();

    /// <summary>Loads every rubric in a folder, one per KPI.</summary>
    public static IReadOnlyDictionary<Kpi, Rubric> LoadFolder(string folder)
    {
        var rubrics = new Dictionary<Kpi, Rubric>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var rubric = Load(file);
            if (!rubrics.TryAdd(rubric.Kpi, rubric)) throw new RubricException(file, "$.kpi", $"a second rubric for kpi '{EnumNames.Of(rubric.Kpi)}'");
        }
        return rubrics;
    }

    public static Rubric Load(string file)
    {
        try
        {
            using var doc = SoftSkills.Data.Files.JsonText.Parse(SoftSkills.Data.Files.TextFiles.ReadAllText(file));
            return Parse(file, doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new RubricException(file, ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }
    }

    /// <summary>Checks and builds a rubric from its JSON.</summary>
    public static Rubric Parse(string file, JsonElement root)
    {
        RubricException Bad(string path, string reason) => new(file, path, reason);

        string Text(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var v)) throw Bad($"{path}.{name}", "is missing");
            if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())) throw Bad($"{path}.{name}", "must be a non-empty string");
            return v.GetString()!;
        }

        if (root.ValueKind != JsonValueKind.Object) throw Bad("$", "must be an object");
        var kpiText = Text(root, "$", "kpi");
        if (!EnumNames.TryParse<Kpi>(kpiText, out var kpi)) throw Bad("$.kpi", $"unknown kpi '{kpiText}' (expected {EnumNames.Accepted<Kpi>()})");
        var version = Text(root, "$", "version");
        if (!SemVer().IsMatch(version)) throw Bad("$.version", $"'{version}' is not a version like 1.0.0");
        var title = Text(root, "$", "title");
        if (!root.TryGetProperty("levels", out var levelsJson) || levelsJson.ValueKind != JsonValueKind.Array)
            throw Bad("$.levels", "must be an array of four levels");
        if (levelsJson.GetArrayLength() != 4) throw Bad("$.levels", $"must have exactly 4 levels (0–3), has {levelsJson.GetArrayLength()}");

        var levels = new List<RubricLevel>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var l in levelsJson.EnumerateArray())
        {
            var path = $"$.levels[{i}]";
            if (l.ValueKind != JsonValueKind.Object) throw Bad(path, "must be an object");
            if (!l.TryGetProperty("level", out var levelJson) || !levelJson.TryGetInt32(out var level)) throw Bad($"{path}.level", "must be an integer");
            if (level != i) throw Bad($"{path}.level", $"must be {i} (levels are listed 0, 1, 2, 3)");
            var name = Text(l, path, "name");
            if (name != Rubric.LevelNames[i]) throw Bad($"{path}.name", $"must be '{Rubric.LevelNames[i]}'");
            var anchor = Text(l, path, "anchor");
            if (!l.TryGetProperty("indicators", out var indJson) || indJson.ValueKind != JsonValueKind.Array)
                throw Bad($"{path}.indicators", "must be an array");
            var count = indJson.GetArrayLength();
            if (count is < 2 or > 4) throw Bad($"{path}.indicators", $"must have 2–4 indicators, has {count}");
            var indicators = new List<Indicator>();
            var j = 0;
            foreach (var ind in indJson.EnumerateArray())
            {
                var ipath = $"{path}.indicators[{j++}]";
                if (ind.ValueKind != JsonValueKind.Object) throw Bad(ipath, "must be an object with id and text");
                var id = Text(ind, ipath, "id");
                if (!ids.Add(id)) throw Bad($"{ipath}.id", $"duplicate indicator id '{id}'");
                indicators.Add(new Indicator(id, Text(ind, ipath, "text")));
            }
            var required = (count + 1) / 2;
            if (l.TryGetProperty("required", out var reqJson))
            {
                if (!reqJson.TryGetInt32(out required) || required < 1 || required > count)
                    throw Bad($"{path}.required", $"must be an integer from 1 to {count}");
            }
            levels.Add(new RubricLevel(level, name, anchor, indicators, required));
            i++;
        }
        return new Rubric(kpi, title, version, levels);
    }
}
