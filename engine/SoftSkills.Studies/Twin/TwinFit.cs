using System.Globalization;
using System.Text.Json.Nodes;
using SoftSkills.Data;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;
using SoftSkills.Studies.Sweeps;

namespace SoftSkills.Studies.Twin;

/// <summary>A scenario parameter to fit: its JSON path and uniform prior.</summary>
public sealed record TwinParameter(string Path, UniformPrior Prior)
{
    /// <summary>
    /// <c>PATH</c> or <c>PATH=LOW:HIGH</c>; without a range, a trait's mean gets [0.05, 0.95] and any other number
    /// [value / 2, value × 2] around the scenario's own value.
    /// </summary>
    public static TwinParameter Parse(string text, JsonNode scenario)
    {
        var (path, range) = text.Contains('=') ? (text[..text.IndexOf('=')], text[(text.IndexOf('=') + 1)..]) : (text, null);
        double? found;
        try { found = Value(scenario, path); }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException or FormatException or IndexOutOfRangeException) { found = null; }
        var current = found ?? throw new StudyInputException($"--fit: the scenario has no number at '{path}'");
        if (range is null)
            return new(path, path.StartsWith("traits.", StringComparison.Ordinal) && path.EndsWith(".mean", StringComparison.Ordinal)
                ? new UniformPrior(0.05, 0.95) : Around(path, current));
        var parts = range.Split(':');
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high) || !double.IsFinite(low) || !double.IsFinite(high) || low >= high)
            throw new StudyInputException($"--fit {path}: '{range}' is not a range LOW:HIGH with LOW < HIGH");
        return new(path, new UniformPrior(low, high));
    }

    /// <summary>The default prior around a value; a value of 0 has none (give a range).</summary>
    static UniformPrior Around(string path, double current) =>
        current == 0 ? throw new StudyInputException($"--fit {path}: the scenario's value is 0, so no default range can be put around it: give PATH=LOW:HIGH")
            : new UniformPrior(Math.Min(current / 2, current * 2), Math.Max(current / 2, current * 2));

    static double? Value(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            node = bracket < 0 ? node?[part]
                : node?[part[..bracket]]?[int.TryParse(part[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1];
        }
        return node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
    }
}

/// <summary>A fitted parameter: the posterior mean and its 90% interval.</summary>
public sealed record TwinEstimate(string Path, double Estimate, double Lo90, double Hi90, UniformPrior Prior);

/// <summary>One observed summary beside the twin's posterior predictive mean and 90% range.</summary>
public sealed record TwinCheck(string Summary, double Observed, double TwinMean, double TwinLo90, double TwinHi90);

public sealed record TwinFitResult(IReadOnlyList<TwinEstimate> Parameters, AbcResult Abc, IReadOnlyList<TwinCheck> Checks, string FittedScenarioJson, int ObservedDays);

/// <summary>
/// Fits scenario parameters to an organisation's observed baseline by ABC-SMC (<see cref="AbcSmc"/>): every candidate is
/// the scenario with the parameters set, starting on the observed first day, simulated for as many days as observed,
/// all baseline. The fitted scenario carries the posterior means.
/// </summary>
public static class TwinFit
{
    /// <summary>
    /// The fit; <paramref name="checkpointFile"/> (null: none) records the simulations as they finish, and a file left by
    /// an interrupted fit with the same settings is resumed. <paramref name="engines"/> gives a new engine for each simulation
    /// (a cluster's); null runs them on the reference loop in this process.
    /// </summary>
    public static TwinFitResult Run(DataFolder observed, string scenarioJson, IReadOnlyList<TwinParameter> parameters, int particles, int budget,
        ulong seed, int parallel, int checkRuns = 20, IProgress<int>? progress = null, string? checkpointFile = null, Func<ISimulationEngine>? engines = null)
    {
        var baseScenario = ScenarioLoader.Parse(scenarioJson);
        // The bounds of every prior and a point between them must give a valid scenario (a whole-number setting cannot
        // be fitted this way), or the fit would fail midway.
        for (var k = 0; k < parameters.Count; k++)
            foreach (var bound in new[] { parameters[k].Prior.Low, parameters[k].Prior.High, parameters[k].Prior.Low + 0.381966 * (parameters[k].Prior.High - parameters[k].Prior.Low) })
            {
                var root = JsonNode.Parse(scenarioJson)!;
                SweepPlan.SetPath(root, parameters[k].Path, bound.ToString("R", CultureInfo.InvariantCulture));
                try { ScenarioLoader.Parse(root.ToJsonString()); }
                catch (ScenarioException ex) { throw new StudyInputException($"--fit {parameters[k].Path}: the value {bound.ToString("R", CultureInfo.InvariantCulture)} within the prior gives a bad scenario: {ex.Message}"); }
            }
        var teams = baseScenario.Teams.Select(t => t.Name).ToArray();
        var employees = observed.Employees();
        var missing = teams.Where(t => !employees.Any(e => e.TeamId == t)).ToList();
        if (missing.Count > 0)
            throw new StudyInputException($"the scenario's teams {string.Join(", ", missing)} have no employees in the data folder: the twin's teams must be the organisation's (team_id)");
        var events = observed.Events().ToList();
        if (events.Count == 0) throw new StudyInputException("the data folder has no events to fit to");
        var first = DateOnly.FromDateTime(events.Min(e => e.Timestamp));
        var last = DateOnly.FromDateTime(events.Max(e => e.Timestamp));
        var days = last.DayNumber - first.DayNumber + 1;
        if ((long)days + baseScenario.Pilot.PilotDays > SizeLimits.Days)
            throw new StudyInputException($"the data folder spans {days:N0} days: a twin is fitted to at most {SizeLimits.Days - baseScenario.Pilot.PilotDays:N0} days of baseline (select a window with kpis-style dates first)");
        var target = TwinSummaries.Of(employees, events, ItemLevels.FromRatings(observed.Ratings()), teams, days);

        string Candidate(double[] theta)
        {
            var root = JsonNode.Parse(scenarioJson)!;
            for (var k = 0; k < parameters.Count; k++) SweepPlan.SetPath(root, parameters[k].Path, theta[k].ToString("R", CultureInfo.InvariantCulture));
            root["start_date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            root["pilot"] ??= new JsonObject();
            root["pilot"]!["baseline_days"] = Math.Max(days, baseScenario.Pilot.BaselineDays);
            return root.ToJsonString();
        }
        ValueTask<double[]> Simulate(double[] theta, ulong runSeed, CancellationToken cancel) =>
            TwinSimulation.SummariesAsync(ScenarioLoader.Parse(Candidate(theta)) with { Seed = runSeed }, days, teams, engines?.Invoke() ?? new ReferenceEngine(), cancel);

        AbcResult abc;
        using var checkpoint = checkpointFile is null ? null : new AbcCheckpoint(checkpointFile, AbcCheckpoint.FingerprintOf(
            "twin fit 1", scenarioJson, string.Join(";", parameters.Select(p => $"{p.Path}={p.Prior.Low.ToString("R", CultureInfo.InvariantCulture)}:{p.Prior.High.ToString("R", CultureInfo.InvariantCulture)}")),
            target, days, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), particles, budget, seed));
        try { abc = AbcSmc.Run(parameters.Select(p => p.Prior).ToList(), Simulate, target, particles, budget, seed, parallel, progress, checkpoint); }
        catch (ScenarioException ex)
        {
            throw new StudyInputException($"a candidate twin is not a valid scenario: {ex.Message}");
        }
        var estimates = parameters.Select((p, k) => new TwinEstimate(p.Path, abc.Mean(k), abc.Quantile(k, 0.05), abc.Quantile(k, 0.95), p.Prior)).ToList();
        var fitted = estimates.Select(e => e.Estimate).ToArray();

        // Posterior predictive check: the twin (posterior particles drawn by weight) against the observed summaries.
        var names = TwinSummaries.Names(teams);
        var draws = new double[checkRuns][];
        Parallel.ForEachAsync(Enumerable.Range(0, checkRuns), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, cancel) =>
        {
            var particle = Pick(abc, (i + 0.5) / checkRuns);
            draws[i] = await Simulate(abc.Particles[particle], Simulation.Model.SplitMix64.At(seed ^ 0xC0FFEEUL, i), cancel);
        }).GetAwaiter().GetResult();
        var checks = names.Select((n, j) =>
        {
            var values = draws.Select(d => d[j]).Where(double.IsFinite).Order().ToArray();
            return values.Length == 0 ? new TwinCheck(n, target[j], double.NaN, double.NaN, double.NaN)
                : new TwinCheck(n, target[j], values.Average(), values[(int)Math.Floor(0.05 * (values.Length - 1))], values[(int)Math.Ceiling(0.95 * (values.Length - 1))]);
        }).ToList();
        var scenario = JsonNode.Parse(scenarioJson)!;
        for (var k = 0; k < parameters.Count; k++) SweepPlan.SetPath(scenario, parameters[k].Path, fitted[k].ToString("R", CultureInfo.InvariantCulture));
        return new TwinFitResult(estimates, abc, checks, scenario.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), days);
    }

    /// <summary>The particle at cumulative weight <paramref name="u"/> (a stratified draw by weight).</summary>
    static int Pick(AbcResult abc, double u)
    {
        var c = 0.0;
        for (var i = 0; i < abc.Weights.Length; i++)
        {
            c += abc.Weights[i];
            if (c >= u) return i;
        }
        return abc.Weights.Length - 1;
    }
}
