using System.Text.Json;
using CsCheck;

namespace SoftSkills.Cli.Tests.Adversarial;

/// <summary>
/// Property-based robustness: every verb is fed damaged copies of the sample data, the scenario, the ROI file and the
/// trigger rules (wrong types, nulls, truncation, bad encodings, hostile values, absurd sizes) and absurd option values.
/// Whatever the damage, the program exits 0 or 2, prints no stack trace, explains a refusal on stderr, and leaves no
/// partial output and no temporary file behind. The cases are the same on every run (see <see cref="Cases"/>);
/// README ("Robustness") states how many the suite runs.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed partial class AdversarialInputTests(AdversarialFixture inputs) : IClassFixture<AdversarialFixture>
{
    /// <summary>Cases per test; their sum is the number README states.</summary>
    public const int DataCases = 300, ParquetCases = 60, ScenarioCases = 150, RoiCases = 120, TriggerCases = 120, OptionCases = 150, ExportCases = 200, StateCases = 120;

    static readonly string[] CsvTables = ["employees", "events", "ratings", "outcomes", "interventions"];

    [Fact]
    public void Damaged_csv_tables_are_refused_with_one_line_or_analysed() =>
        Cases.Run(Gen.Select(Mutation.ForCsv, Gen.Int[0, CsvTables.Length - 1], Gen.Int[0, DataVerbs.Length - 1]), DataCases, c =>
        {
            var (mutation, table, verb) = c;
            using var work = new TempDir();
            var data = work.CopyOfSample();
            Damage(Path.Combine(data, CsvTables[table] + ".csv"), mutation);
            Check(work, DataVerbs[verb](data, work, mutation.Pick));
        }, c => $"{c.Item1} in {CsvTables[c.Item2]}.csv, verb {c.Item3}");

    [Fact]
    public void Damaged_parquet_tables_are_refused_with_one_line_or_analysed() =>
        Cases.Run(Gen.Select(Mutation.ForBinary, Gen.Int[0, 2], Gen.Int[0, 4]), ParquetCases, c =>
        {
            var (mutation, table, verb) = c;
            using var work = new TempDir();
            var data = work.File("parquet");
            Directory.CreateDirectory(data);
            foreach (var f in Directory.GetFiles(inputs.Parquet)) File.Copy(f, Path.Combine(data, Path.GetFileName(f)));
            Damage(Path.Combine(data, new[] { "events", "employees", "ratings" }[table] + ".parquet"), mutation);
            Check(work, DataVerbs[verb](data, work, mutation.Pick));
        });

    [Fact]
    public void Damaged_scenarios_are_refused_with_the_json_path_or_simulated() =>
        Cases.Run(Gen.Select(Mutation.ForJson, Gen.Int[0, 5]), ScenarioCases, c =>
        {
            var (mutation, verb) = c;
            using var work = new TempDir();
            var scenario = work.File("scenario.json");
            File.Copy(Path.Combine(Softskills.RepoRoot, "data", "scenarios", "default-pilot.json"), scenario);
            Damage(scenario, mutation);
            Check(work, verb == 0
                ? ["sweep", "--scenario", scenario, "--seeds", "1", "--out", work.File("out"), "--format", "json"]
                : ["simulate", "--scenario", scenario, "--engine", "reference", "--days", "21", "--out", work.File("out"), "--format", "json"]);
        });

    [Fact]
    public void Damaged_roi_files_are_refused_with_the_json_path_or_modelled() =>
        Cases.Run(Mutation.ForJson, RoiCases, mutation =>
        {
            using var work = new TempDir();
            var roi = work.File("roi.json");
            File.Copy(Path.Combine(Softskills.RepoRoot, "data", "scenarios", "roi-mid-size.json"), roi);
            Damage(roi, mutation);
            Check(work, ["roi", "--scenario", roi, "--monte-carlo", "200", "--report", work.File("out.html"), "--format", "json"]);
        });

    [Fact]
    public void Damaged_trigger_rules_are_refused_with_the_json_path_or_applied() =>
        Cases.Run(Mutation.ForJson, TriggerCases, mutation =>
        {
            using var work = new TempDir();
            var triggers = work.File("triggers.json");
            File.Copy(Path.Combine(Softskills.RepoRoot, "data", "triggers", "default.json"), triggers);
            Damage(triggers, mutation);
            Check(work, ["dashboard", "--data", Softskills.Sample, "--triggers", triggers, "--out", work.File("out.html"), "--format", "json"]);
        });

    [Fact]
    public void Damaged_calibration_states_are_refused_with_the_json_path_or_continued() =>
        Cases.Run(Mutation.ForJson, StateCases, mutation =>
        {
            using var work = new TempDir();
            var state = work.File("state.json");
            File.Copy(inputs.CalibrationState, state);
            Damage(state, mutation);
            var damaged = File.ReadAllBytes(state);
            var ratings = Path.Combine(Softskills.Sample, "ratings.csv");
            var run = Check(work, ["calibrate", "--auto", ratings, "--human", ratings, "--state", state, "--sample-out", work.File("out.csv"), "--format", "json"]);
            if (run.ExitCode == ExitCode.BadInput) Assert.Equal(damaged, File.ReadAllBytes(state));   // a refused round leaves the state as it was
        });

    [Fact]
    public void Absurd_option_values_are_refused_naming_the_option_or_accepted() =>
        Cases.Run(Gen.Select(Gen.Int[0, OptionTemplates.Length - 1], Gen.Int[0, OptionValues.Length - 1]), OptionCases, c =>
        {
            var (template, value) = c;
            using var work = new TempDir();
            var v = OptionValues[value] switch { "{dir}" => work.Path, "{fifo}" => Fifo(work), var other => other };
            Check(work, OptionTemplates[template](v, work));
        }, c => $"template {c.Item1} with {OptionValues[c.Item2]}");

    static readonly string[] Sources = ["slack", "teams", "jira", "zendesk", "mapped"];

    [Fact]
    public void Damaged_vendor_exports_are_refused_naming_the_file_or_imported() =>
        Cases.Run(Gen.Select(Mutation.ForJson, Mutation.ForCsv, Gen.Int[0, Sources.Length - 1], Gen.Int[0, 1000]), ExportCases, c =>
        {
            var (json, csv, source, pick) = c;
            using var work = new TempDir();
            var export = work.File("export");
            CopyFolder(Path.Combine(Softskills.RepoRoot, "tests", "SoftSkills.Data.Tests", "Fixtures", "Connectors", Sources[source]), export);
            var files = Directory.GetFiles(export, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var file = files[pick % files.Length];
            Damage(file, file.EndsWith(".csv", StringComparison.Ordinal) ? csv : json);
            string[] args = ["import", "--source", Sources[source], "--from", export, "--out", work.File("out"), "--key-file", KeyFile(work), "--format", "json"];
            Check(work, Sources[source] == "mapped" ? [.. args, "--mapping", Path.Combine(export, pick % 2 == 0 ? "helpdesk.mapping.json" : "meetings.mapping.json")] : args);
        }, c => $"{Sources[c.Item3]} file #{c.Item4}: json {c.Item1} / csv {c.Item2}");

    static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }

    static void Damage(string file, Mutation mutation) => File.WriteAllBytes(file, mutation.Apply(File.ReadAllBytes(file)));

    static readonly string[] Metrics = ["cohen", "fleiss", "icc", "krippendorff", "percent", "cronbach"];

    /// <summary>The verbs that read a data folder, each writing its output under the case's folder.</summary>
    static readonly Func<string, TempDir, int, string[]>[] DataVerbs =
    [
        (d, w, _) => ["kpis", "--data", d, "--out", w.File("out.json"), "--format", "json"],
        (d, w, _) => ["dashboard", "--data", d, "--out", w.File("out.html"), "--format", "json"],
        (d, w, _) => ["did", "--data", d, "--format", "json"],
        (d, w, _) => ["import", "--from", d, "--out", w.File("out"), "--key-file", KeyFile(w), "--format", "json"],
        (d, w, _) => ["kpis", "--data", d, "--by", "role", "--period", "week", "--out", w.File("out.csv"), "--format", "json"],
        (d, w, _) => ["validity", "--data", d, "--bootstrap", "100", "--format", "json"],
        (d, w, p) => ["reliability", "--ratings", Path.Combine(d, "ratings.csv"), "--metric", Metrics[p % Metrics.Length], "--bootstrap", "100", "--format", "json"],
        (d, w, _) => ["bias", "--scores", Path.Combine(d, "employees.csv"), "--group", "attr_gender", "--score", "tenure_months", "--min-group-size", "2", "--format", "json"],
        (d, w, _) => ["calibrate", "--auto", Path.Combine(d, "ratings.csv"), "--human", Path.Combine(d, "ratings.csv"), "--state", w.File("out.json"), "--sample-out", w.File("out.csv"), "--format", "json"],
        (d, w, _) => ["kpis", "--data", d, "--by", "attr_gender", "--period", "day"],
        (d, w, _) => ["dashboard", "--data", d, "--out", w.File("out.html")],
    ];

    static readonly string[] OptionValues =
    [
        "-1", "0", "NaN", "Infinity", "1e308", "2147483648", "-2147483649", "abc", "", "2026-02-30", "2026/03/01", "03-01-2026",
        "2026-3-1", "99999-01-01", "1.5", "2000000000", "{dir}", "/proc/forbidden/out", "{fifo}", "2026-03-10T00:00:00Z", "0001-01-01",
    ];

    static readonly Func<string, TempDir, string[]>[] OptionTemplates =
    [
        (v, w) => ["kpis", "--data", Softskills.Sample, "--from", v],
        (v, w) => ["kpis", "--data", Softskills.Sample, "--from", "2026-03-20", "--to", v],
        (v, w) => ["kpis", "--data", Softskills.Sample, "--baseline-days", v, "--period", "week"],
        (v, w) => ["kpis", "--data", Softskills.Sample, "--uplift", v, "--format", "json"],
        (v, w) => ["kpis", "--data", Softskills.Sample, "--min-group-size", v, "--format", "json"],
        (v, w) => ["kpis", "--data", Softskills.Sample, "--out", v],
        (v, w) => ["simulate", "--scenario", DefaultPilot, "--engine", "reference", "--days", v, "--out", w.File("out")],
        (v, w) => ["simulate", "--scenario", DefaultPilot, "--engine", "reference", "--days", "14", "--employees", v, "--out", w.File("out")],
        (v, w) => ["simulate", "--scenario", DefaultPilot, "--engine", "reference", "--days", "14", "--seed", v, "--out", w.File("out")],
        (v, w) => ["simulate", "--scenario", DefaultPilot, "--engine", "reference", "--days", "14", "--out", v],
        (v, w) => ["sweep", "--seeds", v, "--vary", "pilot.pilot_days=30", "--out", w.File("out")],
        (v, w) => ["sweep", "--seeds", "1", "--vary", "pilot.pilot_days=" + v, "--out", w.File("out")],
        (v, w) => ["roi", "--scenario", DefaultRoi, "--monte-carlo", v],
        (v, w) => ["roi", "--scenario", DefaultRoi, "--seed", v, "--monte-carlo", "100"],
        (v, w) => ["roi", "--scenario", DefaultRoi, "--report", v],
        (v, w) => ["reliability", "--ratings", Path.Combine(Softskills.Sample, "ratings.csv"), "--metric", "krippendorff", "--bootstrap", v],
        (v, w) => ["validity", "--data", Softskills.Sample, "--bootstrap", v],
        (v, w) => ["did", "--data", Softskills.Sample, "--level", v],
        (v, w) => ["dashboard", "--data", Softskills.Sample, "--out", v],
        (v, w) => ["dashboard", "--data", Softskills.Sample, "--out", w.File("out.html"), "--min-observations", v],
        (v, w) => ["calibrate", "--auto", Path.Combine(Softskills.Sample, "ratings.csv"), "--human", Path.Combine(Softskills.Sample, "ratings.csv"), "--bar", v, "--state", w.File("out.json")],
        (v, w) => ["calibrate", "--auto", Path.Combine(Softskills.Sample, "ratings.csv"), "--human", Path.Combine(Softskills.Sample, "ratings.csv"), "--review-share", v, "--sample-out", w.File("out.csv")],
        (v, w) => ["power", "--seeds", v, "--teams-per-arm", "2", "--days", "30"],
        (v, w) => ["power", "--seeds", "2", "--teams-per-arm", v, "--days", "30"],
        (v, w) => ["import", "--from", Softskills.Sample, "--out", v, "--key-file", KeyFile(w)],
        (v, w) => ["import", "--from", Softskills.Sample, "--out", w.File("out"), "--key-file", v],
    ];

    static string DefaultPilot => Path.Combine(Softskills.RepoRoot, "data", "scenarios", "default-pilot.json");
    static string DefaultRoi => Path.Combine(Softskills.RepoRoot, "data", "scenarios", "roi-mid-size.json");

    /// <summary>A named pipe: an output must refuse to replace it (as it must refuse /dev/full, which root could replace).</summary>
    static string Fifo(TempDir work)
    {
        var path = work.File("pipe");
        Assert.Equal(0, MakeFifo(path, 0b110_000_000));
        return path;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo")]
    static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    static string KeyFile(TempDir work)
    {
        var key = work.File("key");
        if (!File.Exists(key)) File.WriteAllText(key, "an adversarial test key of enough length");
        return key;
    }

    /// <summary>The promises every run keeps, whatever its input; returns the run.</summary>
    static Softskills.Result Check(TempDir work, string[] args)
    {
        if (Environment.GetEnvironmentVariable("SOFTSKILLS_CASES_LOG") is { } startLog) File.AppendAllText(startLog, $"start\t{string.Join(' ', args)}\n");
        var result = InProcess.RunIn(work.Path, args);
        if (Environment.GetEnvironmentVariable("SOFTSKILLS_CASES_LOG") is { } log)
            File.AppendAllText(log, $"{result.ExitCode}\t{string.Join(' ', args)}\t{result.Stderr.ReplaceLineEndings(" ")[..Math.Min(300, result.Stderr.Length)]}\n");
        var said = $"softskills {string.Join(' ', args.Select(a => a.Length > 80 ? a[..80] + "…" : a))}\nexit {result.ExitCode}\nstderr: {result.Stderr}\nstdout: {Head(result.Stdout)}";
        Assert.True(result.ExitCode is ExitCode.Ok or ExitCode.BadInput, said);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stdout);
        if (result.ExitCode == ExitCode.BadInput)
        {
            var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length >= 1 && lines[^1].StartsWith("error: ", StringComparison.Ordinal), said);
            var outputs = Directory.GetFileSystemEntries(work.Path, "out*");
            Assert.True(outputs.Length == 0, $"a refused run left {string.Join(", ", outputs)}\n{said}");
        }
        else if (args.Contains("json"))
        {
            try { JsonDocument.Parse(result.Stdout).Dispose(); }
            catch (JsonException e) { Assert.Fail($"stdout is not one JSON document ({e.Message})\n{said}"); }
        }
        var leftovers = Directory.GetFileSystemEntries(work.Path, "*", SearchOption.AllDirectories)
            .Where(p => TempName().IsMatch(Path.GetFileName(p))).ToList();
        Assert.True(leftovers.Count == 0, $"temporary files left: {string.Join(", ", leftovers)}\n{said}");
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.softskills-\d+-[0-9a-f]{32}\.(tmp|staging|old)$")]
    private static partial System.Text.RegularExpressions.Regex TempName();

    static string Head(string text) => text.Length > 400 ? text[..400] + "…" : text;
}

/// <summary>
/// Inputs built once: the sample imported as Parquet, a calibration state after two rounds on the sample's ratings, and
/// (when a test first asks) a synthetic EPITOME folder with a model trained on it.
/// </summary>
public sealed class AdversarialFixture : IDisposable
{
    readonly TempDir _dir = new();
    readonly Lazy<(string Epitome, string Model)> _empathy;
    public string Parquet { get; }
    public string CalibrationState { get; }
    public string Epitome => _empathy.Value.Epitome;
    public string EmpathyModel => _empathy.Value.Model;

    public AdversarialFixture()
    {
        Parquet = _dir.File("parquet");
        var key = _dir.File("key");
        File.WriteAllText(key, "an adversarial test key of enough length");
        var result = InProcess.Run("import", "--from", Softskills.Sample, "--out", Parquet, "--key-file", key, "--keep-attr", "attr_gender");
        if (result.ExitCode != 0) throw new InvalidOperationException(result.Stderr);
        _empathy = new(() =>
        {
            var (epitome, model) = (_dir.File("epitome"), _dir.File("empathy-model.zip"));
            SyntheticEpitome.Write(epitome, 160, 7);
            var trained = InProcess.Run("empathy", "train", "--data", epitome, "--out", model, "--iterations", "30");
            return trained.ExitCode == 0 ? (epitome, model) : throw new InvalidOperationException(trained.Stderr);
        });
        CalibrationState = _dir.File("state.json");
        var ratings = Path.Combine(Softskills.Sample, "ratings.csv");
        for (var round = 0; round < 2; round++)
        {
            result = InProcess.Run("calibrate", "--auto", ratings, "--human", ratings, "--state", CalibrationState);
            if (result.ExitCode != 0) throw new InvalidOperationException(result.Stderr);
        }
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>Tests that run the command line in this process: one at a time, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCollection { public const string Name = "in-process command line"; }
