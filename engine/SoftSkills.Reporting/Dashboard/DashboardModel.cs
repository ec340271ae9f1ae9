namespace SoftSkills.Reporting.Dashboard;

/// <summary>
/// Everything the coaching dashboard shows, aggregated before charting (never an event, never an employee id), serialised
/// once into the page (snake_case JSON) and drawn by dashboard.js. Values that rest on too few people are absent with the
/// reason; every value carries the period it covers and its n.
/// </summary>
public sealed record DashboardModel(
    string FirstDay, string LastDay, int MinGroupSize, int MinObservations,
    IReadOnlyList<WeekInfo> Weeks, WeekInfo? CurrentWeek, BaselineInfo? Baseline,
    IReadOnlyList<KpiInfo> Kpis, GroupView Organisation, IReadOnlyList<GroupView> Teams,
    IReadOnlyList<RankEntry> Ranking, IReadOnlyList<NotRanked> NotRanked, string ScoreExplanation,
    IReadOnlyList<string> SegmentColumns, QualityView Quality, PilotView? Pilot, string TriggersVersion);

/// <summary>An ISO week: its Monday, the days of data it covers, whether all five working days are in the data.</summary>
public sealed record WeekInfo(string Monday, string From, string To, bool Complete);

/// <summary>The baseline: the whole weeks that end within the first baseline days.</summary>
public sealed record BaselineInfo(string From, string To, int Days);

/// <summary>A KPI's key, title, unit, what its n counts, and a caveat a reader needs.</summary>
public sealed record KpiInfo(string Key, string Title, string Unit, string CountNoun, string? Caveat);

/// <summary>
/// One value: the number (null when absent), its n and the people behind it, and why it is absent or not ranked
/// (no data; fewer than the minimum people; withheld so a smaller group's value cannot be derived; fewer observations than the floor).
/// </summary>
public sealed record Cell(double? Value, int? N, int? People, string? Note, bool Thin = false);

/// <summary>A KPI of a group: the current complete week, the weekly series, the window, baseline and target.</summary>
public sealed record KpiView(Cell Current, IReadOnlyList<Cell> Series, Cell Window, Cell Baseline, double? Target);

/// <summary>A segment of a team (one value of a segment column) with at least the minimum number of people; smaller ones are not listed at all.</summary>
public sealed record SegmentView(string Label, int? Employees, bool Suppressed, IReadOnlyDictionary<string, Cell> Kpis);

/// <summary>The organisation or a team.</summary>
public sealed record GroupView(
    string Name, int? Employees, bool Suppressed, IReadOnlyDictionary<string, KpiView>? Kpis,
    IReadOnlyDictionary<string, Cell>? DqrByType, IReadOnlyDictionary<string, Cell>? ResByChannel,
    IReadOnlyDictionary<string, IReadOnlyList<SegmentView>>? Segments, IReadOnlyList<string>? ColumnsWithHiddenSegments = null);

/// <summary>A ranked team: its score, the KPI driving it, the rules that fired, in the week ranked.</summary>
public sealed record RankEntry(string Team, double Score, string Kpi, IReadOnlyList<string> Triggers, string Week, IReadOnlyDictionary<string, Cell> Values);

/// <summary>A team left out of the ranking, and why (shown, flagged, not ranked).</summary>
public sealed record NotRanked(string Team, string Reason);

/// <summary>Data quality: rows read and rejected, how many replies humans rated, and the auto-coder's precision and coverage.</summary>
public sealed record QualityView(long RowsRead, long RowsRejected, int RepliesWithText, double? HumanRatedShare, double? AutoPrecision, int AutoPrecisionN, double? AutoCoverage);

/// <summary>A pilot: its design, the arms' KPIs per period and each KPI's effect.</summary>
public sealed record PilotView(
    string PilotStart, string BaselineTo, string PilotFrom, IReadOnlyList<string> TreatmentTeams, IReadOnlyList<string> ControlTeams,
    IReadOnlyList<ArmView> Arms, IReadOnlyList<EffectView> Effects, string Method, double Level, string? DesignNote);

/// <summary>One arm in one period.</summary>
public sealed record ArmView(string Arm, string Period, string From, string To, IReadOnlyDictionary<string, Cell> Kpis);

/// <summary>
/// One KPI's pilot effect: estimate and interval (null with the reason when not estimable), p, Holm-adjusted p, the
/// randomisation p and the smallest p the design allows, the verdict, the true effect when simulated, and a caveat.
/// </summary>
public sealed record EffectView(
    string Kpi, double? Estimate, double? Lower, double? Upper, double? P, double? HolmP, double? PermutationP, double? SmallestP,
    bool Detected, double? True, string? NotEstimable, string? Caveat);
