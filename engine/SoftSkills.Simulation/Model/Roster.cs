using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Model;

/// <summary>One simulated employee as generated from the scenario: identity, team, cohort and latent traits at day 0.</summary>
[GenerateSerializer, Immutable, Alias("softskills.employee-profile")]
public sealed record EmployeeProfile(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] int Team,
    [property: Id(3)] string Role,
    [property: Id(4)] string? ManagerId,
    [property: Id(5)] int TenureMonths,
    [property: Id(6)] Dictionary<string, string> Attributes,
    [property: Id(7)] double[] Traits,
    [property: Id(8)] bool NonNative);

/// <summary>
/// The organisation a scenario describes. Employees of a team have consecutive indices, so routing needs only each
/// team's first index and size, and an employee's id is a function of its index.
/// </summary>
[GenerateSerializer, Immutable, Alias("softskills.roster")]
public sealed record Roster(
    [property: Id(0)] string[] TeamNames,
    [property: Id(1)] int[] TeamStart,
    [property: Id(2)] int[] TeamSize,
    [property: Id(3)] bool[] CustomerFacing,
    [property: Id(4)] int[] Arm)
{
    public const int NoArm = 0, TreatmentArm = 1, ControlArm = 2;
    /// <summary>Trait order in arrays: empathy, collaboration, decision skill, handoff diligence.</summary>
    public const int Empathy = 0, Collaboration = 1, DecisionSkill = 2, HandoffDiligence = 3;

    public int Employees => TeamStart.Length == 0 ? 0 : TeamStart[^1] + TeamSize[^1];

    public static string EmployeeId(int index) => Ids.Of(index, 0);

    /// <summary>The text of the task update that records picking up work handed over by an employee.</summary>
    public static string PickedUpFrom(int index) => Ids.Of(index, 1);

    /// <summary>Per-employee strings made once and shared (the model uses them for every event), grown as indices need.</summary>
    static class Ids
    {
        static string[][] _cache = [[], []];
        static readonly Lock Growing = new();

        public static string Of(int index, int kind)
        {
            var cache = Volatile.Read(ref _cache);
            if (index < cache[kind].Length) return cache[kind][index];
            lock (Growing)
            {
                cache = _cache;
                if (index >= cache[kind].Length)
                {
                    var n = Math.Max(index + 1, cache[0].Length * 2);
                    var ids = new string[n];
                    cache[0].CopyTo(ids, 0);
                    for (var i = cache[0].Length; i < n; i++) ids[i] = $"E{i + 1:D6}";
                    var picked = ids.Select(id => $"Picked up work handed over by {id}").ToArray();
                    cache = [ids, picked];
                    Volatile.Write(ref _cache, cache);
                }
                return cache[kind][index];
            }
        }
    }

    public int TeamOf(int employee)
    {
        var t = Array.BinarySearch(TeamStart, employee);
        return t >= 0 ? t : ~t - 1;
    }

    public static Roster Of(Scenario s)
    {
        var starts = new int[s.Teams.Count];
        for (var i = 1; i < starts.Length; i++) starts[i] = starts[i - 1] + s.Teams[i - 1].Size;
        var (treatment, control) = (s.Pilot.TreatmentTeams.ToHashSet(StringComparer.Ordinal), s.Pilot.ControlTeams.ToHashSet(StringComparer.Ordinal));
        var arms = s.Teams.Select(t => treatment.Contains(t.Name) ? TreatmentArm : control.Contains(t.Name) ? ControlArm : NoArm).ToArray();
        return new Roster(s.Teams.Select(t => t.Name).ToArray(), starts, s.Teams.Select(t => t.Size).ToArray(),
            s.Teams.Select(t => t.CustomerFacing).ToArray(), arms);
    }

    /// <summary>Generates every employee's profile from the scenario.</summary>
    public IEnumerable<EmployeeProfile> Profiles(Scenario s)
    {
        for (var i = 0; i < Employees; i++) yield return Profile(s, i);
    }

    /// <summary>One employee's profile, from stream 1 of the seed with one sub-stream per employee.</summary>
    public EmployeeProfile Profile(Scenario s, int index)
    {
        var t = TeamOf(index);
        var m = index - TeamStart[t];
        var roles = s.Teams[t].Roles.SelectMany(r => Enumerable.Repeat(r.Key, r.Value)).ToList();
        var rng = new Rng(s.Seed, 1, (ulong)index);
        var attributes = new Dictionary<string, string>();
        foreach (var (column, shares) in s.Cohorts.OrderBy(c => c.Key, StringComparer.Ordinal))
            attributes[column] = rng.Pick(shares.ToList());
        var traits = new double[4];
        for (var k = 0; k < 4; k++)
        {
            var name = ScenarioLoader.TraitNames[k];
            var spec = s.Traits.GetValueOrDefault(name) ?? new TraitSpec();
            var mean = spec.Mean + s.TraitShifts.Where(x => x.Trait == name && attributes.GetValueOrDefault(x.Attribute) == x.Value).Sum(x => x.Shift);
            traits[k] = Math.Clamp(mean + spec.Sd * rng.Normal(), 0.02, 0.98);
        }
        // The team's first member leads it and manages the others.
        return new EmployeeProfile(index, EmployeeId(index), t, m < roles.Count ? roles[m] : "member",
            m == 0 ? null : EmployeeId(TeamStart[t]), 3 + rng.Next(117), attributes, traits,
            attributes.GetValueOrDefault("attr_first_language") == "non_native");
    }

    /// <summary>The employees table row of a profile.</summary>
    public Employee ToEmployee(EmployeeProfile p) => new(p.Id, TeamNames[p.Team], p.ManagerId, p.Role, p.TenureMonths, p.Attributes);
}
