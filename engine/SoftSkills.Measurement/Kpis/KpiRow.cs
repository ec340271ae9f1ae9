using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// A KPI value with the count it is a share of and the distinct people whose actions it counts. A withheld share (too
/// few people, or derivable by subtraction) carries only the reason: no value, no count.
/// </summary>
public sealed record Share(int Numerator, int Denominator, int People = 0, string? Withheld = null)
{
    /// <summary>100 × numerator / denominator, or null when there is no data or the share is withheld (never 0 or NaN).</summary>
    public double? Percent => Withheld is not null || Denominator == 0 ? null : 100.0 * Numerator / Denominator;

    /// <summary>The same share withheld for a reason: its counts are dropped.</summary>
    public Share Withhold(string reason) => new(0, 0, 0, reason);
}

/// <summary>The raw counts behind a row, kept inside the library for disclosure control; outputs never print them.</summary>
public sealed record CellCounts(int N, int People, int[]? SmallSet);

/// <summary>The four KPIs of one group in one period. A suppressed row carries no KPI values.</summary>
public sealed record KpiRow
{
    public required string GroupBy { get; init; }
    public required string Group { get; init; }
    public required PeriodKind Period { get; init; }
    public required DateOnly PeriodStart { get; init; }

    /// <summary>Distinct employees of the group whose events the row uses.</summary>
    public required int Employees { get; init; }

    /// <summary>True when the group has fewer contributing employees than the minimum: every value is withheld.</summary>
    public required bool Suppressed { get; init; }

    public double? Res { get; init; }
    public double? Ci { get; init; }
    public double? Dqr { get; init; }
    public double? Hsr { get; init; }

    /// <summary>Counts behind each KPI (null when the KPI is withheld).</summary>
    public int? ResN { get; init; }
    /// <summary>Replies with text but no human or auto rating: reported, never guessed.</summary>
    public int? ResUnrated { get; init; }
    public int? CiN { get; init; }
    public int? DqrN { get; init; }
    public int? HsrN { get; init; }

    /// <summary>Distinct people whose actions each KPI counts: repliers (RES), participants (CI), deciders (DQR), senders of handoffs (HSR); null when withheld.</summary>
    public int? ResPeople { get; init; }
    public int? CiPeople { get; init; }
    public int? DqrPeople { get; init; }
    public int? HsrPeople { get; init; }

    /// <summary>Why a KPI's value is withheld (too few people, or derivable by subtraction), by KPI.</summary>
    public IReadOnlyDictionary<Kpi, string>? Withheld { get; init; }

    /// <summary>The three shares behind CI, each 0–100.</summary>
    public double? CiReciprocity { get; init; }
    public double? CiResponsiveness { get; init; }
    public double? CiCrossTeamReach { get; init; }

    /// <summary>DQR by decision type.</summary>
    public IReadOnlyDictionary<string, Share>? DqrByType { get; init; }

    /// <summary>RES by channel (chat, ticket, email, ...).</summary>
    public IReadOnlyDictionary<string, Share>? ResByChannel { get; init; }

    /// <summary>
    /// The counts behind every value, by cell key (<c>res</c>, <c>ci</c>, <c>dqr</c>, <c>hsr</c>, <c>dqr/TYPE</c>,
    /// <c>res/CHANNEL</c>), with the contributors of cells below the minimum: input to <see cref="Disclosure"/> only.
    /// </summary>
    internal IReadOnlyDictionary<string, CellCounts> Cells { get; init; } = new Dictionary<string, CellCounts>();

    /// <summary>Suppresses a row: keeps who and when, drops every value.</summary>
    public KpiRow Suppress() => new()
    {
        GroupBy = GroupBy, Group = Group, Period = Period, PeriodStart = PeriodStart, Employees = Employees, Suppressed = true, Cells = Cells,
    };

    /// <summary>The row with one KPI (and its breakdown) withheld for a reason.</summary>
    public KpiRow WithholdKpi(Kpi kpi, string reason)
    {
        if (Suppressed || Withheld?.ContainsKey(kpi) == true) return this;
        var withheld = new Dictionary<Kpi, string>(Withheld ?? new Dictionary<Kpi, string>()) { [kpi] = reason };
        var r = this with { Withheld = withheld };
        return kpi switch
        {
            Kpi.Res => r with { Res = null, ResN = null, ResPeople = null, ResUnrated = null, ResByChannel = WithholdAll(ResByChannel, reason) },
            Kpi.Ci => r with { Ci = null, CiN = null, CiPeople = null, CiReciprocity = null, CiResponsiveness = null, CiCrossTeamReach = null },
            Kpi.Dqr => r with { Dqr = null, DqrN = null, DqrPeople = null, DqrByType = WithholdAll(DqrByType, reason) },
            _ => r with { Hsr = null, HsrN = null, HsrPeople = null },
        };
    }

    /// <summary>The row with one cell of a breakdown (<c>dqr/TYPE</c> or <c>res/CHANNEL</c>) withheld.</summary>
    public KpiRow WithholdPart(string cellKey, string reason)
    {
        var (kpi, part) = CellKey.Split(cellKey);
        if (part is null) return WithholdKpi(kpi, reason);
        IReadOnlyDictionary<string, Share>? Change(IReadOnlyDictionary<string, Share>? shares) =>
            shares is null || !shares.TryGetValue(part, out var s) || s.Withheld is not null ? shares
                : new Dictionary<string, Share>(shares) { [part] = s.Withhold(reason) };
        return kpi == Kpi.Dqr ? this with { DqrByType = Change(DqrByType) } : this with { ResByChannel = Change(ResByChannel) };
    }

    static IReadOnlyDictionary<string, Share>? WithholdAll(IReadOnlyDictionary<string, Share>? shares, string reason) =>
        shares?.ToDictionary(kv => kv.Key, kv => kv.Value.Withheld is null ? kv.Value.Withhold(reason) : kv.Value);
}

/// <summary>Keys of the cells of a row: a KPI, or a KPI and a part of its breakdown (<c>dqr/refund</c>).</summary>
public static class CellKey
{
    public static string Of(Kpi kpi, string? part = null) => part is null ? EnumNames.Of(kpi) : $"{EnumNames.Of(kpi)}/{part}";

    public static (Kpi Kpi, string? Part) Split(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key[..slash];
        if (!EnumNames.TryParse<Kpi>(name, out var kpi)) throw new ArgumentException($"'{key}' is not a KPI cell");
        return (kpi, slash < 0 ? null : key[(slash + 1)..]);
    }
}

/// <summary>A group's baseline (the window's first days) and target (baseline + uplift) for each KPI.</summary>
public sealed record KpiBaseline(string Group, bool Suppressed, double? Res, double? Ci, double? Dqr, double? Hsr, double Uplift)
{
    public double? ResTarget => Target(Res);
    public double? CiTarget => Target(Ci);
    public double? DqrTarget => Target(Dqr);
    public double? HsrTarget => Target(Hsr);
    double? Target(double? b) => b is { } v ? Math.Min(100, v + Uplift) : null;
}

/// <summary>KPI rows plus the data window they cover.</summary>
public sealed record KpiReport(IReadOnlyList<KpiRow> Rows, DateOnly? FirstDay, DateOnly? LastDay, long EventsUsed)
{
    /// <summary>The grouping the rows were computed under (for disclosure control across reports).</summary>
    internal Grouping? Grouping { get; init; }

    /// <summary>The minimum number of people behind a published value.</summary>
    public int MinGroupSize { get; init; } = 1;
}
