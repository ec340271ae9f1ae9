using SoftSkills.Analysis.Coaching;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Analysis.Roi;
using SoftSkills.Data.Files;
using SoftSkills.Reporting.Dashboard;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Output;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Studies.Pilot;

/// <summary>Options of a pilot run: privacy, the interval method, the ROI file whose base scenario takes the measured uplift, the dashboard.</summary>
public sealed record PilotRunOptions
{
    public int MinGroupSize { get; init; } = 5;
    /// <summary>
    /// <c>orleans</c> (an in-process silo, the default) or <c>reference</c> (the plain loop; byte-identical data). Notebooks
    /// in Jupyter use the reference loop: the .NET Interactive kernel's script assembly loader refuses the assembly scan an
    /// Orleans silo makes when it starts.
    /// </summary>
    public string Engine { get; init; } = "orleans";
    public DidOptions Did { get; init; } = DidOptions.Default;
    /// <summary>ROI scenarios; null skips the ROI.</summary>
    public RoiFile? Roi { get; init; }
    public int RoiDraws { get; init; } = 10_000;
    public TriggerRules? Triggers { get; init; }
    public DashboardOptions Dashboard { get; init; } = new();
    /// <summary>Days simulated so far, per run ("pilot" then "counterfactual").</summary>
    public Action<string, int, int>? Progress { get; init; }
}

/// <summary>The return implied by the pilot's measured effects: the ROI file's base scenario with the pilot's uplift.</summary>
public sealed record PilotRoi(RoiFile File, RoiAnalysis Analysis, ThreePoint Uplift);

/// <summary>A pilot run: what was simulated, the analysis, the ROI it implies, the dashboard's model and where it was written.</summary>
public sealed record PilotResult(Manifest Manifest, PilotReport Report, PilotRoi? Roi, DashboardModel Dashboard, string OutDir);

/// <summary>
/// The main job (softskills pilot, notebook 06): simulate a pilot and its counterfactual (the same seed without the
/// interventions) on one in-process Orleans silo, analyse it, and write the output folder all or nothing:
/// <c>simulation/</c>, <c>counterfactual/</c>, <c>effects.json</c>, <c>pilot.json</c>, <c>dashboard.html</c>.
/// </summary>
public static class PilotRun
{
    /// <summary>The same organisation and seed with both interventions off: the treated teams' path without the pilot.</summary>
    public static Scenario Counterfactual(Scenario scenario) => scenario with
    {
        Interventions = scenario.Interventions with
        {
            CoachingNudge = scenario.Interventions.CoachingNudge with { Enabled = false },
            RealtimeFeedback = scenario.Interventions.RealtimeFeedback with { Enabled = false },
        },
    };

    public static async Task<PilotResult> RunAsync(Scenario scenario, string outDir, PilotRunOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new PilotRunOptions();
        if (scenario.Pilot.TreatmentTeams.Count == 0 || scenario.Pilot.ControlTeams.Count == 0)
            throw new StudyInputException($"{scenario.Name}: pilot.treatment_teams and pilot.control_teams must each name at least one team");
        var triggers = options.Triggers ?? TriggerRules.Load(ScenarioFiles.DefaultTriggers);
        using var folder = new AtomicFolder(outDir);
        var actualDir = Path.Combine(folder.Path, "simulation");
        var counterfactualDir = Path.Combine(folder.Path, "counterfactual");
        Manifest manifest;
        if (options.Engine == "reference")
        {
            manifest = await Simulator.RunAsync(scenario, actualDir, new ReferenceEngine(), Days("pilot", scenario.Days, options), cancel);
            await Simulator.RunAsync(Counterfactual(scenario), counterfactualDir, new ReferenceEngine(), Days("counterfactual", scenario.Days, options), cancel);
        }
        else
        {
            await using var engine = await OrleansEngine.StartInProcessAsync();
            manifest = await Simulator.RunAsync(scenario, actualDir, engine, Days("pilot", scenario.Days, options), cancel);
            await using var cfEngine = engine.NewRun();
            await Simulator.RunAsync(Counterfactual(scenario), counterfactualDir, cfEngine, Days("counterfactual", scenario.Days, options), cancel);
        }
        // One read of the simulated events serves the effects and the dashboard.
        var pilotOptions = new PilotOptions(options.MinGroupSize, options.Did);
        var (design, published) = PilotStudy.Publish(new DataFolder(actualDir), options.MinGroupSize);
        var report = PilotStudy.FromPublished(published, design, PilotStudy.CounterfactualWeeks(new DataFolder(counterfactualDir)), pilotOptions);
        var roi = options.Roi is null ? null : Roi(report, options.Roi, options.RoiDraws, (int)(scenario.Seed % int.MaxValue), "in this simulated pilot");
        var dashboard = DashboardBuilder.Build(published, triggers, options.Dashboard, report);
        var result = new PilotResult(manifest, report, roi, dashboard, Path.GetFullPath(outDir));
        var json = PilotJson.Of(result);
        cancel.ThrowIfCancellationRequested();
        using (var outputs = new AtomicOutputs())
        {
            outputs.Write(Path.Combine(folder.Path, "dashboard.html"), s => Text(s, DashboardPage.Html(dashboard, "Pilot: which team needs coaching, and did the pilot work?")));
            outputs.Write(Path.Combine(folder.Path, "effects.json"), s => Text(s, PilotJson.Text(json["effects"]!)));
            outputs.Write(Path.Combine(folder.Path, "pilot.json"), s => Text(s, PilotJson.Text(json)));
            outputs.Commit();
        }
        folder.Commit();
        return result;
    }

    static IProgress<int>? Days(string stage, int days, PilotRunOptions options) =>
        options.Progress is { } report ? new SyncProgress<int>(d => report(stage, d, days)) : null;

    static void Text(Stream s, string text)
    {
        using var w = new StreamWriter(s, leaveOpen: true);
        w.Write(text);
    }

    /// <summary>The ROI file's base scenario (else its first) with the uplift the pilot measured, and its Monte Carlo.</summary>
    public static PilotRoi Roi(PilotReport report, RoiFile roi, int draws, int seed, string pilot)
    {
        var baseScenario = roi.Scenarios.FirstOrDefault(x => x.Name == "base") ?? roi.Scenarios[0];
        var uplift = PilotToRoi.Uplift(report.Effects, roi.KpiToProductivity);
        var scenario = PilotToRoi.WithUplift(baseScenario, uplift);
        return new PilotRoi(roi, RoiAnalysis.Run(scenario, roi.Distribution, draws, seed, PilotToRoi.Describe(report.Effects, roi.KpiToProductivity, pilot)), uplift);
    }
}
