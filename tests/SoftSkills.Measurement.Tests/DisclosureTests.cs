using MathNet.Numerics.LinearAlgebra;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Measurement.Tests;

/// <summary>
/// Disclosure control: primary suppression by the people behind each value, and complementary suppression so that no
/// smaller group's value follows by subtracting published ones (the differencing case of the privacy issue, then random
/// organisations checked by linear algebra: no sum or difference of published values gives the value of fewer than 5 people).
/// </summary>
public class DisclosureTests
{
    static readonly DateTime Monday = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    int _id;

    Event Decision(string actor, bool good, string type = "refund") => new()
    {
        EventId = $"d{++_id}", Timestamp = Monday, Kind = EventKind.Decision, ActorId = actor, TeamId = "t", Channel = Channel.Meeting,
        Outcome = good ? DecisionOutcome.Good : DecisionOutcome.Poor, Reversed = false, DecisionType = type,
    };

    static Employee Person(string id, string team, string role) => new(id, team, null, role, 12, new Dictionary<string, string>());

    static readonly string[] Universe = ["organisation", "team", "role", "team+role"];

    /// <summary>The universe every run publishes from: organisation, team, role and team × role, nested in every way they nest.</summary>
    static IReadOnlyList<KpiReport> Publish(IReadOnlyList<Employee> people, IEnumerable<Event> events, int minimum = 5)
    {
        var options = new KpiOptions { MinGroupSize = minimum };
        var jobs = Universe.Select(u => (u == "team+role" ? new Grouping(people, u, e => e.TeamId + "/" + e.Role) : new Grouping(people, u), options with { GroupBy = u })).ToList();
        var reports = KpiCalculator.ComputeMany(events.ToList(), ItemLevels.Empty, jobs);
        var publication = new Publication(minimum);
        foreach (var r in reports) publication.Add(r);
        for (var a = 0; a < reports.Count; a++)
            for (var b = 0; b < reports.Count; b++)
                if (a != b) publication.Nest(a, b);
        return publication.Apply();
    }

    [Fact]
    public void A_role_inside_a_team_is_withheld_when_the_rest_of_the_team_is_one_person()
    {
        // Team support: the lead S1 and five agents; team ops: six engineers. Every support member decides.
        var people = new List<Employee> { Person("S1", "support", "lead") };
        people.AddRange(Enumerable.Range(2, 5).Select(i => Person($"S{i}", "support", "agent")));
        people.AddRange(Enumerable.Range(1, 6).Select(i => Person($"O{i}", "ops", "engineer")));
        var events = new List<Event> { Decision("S1", true), Decision("S1", false), Decision("S1", false) };
        events.AddRange(Enumerable.Range(2, 5).Select(i => Decision($"S{i}", true)));
        events.AddRange(Enumerable.Range(1, 6).Select(i => Decision($"O{i}", i % 2 == 0)));

        // Without complementary suppression: support 6/8 on 6 deciders, agents 5/5 on 5: the lead's 1/3 follows.
        var naive = KpiCalculator.Compute(people, events, ItemLevels.Empty, new KpiOptions { GroupBy = "role" }).Rows.Single(r => r.Group == "agent");
        Assert.Equal(100.0, naive.Dqr);

        var reports = Publish(people, events);
        var support = reports[1].Rows.Single(r => r.Group == "support");
        var agents = reports[2].Rows.Single(r => r.Group == "agent");
        Assert.Equal(75.0, support.Dqr);                       // the larger group stays
        Assert.Null(agents.Dqr);                               // the subset goes
        Assert.Equal(Disclosure.DerivableReason, agents.Withheld![Kpi.Dqr]);
        Assert.True(reports[0].Rows.Single().Dqr is not null); // the organisation (12 deciders) stays
        // The same cells are withheld whichever grouping a run prints: every run publishes from this one universe.
        Assert.Null(reports[3].Rows.Single(r => r.Group == "support/agent").Dqr);
    }

    [Fact]
    public void A_team_whose_remainder_in_the_organisation_is_small_is_withheld()
    {
        // Two teams of 6 and 3 deciders: the small team is withheld (primary), and then the organisation or the large
        // team must go too, or the small team's value follows by subtraction.
        var people = Enumerable.Range(1, 6).Select(i => Person($"A{i}", "a", "x")).Concat(Enumerable.Range(1, 3).Select(i => Person($"B{i}", "b", "x"))).ToList();
        var events = people.Select((p, i) => Decision(p.EmployeeId, i % 3 != 0)).ToList();
        var reports = Publish(people, events);
        var b = reports[1].Rows.Single(r => r.Group == "b");
        Assert.True(b.Suppressed);
        Assert.Null(b.Dqr);
        var a = reports[1].Rows.Single(r => r.Group == "a");
        var org = reports[0].Rows.Single();
        Assert.True(a.Dqr is null || org.Dqr is null, "organisation − team a = team b");
    }

    [Fact]
    public void A_decision_type_held_by_one_person_is_withheld_and_so_is_a_complement()
    {
        // Six deciders on refunds, one on escalations: the escalation cell is withheld, and the team's total or the refund
        // cell too (total − refunds = escalations).
        var people = Enumerable.Range(1, 7).Select(i => Person($"A{i}", "a", "x")).ToList();
        var events = Enumerable.Range(1, 6).Select(i => Decision($"A{i}", true)).Append(Decision("A7", false, "escalation")).ToList();
        var row = Publish(people, events)[1].Rows.Single();
        Assert.Null(row.DqrByType!["escalation"].Percent);
        Assert.True(row.Dqr is null || row.DqrByType["refund"].Percent is null);
    }

    /// <summary>
    /// Random organisations (teams, roles, who decides which types of decision): after disclosure control, no linear
    /// combination of the published DQR counts (totals and decision types) equals the value of a group of fewer than 5
    /// people, over all their decisions or one type (rank test: adding the group's indicator to the matrix of published
    /// cells must raise its rank).
    /// </summary>
    [Fact]
    public void No_combination_of_published_values_gives_the_value_of_fewer_than_five_people()
    {
        string[] types = ["refund", "escalation"];
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var people = new List<Employee>();
            string[] roles = ["lead", "agent", "engineer"];
            foreach (var team in new[] { "a", "b", "c" })
                for (var i = 0; i < 3 + random.Next(6); i++) people.Add(Person($"{team}{i}", team, roles[random.Next(i == 0 ? 1 : 3)]));
            var deciders = people.Where(_ => random.NextDouble() < 0.8).ToList();
            var events = deciders.SelectMany(p => Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => Decision(p.EmployeeId, random.Next(2) == 0, types[random.Next(10) < 8 ? 0 : 1]))).ToList();
            var reports = Publish(people, events);

            // Columns: the (decider, type) atoms that have decisions; a cell is the sum of its atoms.
            var atoms = deciders.SelectMany(p => types.Where(t => events.Any(e => e.ActorId == p.EmployeeId && e.DecisionType == t)).Select(t => (p, t))).ToList();
            var vectors = new List<double[]>();
            void Cell(Func<Employee, string, bool> inside) => vectors.Add(atoms.Select(a => inside(a.p, a.t) ? 1.0 : 0.0).ToArray());
            foreach (var (report, u) in reports.Zip(Universe))
                foreach (var row in report.Rows)
                {
                    if (row.Dqr is not null) Cell((p, _) => Key(p, u) == row.Group);
                    foreach (var (type, share) in row.DqrByType ?? new Dictionary<string, Share>())
                        if (share.Percent is not null) Cell((p, t) => Key(p, u) == row.Group && t == type);
                }
            if (vectors.Count == 0) continue;
            var published = Matrix<double>.Build.DenseOfRowArrays(vectors);
            var rank = published.Rank();
            foreach (var subset in Subsets(deciders.Count, 4))
            {
                var group = subset.Select(i => deciders[i]).ToHashSet();
                // The group's value over all its decisions, and over each type: is it a combination of published cells?
                foreach (var type in types.Append(null))
                {
                    var target = atoms.Select(a => group.Contains(a.p) && (type is null || a.t == type) ? 1.0 : 0.0).ToArray();
                    if (target.All(x => x == 0)) continue;
                    var with = Matrix<double>.Build.DenseOfRowArrays([.. vectors, target]).Rank();
                    Assert.True(with > rank, $"seed {seed}: the value of {string.Join(", ", group.Select(p => p.EmployeeId))} ({type ?? "all types"}) follows from published values");
                }
            }
        }
    }

    /// <summary>
    /// A team whose refunds rest on 4 people, among 30 teams, by week and over the window, with the decision-type parts
    /// under each DQR: its values are withheld, and so are enough complements (another team's refunds in every period,
    /// and the escalations beside them, which the DQR totals would otherwise give away) that no published combination
    /// gives the small team's values; a handful of cells, not one team after another.
    /// </summary>
    [Fact]
    public void A_small_team_in_a_table_of_weeks_and_teams_is_hidden_by_a_few_complements()
    {
        var people = new List<Employee>();
        var events = new List<Event>();
        for (var t = 0; t < 30; t++)
            for (var i = 0; i < 6; i++)
            {
                var p = Person($"p{t}-{i}", $"t{t:D2}", "agent");
                people.Add(p);
                for (var week = 0; week < 2; week++)
                {
                    var at = Monday.AddDays(7 * week);
                    events.Add(Decision(p.EmployeeId, (t + i + week) % 3 != 0, "escalation") with { Timestamp = at });
                    if (t > 0 || i < 4) events.Add(Decision(p.EmployeeId, (t + i) % 2 == 0) with { Timestamp = at.AddHours(1) });
                }
            }
        var org = new Grouping(people, "organisation");
        var team = new Grouping(people, "team");
        var options = new KpiOptions { MinGroupSize = 5, From = DateOnly.FromDateTime(Monday), To = DateOnly.FromDateTime(Monday).AddDays(13) };
        var reports = KpiCalculator.ComputeMany(events.OrderBy(e => e.Timestamp).ToList(), ItemLevels.Empty,
        [
            (org, options with { GroupBy = "organisation", Period = PeriodKind.Week }), (team, options with { Period = PeriodKind.Week }),
            (org, options with { GroupBy = "organisation", Period = PeriodKind.Window }), (team, options with { Period = PeriodKind.Window }),
        ]);
        var publication = new Publication(5);
        var index = reports.Select(r => publication.Add(r)).ToArray();
        publication.Nest(index[0], index[1]);
        publication.Nest(index[2], index[3]);
        publication.Sum(index[2], index[0]);
        publication.Sum(index[3], index[1]);
        var published = publication.Apply();

        var withheld = published.Sum(r => r.Rows.Sum(row => (row.DqrByType ?? new Dictionary<string, Share>()).Count(kv => kv.Value.Withheld == Disclosure.DerivableReason)));
        Assert.InRange(withheld, 2, 12);

        // Atoms: (team, week, type) decision counts; no combination of published cells gives t00's refunds.
        var atoms = (from t in Enumerable.Range(0, 30) from w in Enumerable.Range(0, 2) from type in new[] { "refund", "escalation" } select (Team: $"t{t:D2}", Week: w, Type: type)).ToList();
        var vectors = new List<double[]>();
        for (var r = 0; r < 4; r++)
            foreach (var row in published[r].Rows)
            {
                var week = row.PeriodStart == DateOnly.FromDateTime(Monday) ? 0 : 1; // reports 0 and 1 are by week, 2 and 3 the window
                bool Inside((string Team, int Week, string Type) a, string? type) =>
                    (row.Group == "organisation" || row.Group == a.Team) && (r >= 2 || a.Week == week) && (type is null || a.Type == type);
                if (row.Dqr is not null) vectors.Add(atoms.Select(a => Inside(a, null) ? 1.0 : 0.0).ToArray());
                foreach (var (type, share) in row.DqrByType ?? new Dictionary<string, Share>())
                    if (share.Percent is not null) vectors.Add(atoms.Select(a => Inside(a, type) ? 1.0 : 0.0).ToArray());
            }
        var rank = Matrix<double>.Build.DenseOfRowArrays(vectors).Rank();
        foreach (var target in new Func<(string Team, int Week, string Type), bool>[]
                 { a => a.Team == "t00" && a.Type == "refund", a => a.Team == "t00" && a.Type == "refund" && a.Week == 0, a => a.Team == "t00" && a.Type == "refund" && a.Week == 1 })
            Assert.True(Matrix<double>.Build.DenseOfRowArrays([.. vectors, atoms.Select(a => target(a) ? 1.0 : 0.0).ToArray()]).Rank() > rank);
    }

    static string Key(Employee e, string grouping) => grouping switch
    {
        "organisation" => "organisation",
        "team" => e.TeamId,
        "role" => e.Role,
        _ => e.TeamId + "/" + e.Role,
    };

    /// <summary>Every non-empty subset of 0..n−1 with at most <paramref name="max"/> elements.</summary>
    static IEnumerable<int[]> Subsets(int n, int max)
    {
        IEnumerable<int[]> Grow(int[] prefix, int from)
        {
            for (var i = from; i < n; i++)
            {
                int[] next = [.. prefix, i];
                yield return next;
                if (next.Length < max) foreach (var s in Grow(next, i + 1)) yield return s;
            }
        }
        return Grow([], 0);
    }
}
