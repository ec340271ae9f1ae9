using SoftSkills.Analysis.Pilot;
using SoftSkills.Data;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;
using SoftSkills.Studies.Sweeps;

namespace SoftSkills.Studies.Power;

/// <summary>A design's power: its size, the replications' seeds, and per KPI the power and minimum detectable effect (null when not estimable).</summary>
public sealed record DesignPower(int TeamsPerArm, int Employees, int Days, int Clusters, IReadOnlyList<ulong> Seeds, IReadOnlyDictionary<Kpi, KpiPower?> Kpis, string Method);

/// <summary>
/// How many teams and days a pilot needs: each design (teams per arm, days) runs as a sweep of seeded replications
/// (seeds SplitMix64(scenario seed, i), recorded) and each KPI's power comes from <see cref="PowerAnalysis"/>.
/// </summary>
public static class PowerStudy
{
    public static async Task<IReadOnlyList<DesignPower>> RunAsync(Scenario scenario, int replications, IReadOnlyList<int> teamsPerArm, int? days,
        DidOptions method, IProgress<int>? done = null, CancellationToken cancel = default)
    {
        var perArm = scenario.Pilot.TreatmentTeams.Count;
        if (perArm == 0 || scenario.Pilot.ControlTeams.Count != perArm)
            throw new StudyInputException("power needs a scenario with as many control as treatment teams");
        if (replications < 2 || replications > SizeLimits.Replications) throw new StudyInputException($"--seeds must be between 2 and {SizeLimits.Replications:N0}");
        foreach (var t in teamsPerArm)
            if (t < perArm || t % perArm != 0 || t > SizeLimits.TeamsPerArm)
                throw new StudyInputException($"--teams-per-arm: {t} is not a multiple of the scenario's {perArm} teams per arm (at most {SizeLimits.TeamsPerArm:N0})");
        var results = new List<DesignPower>();
        var finished = 0;
        foreach (var t in teamsPerArm)
        {
            var employees = (long)scenario.Employees * (t / perArm);
            if (employees > SizeLimits.Employees) throw new StudyInputException($"--teams-per-arm {t} makes {employees:N0} employees, more than {SizeLimits.Employees:N0}");
            var design = ScenarioRescale.Rescale(scenario, (int)employees, days);
            var plan = new SweepPlan(ScenarioLoader.ToJson(design), [], replications, design.Seed);
            var dir = Directory.CreateTempSubdirectory("softskills-power-").FullName;
            List<SweepRow> rows;
            try
            {
                var runner = new SweepRunner(plan, dir, () => new ReferenceEngine(), [method]);
                var before = finished;
                await runner.RunAsync(parallel: 1, new SyncProgress<int>(n => done?.Report(before + n)), cancel);
                finished += replications;
                rows = TableFile.Read(runner.SummaryPath, runner.Codec()).ToList();
            }
            finally { Directory.Delete(dir, true); }
            var clusters = 2 * design.Pilot.TreatmentTeams.Count;
            var kpis = KpiNames.All.ToDictionary(k => k, k =>
            {
                var key = EnumNames.Of(k);
                return PowerAnalysis.Of(rows.Select(r => (r.Effects.GetValueOrDefault($"{key}_estimate"), r.Effects.GetValueOrDefault($"{key}_holm_p"), r.Effects.GetValueOrDefault($"{key}_true_effect"))).ToList(),
                    clusters, 1 - method.Level);
            });
            results.Add(new DesignPower(design.Pilot.TreatmentTeams.Count, design.Employees, design.Days, clusters, plan.Replications.Select(r => r.Seed).ToList(), kpis, method.Method));
        }
        return results;
    }
}
