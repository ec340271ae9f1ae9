namespace SoftSkills.Measurement.Kpis;

/// <summary>A KPI value with the count it is a share of; null value when there was no data.</summary>
public sealed record Share(int Numerator, int Denominator)
{
    /// <summary>100 × numerator / denominator, or null when the denominator is 0 ("no data", never 0 or NaN).</summary>
    public double? Percent => Denominator == 0 ? null : 100.0 * Numerator / Denominator;
}

/// <summary>The four KPIs of one group in one period. A suppressed row carries no KPI values.</summary>
public sealed record KpiRow
{
    public required string GroupBy { get; init; }
    public required string Group { get; init; }
    public required PeriodKind Period { get; init; }
    public required DateOnly PeriodStart { get; init; }

    /// <summary>Distinct employees of the group whose events the row uses.</summary>
    public required int Employees { get; init; }
    public required bool Suppressed { get; init; }

    public double? Res { get; init; }
    public double? Ci { get; init; }
    public double? Dqr { get; init; }
    public double? Hsr { get; init; }

    public int? ResN { get; init; }
    /// <summary>Replies with text but no human or auto rating: reported, never guessed.</summary>
    public int? ResUnrated { get; init; }
    public int? CiN { get; init; }
    public int? DqrN { get; init; }
    public int? HsrN { get; init; }

    /// <summary>The three shares behind CI, each 0–100.</summary>
    public double? CiReciprocity { get; init; }
    public double? CiResponsiveness { get; init; }
    public double? CiCrossTeamReach { get; init; }

    /// <summary>DQR by decision type.</summary>
    public IReadOnlyDictionary<string, Share>? DqrByType { get; init; }

    /// <summary>RES by channel (chat, ticket, email, ...).</summary>
    public IReadOnlyDictionary<string, Share>? ResByChannel { get; init; }

    /// <summary>Suppresses a row: keeps who and when, drops every value.</summary>
    public KpiRow Suppress() => new()
    {
        GroupBy = GroupBy, Group = Group, Period = Period, PeriodStart = PeriodStart, Employees = Employees, Suppressed = true,
    };
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
public sealed record KpiReport(IReadOnlyList<KpiRow> Rows, DateOnly? FirstDay, DateOnly? LastDay, long EventsUsed);
