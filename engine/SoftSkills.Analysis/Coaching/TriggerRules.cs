using System.Text.Json;
using SoftSkills.Data.Schema;

namespace SoftSkills.Analysis.Coaching;

/// <summary>What a rule looks for in a KPI's weekly series.</summary>
public enum TriggerKind
{
    /// <summary>Every one of the last <c>weeks</c> weeks below the team's target.</summary>
    BelowTarget,
    /// <summary>Every one of the last <c>weeks</c> weeks at least <c>points</c> below the team's baseline.</summary>
    BelowBaseline,
    /// <summary>The latest week at least <c>points</c> lower than <c>weeks</c> weeks before.</summary>
    Drop,
    /// <summary>Every one of the last <c>weeks</c> weeks below a fixed <c>value</c>.</summary>
    BelowValue,
}

/// <summary>An action trigger: a threshold rule on one KPI, with the weight it adds to a team's need for coaching.</summary>
public sealed record TriggerRule(string Id, Kpi Kpi, TriggerKind Kind, int Weeks, double Points, double Value, double Weight, string Message);

/// <summary>A bad trigger file: the JSON path and the rule it breaks.</summary>
public sealed class TriggerRulesException(string path, string rule) : Exception($"{path}: {rule}")
{
    public string JsonPath { get; } = path;
}

/// <summary>The rules of <c>data/triggers/*.json</c>: thresholds in data, not code.</summary>
public sealed record TriggerRules(string Version, IReadOnlyList<TriggerRule> Rules)
{
    public static TriggerRules Load(string path) => Parse(SoftSkills.Data.Files.TextFiles.ReadAllText(path));

    public static TriggerRules Parse(string json)
    {
        JsonElement root;
        try { root = SoftSkills.Data.Files.JsonText.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false }).RootElement; }
        catch (JsonException ex) { throw new TriggerRulesException("$", SoftSkills.Data.Files.JsonErrors.Describe(ex)); }
        string Text(JsonElement e, string path, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s : throw new TriggerRulesException($"{path}.{name}", "must be a non-empty string");
        // A number within [min, max] (NaN and overflow are impossible in JSON, but 1e308 and null are not).
        double Number(JsonElement e, string path, string name, double fallback, double min, double max) =>
            !e.TryGetProperty(name, out var v) ? fallback
            : v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= min && d <= max ? d
            : throw new TriggerRulesException($"{path}.{name}", $"must be a number between {min} and {max}");
        if (root.ValueKind != JsonValueKind.Object) throw new TriggerRulesException("$", "must be an object with version and rules");
        var version = Text(root, "$", "version");
        if (!root.TryGetProperty("rules", out var rulesJson) || rulesJson.ValueKind != JsonValueKind.Array)
            throw new TriggerRulesException("$.rules", "must be a list of rules");
        var rules = new List<TriggerRule>();
        var i = 0;
        foreach (var r in rulesJson.EnumerateArray())
        {
            var path = $"$.rules[{i++}]";
            if (r.ValueKind != JsonValueKind.Object) throw new TriggerRulesException(path, "must be an object");
            var id = Text(r, path, "id");
            var kpiText = Text(r, path, "kpi");
            if (!EnumNames.TryParse<Kpi>(kpiText, out var kpi)) throw new TriggerRulesException($"{path}.kpi", $"unknown KPI '{kpiText}' (expected res, ci, dqr, hsr)");
            var kind = Text(r, path, "kind") switch
            {
                "below_target" => TriggerKind.BelowTarget,
                "below_baseline" => TriggerKind.BelowBaseline,
                "drop" => TriggerKind.Drop,
                "below_value" => TriggerKind.BelowValue,
                var k => throw new TriggerRulesException($"{path}.kind", $"unknown kind '{k}' (expected below_target, below_baseline, drop, below_value)"),
            };
            var weeksValue = Number(r, path, "weeks", 1, 1, 520);
            if (weeksValue != Math.Floor(weeksValue)) throw new TriggerRulesException($"{path}.weeks", "must be a whole number of weeks");
            var weeks = (int)weeksValue;
            var points = Number(r, path, "points", 0, 0, 100);
            if (kind is TriggerKind.Drop or TriggerKind.BelowBaseline && points <= 0) throw new TriggerRulesException($"{path}.points", "must be positive");
            if (kind == TriggerKind.BelowValue && !r.TryGetProperty("value", out _)) throw new TriggerRulesException($"{path}.value", "is missing");
            var weight = Number(r, path, "weight", 1, 0, 1000);
            if (weight <= 0) throw new TriggerRulesException($"{path}.weight", "must be positive");
            if (rules.Any(x => x.Id == id)) throw new TriggerRulesException($"{path}.id", $"duplicate rule id '{id}'");
            rules.Add(new TriggerRule(id, kpi, kind, weeks, points, Number(r, path, "value", 0, -100, 100), weight, Text(r, path, "message")));
        }
        return new TriggerRules(version, rules);
    }
}
