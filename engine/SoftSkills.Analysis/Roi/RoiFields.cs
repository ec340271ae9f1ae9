using System.Text.Json;

namespace SoftSkills.Analysis.Roi;

/// <summary>The numeric inputs of a scenario by their file names, their defaults, and the rules each must follow.</summary>
static class RoiFields
{
    sealed record Field(string Name, Func<RoiInputs, double> Default, Func<RoiInputs, double, RoiInputs> Set, Func<double, int, string?> Rule);

    static string? Positive(double v, int _) => v > 0 ? null : "must be positive";
    static string? NonNegative(double v, int _) => v >= 0 ? null : "must be zero or more";
    static string? Share(double v, int _) => v is >= 0 and <= 1 ? null : "must be between 0 and 1";

    static readonly Field[] All =
    [
        new("members", x => x.Members, (x, v) => x with { Members = v }, Positive),
        new("loaded_cost_per_member_month", x => x.LoadedCostPerMemberMonth, (x, v) => x with { LoadedCostPerMemberMonth = v }, NonNegative),
        new("productivity_uplift", x => x.ProductivityUplift, (x, v) => x with { ProductivityUplift = v },
            (v, _) => v is >= -1 and <= 1 ? null : "must be between -1 and 1 (0.02 = 2%; over 100% is not a productivity gain)"),
        new("ramp_months", x => x.RampMonths, (x, v) => x with { RampMonths = v },
            (v, horizon) => v < 0 ? "must be zero or more" : v > horizon ? $"a ramp of {v} months is longer than the horizon ({horizon} months)" : null),
        new("coaching_months", x => x.CoachingMonths, (x, v) => x with { CoachingMonths = v }, NonNegative),
        new("effect_decay_per_month", x => x.EffectDecayPerMonth, (x, v) => x with { EffectDecayPerMonth = v }, Share),
        new("software_per_seat_month", x => x.SoftwarePerSeatMonth, (x, v) => x with { SoftwarePerSeatMonth = v }, NonNegative),
        new("software_fixed_month", x => x.SoftwareFixedMonth, (x, v) => x with { SoftwareFixedMonth = v }, NonNegative),
        new("implementation_cost", x => x.ImplementationCost, (x, v) => x with { ImplementationCost = v }, NonNegative),
        new("implementation_months", x => x.ImplementationMonths, (x, v) => x with { ImplementationMonths = v },
            (v, horizon) => v < 0 ? "must be zero or more" : v > horizon ? "must not be longer than the horizon" : null),
        new("coaching_hours_per_member_month", x => x.CoachingHoursPerMemberMonth, (x, v) => x with { CoachingHoursPerMemberMonth = v }, NonNegative),
        new("hourly_rate", x => x.HourlyRate, (x, v) => x with { HourlyRate = v }, NonNegative),
        new("review_hours_per_member_month", x => x.ReviewHoursPerMemberMonth, (x, v) => x with { ReviewHoursPerMemberMonth = v }, NonNegative),
        new("months_to_precision_bar", x => x.MonthsToPrecisionBar, (x, v) => x with { MonthsToPrecisionBar = v }, NonNegative),
        new("audit_hours_per_member_month", x => x.AuditHoursPerMemberMonth, (x, v) => x with { AuditHoursPerMemberMonth = v }, NonNegative),
        new("auto_share_after_bar", x => x.AutoShareAfterBar, (x, v) => x with { AutoShareAfterBar = v }, Share),
        new("recurring_savings_per_member_month", x => x.RecurringSavingsPerMemberMonth, (x, v) => x with { RecurringSavingsPerMemberMonth = v }, NonNegative),
    ];

    static readonly Dictionary<string, Field> ByName = All.ToDictionary(f => f.Name);

    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>
    /// Productivity per KPI point: by default a point of Handoff Success Rate is worth 0.2% and a point of Decision-Quality
    /// Rate 0.1%; RES and CI count for nothing, since a rise in marker-coded empathy can be stock phrases (Goodhart).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultKpiToProductivity =
        new Dictionary<string, double> { ["res"] = 0, ["ci"] = 0, ["dqr"] = 0.001, ["hsr"] = 0.002 };

    public static bool IsField(string name) => ByName.ContainsKey(name) || name == "ramp_shape";

    public static RoiInputs Build(RoiScenario s, Func<string, double> value)
    {
        var x = new RoiInputs { Name = s.Name, HorizonMonths = s.HorizonMonths, DiscountRateAnnual = s.DiscountRateAnnual, RampShape = s.RampShape };
        foreach (var f in All) x = f.Set(x, value(f.Name));
        return x;
    }

    public static RoiScenario Scenario(string name, Dictionary<string, (JsonElement Value, string Path)> given, int horizon, double discount)
    {
        var defaults = new RoiInputs();
        var inputs = new Dictionary<string, ThreePoint>();
        var shape = RampShape.Linear;
        if (given.TryGetValue("ramp_shape", out var shapeJson))
        {
            shape = (shapeJson.Value.ValueKind == JsonValueKind.String ? shapeJson.Value.GetString() : null) switch
            {
                "linear" => RampShape.Linear,
                "s" or "s_curve" => RampShape.S,
                _ => throw new RoiInputException(shapeJson.Path, "must be linear or s"),
            };
        }
        foreach (var f in All)
        {
            var point = given.TryGetValue(f.Name, out var g) ? Read(g.Value, g.Path) : ThreePoint.Exactly(f.Default(defaults));
            var path = g.Path ?? $"$.{f.Name}";
            foreach (var (v, part) in new[] { (point.Low, "low"), (point.Mode, "mode"), (point.High, "high") })
                if (f.Rule(v, horizon) is { } broken) throw new RoiInputException(point.IsFixed ? path : $"{path}.{part}", broken);
            inputs[f.Name] = point;
        }
        return new RoiScenario(name, inputs, shape, horizon, discount);
    }

    static ThreePoint Read(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Number) return ThreePoint.Exactly(RoiFile.Number(e, path));
        if (e.ValueKind != JsonValueKind.Object) throw new RoiInputException(path, "must be a number or {\"low\":..,\"mode\":..,\"high\":..}");
        double Part(string name) => e.TryGetProperty(name, out var v) ? RoiFile.Number(v, $"{path}.{name}") : throw new RoiInputException($"{path}.{name}", "is missing");
        foreach (var p in e.EnumerateObject())
            if (p.Name is not ("low" or "mode" or "high")) throw new RoiInputException($"{path}.{p.Name}", "unknown field (expected low, mode, high)");
        var t = new ThreePoint(Part("low"), Part("mode"), Part("high"));
        if (!(t.Low <= t.Mode && t.Mode <= t.High)) throw new RoiInputException(path, "must have low <= mode <= high");
        return t;
    }
}
