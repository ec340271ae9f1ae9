using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Model;

/// <summary>What a team carries between days: the survey answers of the current week.</summary>
[GenerateSerializer, Alias("softskills.team-state")]
public sealed class TeamState
{
    [Id(0)] public List<SurveyResponse> WeekSurveys { get; set; } = [];

    /// <summary>A copy (survey responses are immutable).</summary>
    public TeamState Clone() => new() { WeekSurveys = [.. WeekSurveys] };
}

/// <summary>
/// A team's day on top of its members' days: weekly customer NPS and CSAT from the surveys of its replies, and every
/// few weeks the lead's ratings of each member, which carry a halo (a general impression bleeding into every KPI).
/// </summary>
public static class TeamDay
{
    public static readonly string[] ManagerMetrics = ["manager_rating_res", "manager_rating_ci", "manager_rating_dqr", "manager_rating_hsr"];

    public static Outcome[] Run(Scenario s, Roster roster, int team, TeamState state, DayInfo day, IReadOnlyList<EmployeeDayResult> members)
    {
        var outcomes = new List<Outcome>();
        foreach (var m in members)
            foreach (var survey in m.Surveys.AsSpan()) state.WeekSurveys.Add(survey);
        var name = roster.TeamNames[team];
        if (day.Date.DayOfWeek == DayOfWeek.Friday)
        {
            var surveys = state.WeekSurveys;
            if (surveys.Count > 0)
            {
                var promoters = surveys.Count(x => x.Nps >= 9);
                var detractors = surveys.Count(x => x.Nps <= 6);
                outcomes.Add(new Outcome(name, SubjectKind.Team, day.Date, "nps", Math.Round(100.0 * (promoters - detractors) / surveys.Count, 2)));
                outcomes.Add(new Outcome(name, SubjectKind.Team, day.Date, "csat", Math.Round(surveys.Average(x => x.Csat), 3)));
            }
            state.WeekSurveys = [];
        }
        if ((day.Day + 1) % s.Raters.ManagerRatingEveryDays == 0) outcomes.AddRange(ManagerRatings(s, team, day, members));
        return [.. outcomes];
    }

    /// <summary>Each KPI rated 1–5 as (halo × general impression + (1 − halo) × the trait itself) plus noise.</summary>
    static IEnumerable<Outcome> ManagerRatings(Scenario s, int team, DayInfo day, IReadOnlyList<EmployeeDayResult> members)
    {
        var rng = new Rng(s.Seed, 5_000_000 + (ulong)team, (ulong)day.Day);
        var halo = s.Raters.ManagerHalo;
        for (var m = 1; m < members.Count; m++) // member 0 leads the team and rates the others
        {
            var t = members[m].Truth;
            double[] traits = [t.Empathy, t.Collaboration, t.DecisionSkill, t.HandoffDiligence];
            var impression = traits.Average();
            var ratings = new double[4];
            for (var k = 0; k < 4; k++)
                ratings[k] = Math.Round(Math.Clamp(1 + 4 * (halo * impression + (1 - halo) * traits[k]) + s.Raters.ManagerNoiseSd * rng.Normal(), 1, 5), 2);
            for (var k = 0; k < 4; k++) yield return new Outcome(t.EmployeeId, SubjectKind.Employee, day.Date, ManagerMetrics[k], ratings[k]);
            yield return new Outcome(t.EmployeeId, SubjectKind.Employee, day.Date, "manager_rating", Math.Round(ratings.Average(), 3));
        }
    }
}

/// <summary>One simulated day of the whole organisation: every employee's results in index order and the teams' outcomes.</summary>
[GenerateSerializer, Immutable, Alias("softskills.day-result")]
public sealed record DayResult(
    [property: Id(0)] int Day,
    [property: Id(1)] EmployeeDayResult[] Employees,
    [property: Id(2)] Outcome[] Outcomes)
{
    [NonSerialized] readonly DayBuffers? _buffers;

    /// <summary>The buffers the day's results are slices of, when an engine lent them (not serialised).</summary>
    public DayBuffers? Buffers { get => _buffers; init => _buffers = value; }

    /// <summary>Says the day will not be read again: its buffers go back to the engine for a later day. Optional; once is enough.</summary>
    public void Release() => Buffers?.Release();
}
