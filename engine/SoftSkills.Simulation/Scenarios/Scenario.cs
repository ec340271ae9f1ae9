using System.Text.Json.Serialization;

namespace SoftSkills.Simulation.Scenarios;

/// <summary>A simulated organisation, its workload, raters, pilot and interventions (docs/design.md §7). JSON uses snake_case.</summary>
[GenerateSerializer, Immutable, Alias("softskills.scenario")]
public sealed record Scenario
{
    [Id(0)] public string Name { get; init; } = "scenario";
    [Id(1)] public ulong Seed { get; init; } = 1;
    /// <summary>Day 0 of the simulation (a Monday keeps weeks aligned).</summary>
    [Id(2)] public DateOnly StartDate { get; init; } = new(2026, 1, 5);
    [Id(3)] public List<TeamSpec> Teams { get; init; } = [];
    /// <summary>Per <c>attr_*</c> column, the share of each value among employees.</summary>
    [Id(4)] public Dictionary<string, Dictionary<string, double>> Cohorts { get; init; } = [];
    /// <summary>Latent traits in [0,1]: empathy, collaboration, decision_skill, handoff_diligence.</summary>
    [Id(5)] public Dictionary<string, TraitSpec> Traits { get; init; } = [];
    /// <summary>Shifts of a trait's mean for a cohort (e.g. region), applied on top of <see cref="Traits"/>.</summary>
    [Id(6)] public List<TraitShift> TraitShifts { get; init; } = [];
    [Id(7)] public Workload Workload { get; init; } = new();
    [Id(8)] public Raters Raters { get; init; } = new();
    [Id(9)] public PilotSpec Pilot { get; init; } = new();
    [Id(10)] public Interventions Interventions { get; init; } = new();
    [Id(11)] public TextSpec Text { get; init; } = new();

    [JsonIgnore] public int Days => Pilot.BaselineDays + Pilot.PilotDays;
    [JsonIgnore] public int Employees => Teams.Sum(t => t.Size);
}

[GenerateSerializer, Immutable, Alias("softskills.team-spec")]
public sealed record TeamSpec
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public int Size { get; init; }
    /// <summary>Role counts; the first listed role's first member leads the team and manages the others. The rest are "member".</summary>
    [Id(2)] public Dictionary<string, int> Roles { get; init; } = [];
    /// <summary>Whether the team answers customer requests.</summary>
    [Id(3)] public bool CustomerFacing { get; init; } = true;
}

[GenerateSerializer, Immutable, Alias("softskills.trait-spec")]
public sealed record TraitSpec
{
    [Id(0)] public double Mean { get; init; } = 0.5;
    [Id(1)] public double Sd { get; init; } = 0.15;
}

[GenerateSerializer, Immutable, Alias("softskills.trait-shift")]
public sealed record TraitShift
{
    [Id(0)] public string Attribute { get; init; } = "";
    [Id(1)] public string Value { get; init; } = "";
    [Id(2)] public string Trait { get; init; } = "";
    [Id(3)] public double Shift { get; init; }
}

/// <summary>Rates are per employee per working day unless named otherwise.</summary>
[GenerateSerializer, Immutable, Alias("softskills.workload")]
public sealed record Workload
{
    /// <summary>Customer requests per customer-facing employee per day, by channel (ticket, email, chat).</summary>
    [Id(0)] public Dictionary<string, double> CustomerRequestsPerDay { get; init; } = new() { ["ticket"] = 2, ["email"] = 0.5, ["chat"] = 1 };
    /// <summary>Share of customer requests that are complaints or carry distress.</summary>
    [Id(1)] public double ComplaintShare { get; init; } = 0.3;
    [Id(2)] public double InternalRequestsPerDay { get; init; } = 0.5;
    [Id(3)] public double MessagesPerDay { get; init; } = 3;
    /// <summary>Share of messages and internal requests that go to another team.</summary>
    [Id(4)] public double CrossTeamShare { get; init; } = 0.25;
    [Id(5)] public List<HandoffRoute> HandoffRoutes { get; init; } = [];
    [Id(6)] public List<DecisionSpec> Decisions { get; init; } = [];
    [Id(7)] public double MeetingsPerWeek { get; init; } = 3;
    [Id(8)] public double TaskUpdatesPerDay { get; init; } = 1.5;
}

[GenerateSerializer, Immutable, Alias("softskills.handoff-route")]
public sealed record HandoffRoute
{
    [Id(0)] public string From { get; init; } = "";
    [Id(1)] public string To { get; init; } = "";
    /// <summary>Handoffs per member of the sending team per day.</summary>
    [Id(2)] public double PerDay { get; init; }
}

[GenerateSerializer, Immutable, Alias("softskills.decision-spec")]
public sealed record DecisionSpec
{
    [Id(0)] public string Type { get; init; } = "";
    [Id(1)] public double PerDay { get; init; }
    /// <summary>Probability of a good decision at average decision skill (0.5).</summary>
    [Id(2)] public double BaseQuality { get; init; } = 0.7;
}

[GenerateSerializer, Immutable, Alias("softskills.raters")]
public sealed record Raters
{
    /// <summary>Share of replies that simulated human raters rate.</summary>
    [Id(0)] public double HumanShare { get; init; } = 0.1;
    [Id(1)] public int HumanRatersPerItem { get; init; } = 2;
    [Id(2)] public int HumanRaterPool { get; init; } = 6;
    [Id(3)] public double HumanNoiseSd { get; init; } = 0.45;
    /// <summary>Added to every human rating before rounding (positive = lenient).</summary>
    [Id(4)] public double HumanLeniency { get; init; } = 0.1;
    /// <summary>Weight of the general impression in a manager's rating of each KPI (0 = none, 1 = pure halo).</summary>
    [Id(5)] public double ManagerHalo { get; init; } = 0.6;
    [Id(6)] public double ManagerNoiseSd { get; init; } = 0.35;
    [Id(7)] public int ManagerRatingEveryDays { get; init; } = 30;
    /// <summary>Share of customer replies answered by an NPS survey response.</summary>
    [Id(8)] public double NpsResponseRate { get; init; } = 0.3;
}

[GenerateSerializer, Immutable, Alias("softskills.pilot-spec")]
public sealed record PilotSpec
{
    [Id(0)] public int BaselineDays { get; init; } = 60;
    [Id(1)] public int PilotDays { get; init; } = 90;
    [Id(2)] public List<string> TreatmentTeams { get; init; } = [];
    [Id(3)] public List<string> ControlTeams { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("softskills.interventions")]
public sealed record Interventions
{
    [Id(0)] public CoachingNudge CoachingNudge { get; init; } = new();
    [Id(1)] public RealtimeFeedback RealtimeFeedback { get; init; } = new();
}

/// <summary>Coaching nudges: each nudge moves a trait a learning-rate share of the way to 1; gains decay daily.</summary>
[GenerateSerializer, Immutable, Alias("softskills.coaching-nudge")]
public sealed record CoachingNudge
{
    [Id(0)] public bool Enabled { get; init; } = true;
    [Id(1)] public double NudgesPerWeek { get; init; } = 2;
    [Id(2)] public double LearningRate { get; init; } = 0.03;
    /// <summary>Daily loss of the accumulated gain (0.01 = 1% a day).</summary>
    [Id(3)] public double Decay { get; init; } = 0.005;
    [Id(4)] public List<string> Traits { get; init; } = ["empathy", "collaboration", "decision_skill", "handoff_diligence"];
}

/// <summary>
/// Real-time feedback: the marker coder scores each reply; a score below the threshold nudges its writer, which raises
/// marker use (the habit of stock phrases) much faster than true empathy: a Goodhart effect the analysis must reveal.
/// </summary>
[GenerateSerializer, Immutable, Alias("softskills.realtime-feedback")]
public sealed record RealtimeFeedback
{
    [Id(0)] public bool Enabled { get; init; } = true;
    /// <summary>A reply whose marker level is below this gets a nudge.</summary>
    [Id(1)] public int Threshold { get; init; } = 2;
    [Id(2)] public double MarkerBoost { get; init; } = 0.003;
    [Id(3)] public double EmpathyGain { get; init; } = 0.002;
    [Id(4)] public double MarkerDecay { get; init; } = 0.01;
}

[GenerateSerializer, Immutable, Alias("softskills.text-spec")]
public sealed record TextSpec
{
    /// <summary>Non-native writers use stock empathy phrases this much as often at the same true empathy.</summary>
    [Id(0)] public double NonNativePhraseFactor { get; init; } = 0.6;
    /// <summary>Daily random drift of the latent traits (standard deviation).</summary>
    [Id(1)] public double TraitDriftSd { get; init; } = 0.004;
}
