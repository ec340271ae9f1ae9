using SoftSkills.Data;
using System.Text.Json;

namespace SoftSkills.Analysis.Roi;

/// <summary>A bad ROI input: the JSON path and the rule, e.g. <c>$.scenarios[1].members: must be positive</c>.</summary>
public sealed class RoiInputException(string path, string rule) : Exception($"{path}: {rule}")
{
    public string JsonPath { get; } = path;
}

/// <summary>An uncertain input: lowest plausible, most likely and highest plausible value. A plain number has all three equal.</summary>
public readonly record struct ThreePoint(double Low, double Mode, double High)
{
    public static ThreePoint Exactly(double v) => new(v, v, v);
    public bool IsFixed => Low == High;
}

/// <summary>How Monte Carlo draws a three-point input.</summary>
public enum Distribution { Triangular, Pert }

/// <summary>One named scenario: every numeric input as a three-point value, and the ramp's shape.</summary>
public sealed record RoiScenario(string Name, IReadOnlyDictionary<string, ThreePoint> Inputs, RampShape RampShape, int HorizonMonths, double DiscountRateAnnual)
{
    /// <summary>The deterministic inputs: every three-point value at its mode.</summary>
    public RoiInputs AtMode() => RoiFields.Build(this, name => Inputs[name].Mode);

    /// <summary>The scenario with one input replaced (a notebook's parameter, a pilot's measured uplift).</summary>
    public RoiScenario With(string input, ThreePoint value)
    {
        if (!Inputs.ContainsKey(input)) throw new ArgumentException($"'{input}' is not an input (expected one of {string.Join(", ", Inputs.Keys)})");
        var inputs = Inputs.ToDictionary(kv => kv.Key, kv => kv.Value);
        inputs[input] = value;
        return this with { Inputs = inputs };
    }
}

/// <summary>
/// A scenario file (docs/design.md, "ROI"): top-level defaults, named scenarios, three-point inputs, and the ISO 4217
/// currency every amount is in (<see cref="Currency"/>, "currency units" when the file does not say).
/// </summary>
public sealed record RoiFile(IReadOnlyList<RoiScenario> Scenarios, Distribution Distribution, IReadOnlyDictionary<string, double> KpiToProductivity, string Currency = RoiFile.NoCurrency)
{
    public const string NoCurrency = "currency units";

    public static RoiFile Load(string path) => Parse(SoftSkills.Data.Files.TextFiles.ReadAllText(path));

    public static RoiFile Parse(string json)
    {
        JsonElement root;
        try { root = SoftSkills.Data.Files.JsonText.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }).RootElement; }
        catch (JsonException ex) { throw new RoiInputException("$", SoftSkills.Data.Files.JsonErrors.Describe(ex)); }
        if (root.ValueKind != JsonValueKind.Object) throw new RoiInputException("$", "must be an object");

        var horizon = 36;
        var discount = 0.08;
        var distribution = Distribution.Triangular;
        var currency = NoCurrency;
        var mapping = new Dictionary<string, double>(RoiFields.DefaultKpiToProductivity);
        var defaults = new Dictionary<string, JsonElement>();
        JsonElement? scenarios = null;
        foreach (var p in root.EnumerateObject())
        {
            var path = $"$.{p.Name}";
            switch (p.Name)
            {
                case "horizon_months":
                    if (!p.Value.TryGetInt32(out horizon) || horizon is < 1 or > SizeLimits.HorizonMonths) throw new RoiInputException(path, $"must be a whole number of months from 1 to {SizeLimits.HorizonMonths}");
                    break;
                case "discount_rate_annual":
                    discount = Number(p.Value, path);
                    if (discount is < 0 or > 1) throw new RoiInputException(path, "must be between 0 and 1 (0.08 = 8% a year)");
                    break;
                case "currency":
                    currency = Text(p.Value, path);
                    if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) throw new RoiInputException(path, "must be an ISO 4217 code such as EUR, USD or GBP");
                    break;
                case "distribution":
                    distribution = Text(p.Value, path) switch
                    {
                        "triangular" => Distribution.Triangular,
                        "pert" => Distribution.Pert,
                        _ => throw new RoiInputException(path, "must be triangular or pert"),
                    };
                    break;
                case "kpi_to_productivity":
                    if (p.Value.ValueKind != JsonValueKind.Object) throw new RoiInputException(path, "must be an object of KPI → productivity per point");
                    foreach (var k in p.Value.EnumerateObject())
                    {
                        if (!RoiFields.DefaultKpiToProductivity.ContainsKey(k.Name)) throw new RoiInputException($"{path}.{k.Name}", "unknown KPI (expected res, ci, dqr, hsr)");
                        mapping[k.Name] = Number(k.Value, $"{path}.{k.Name}");
                    }
                    break;
                case "scenarios":
                    scenarios = p.Value;
                    break;
                default:
                    if (!RoiFields.IsField(p.Name)) throw new RoiInputException(path, "unknown field");
                    defaults[p.Name] = p.Value;
                    break;
            }
        }
        var list = new List<RoiScenario>();
        if (scenarios is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
            throw new RoiInputException("$.scenarios", "must be a non-empty list of scenarios");
        var i = 0;
        foreach (var s in array.EnumerateArray())
        {
            var path = $"$.scenarios[{i++}]";
            if (s.ValueKind != JsonValueKind.Object) throw new RoiInputException(path, "must be an object");
            var fields = new Dictionary<string, (JsonElement Value, string Path)>();
            foreach (var (name, value) in defaults) fields[name] = (value, $"$.{name}");
            string? scenarioName = null;
            foreach (var p in s.EnumerateObject())
            {
                if (p.Name == "name") { scenarioName = Text(p.Value, $"{path}.name"); continue; }
                if (!RoiFields.IsField(p.Name)) throw new RoiInputException($"{path}.{p.Name}", "unknown field");
                fields[p.Name] = (p.Value, $"{path}.{p.Name}");
            }
            if (string.IsNullOrWhiteSpace(scenarioName)) throw new RoiInputException($"{path}.name", "must be a non-empty string");
            if (list.Any(x => x.Name == scenarioName)) throw new RoiInputException($"{path}.name", $"duplicate scenario '{scenarioName}'");
            list.Add(RoiFields.Scenario(scenarioName, fields, horizon, discount));
        }
        return new RoiFile(list, distribution, mapping, currency);
    }

    static string Text(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new RoiInputException(path, "must be a string");

    internal static double Number(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) ? v : throw new RoiInputException(path, "must be a number");
}
