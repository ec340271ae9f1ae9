namespace SoftSkills.Simulation.Scenarios;

/// <summary>Resizes a scenario for quick what-ifs and benchmarks: more employees add copies of the teams in the scenario's proportions.</summary>
public static class ScenarioRescale
{
    /// <summary>
    /// Scales to about <paramref name="employees"/> employees: below the scenario's size every team shrinks in proportion
    /// (at least one member each); above it, copies of all teams are added (named <c>NAME-2</c>, <c>NAME-3</c>, ...) with
    /// their handoff routes and pilot arms, and the last copy is trimmed to hit the number exactly.
    /// <paramref name="days"/> keeps the ratio of baseline to pilot days.
    /// </summary>
    public static Scenario Rescale(Scenario s, int? employees, int? days)
    {
        if (employees is { } n)
        {
            if (n < 1) throw new ScenarioException("--employees", "must be at least 1");
            s = n <= s.Employees ? Shrink(s, n) : Grow(s, n);
        }
        if (days is { } d)
        {
            if (d < 2) throw new ScenarioException("--days", "must be at least 2");
            var baseline = Math.Clamp((int)Math.Round(d * (double)s.Pilot.BaselineDays / s.Days), 1, d - 1);
            s = s with { Pilot = s.Pilot with { BaselineDays = baseline, PilotDays = d - baseline } };
        }
        ScenarioLoader.Validate(s);
        return s;
    }

    /// <summary>Every team shrinks in proportion; the rounding difference is taken from (or given to) the largest teams.</summary>
    static Scenario Shrink(Scenario s, int n)
    {
        if (n < s.Teams.Count) throw new ScenarioException("--employees", $"must be at least the number of teams ({s.Teams.Count})");
        var factor = (double)n / s.Employees;
        var sizes = s.Teams.Select(t => Math.Max(1, (int)Math.Round(t.Size * factor))).ToArray();
        for (var diff = n - sizes.Sum(); diff != 0; diff += diff > 0 ? -1 : 1)
        {
            var order = Enumerable.Range(0, sizes.Length).OrderByDescending(i => sizes[i]).ThenBy(i => i);
            var team = diff > 0 ? order.First() : order.First(i => sizes[i] > 1);
            sizes[team] += diff > 0 ? 1 : -1;
        }
        return s with { Teams = s.Teams.Select((t, i) => Resize(t, sizes[i])).ToList() };
    }

    static TeamSpec Resize(TeamSpec t, int size)
    {
        // Keep role counts within the new size, in the order given.
        var roles = new Dictionary<string, int>();
        var left = size;
        foreach (var (role, count) in t.Roles)
        {
            var c = Math.Min(left, (int)Math.Round(count * (double)size / t.Size));
            if (roles.Count == 0) c = Math.Max(c, Math.Min(1, left)); // the lead stays
            roles[role] = c;
            left -= c;
        }
        return t with { Size = size, Roles = roles };
    }

    static Scenario Grow(Scenario s, int n)
    {
        var teams = new List<TeamSpec>();
        var routes = new List<HandoffRoute>();
        var treatment = new List<string>();
        var control = new List<string>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        for (var copy = 1; total < n; copy++)
        {
            string Name(string team) => copy == 1 ? team : $"{team}-{copy}";
            foreach (var t in s.Teams)
            {
                if (total >= n) break;
                var size = Math.Min(t.Size, n - total);
                teams.Add(Resize(t, size) with { Name = Name(t.Name) });
                present.Add(Name(t.Name));
                total += size;
            }
            routes.AddRange(s.Workload.HandoffRoutes
                .Select(r => r with { From = Name(r.From), To = Name(r.To) })
                .Where(r => present.Contains(r.From) && present.Contains(r.To)));
            treatment.AddRange(s.Pilot.TreatmentTeams.Select(Name).Where(present.Contains));
            control.AddRange(s.Pilot.ControlTeams.Select(Name).Where(present.Contains));
        }
        return s with
        {
            Teams = teams,
            Workload = s.Workload with { HandoffRoutes = routes },
            Pilot = s.Pilot with { TreatmentTeams = treatment.Distinct().ToList(), ControlTeams = control.Distinct().ToList() },
        };
    }
}
