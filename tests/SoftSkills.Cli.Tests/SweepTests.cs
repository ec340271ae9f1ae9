using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoftSkills.Studies.Sweeps;
using SoftSkills.Data.Files;

namespace SoftSkills.Cli.Tests;

/// <summary>Sweeps: distinct recorded seeds, one summary row per replication, and an interrupted sweep resumed to the same file.</summary>
public class SweepTests
{
    // Short replications: 20 baseline and 20 pilot days.
    internal static readonly string[] Short = ["--vary", "pilot.baseline_days=20", "--vary", "pilot.pilot_days=20"];

    [Fact]
    public void Seeds_are_distinct_recorded_and_derived_from_the_base_seed()
    {
        var seeds = Enumerable.Range(0, 1000).Select(i => SweepPlan.SeedOf(20260105, i)).ToList();
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.Equal(SweepPlan.SeedOf(20260105, 3), seeds[3]);
        Assert.NotEqual(SweepPlan.SeedOf(1, 0), SweepPlan.SeedOf(2, 0));
        var plan = new SweepPlan("{}", [new SweepParameter("a", ["1", "2"]), new SweepParameter("b", ["x", "y", "z"])], 2, 7);
        Assert.Equal(12, plan.Replications.Count);
        Assert.Equal(["1", "x"], plan.Replications[0].Values);
        Assert.Equal(["2", "z"], plan.Replications[11].Values);
    }

    [Fact]
    public async Task An_interrupted_sweep_resumes_to_the_file_of_an_uninterrupted_one()
    {
        using var dir = new TempDir();
        string[] Args(string output) => ["sweep", "--seeds", "5", .. Short, "--out", output, "--format", "json"];
        var whole = Softskills.Run(Args(dir.File("whole")));
        Assert.True(whole.ExitCode == 0, whole.Stderr);

        // Start the same sweep elsewhere and kill it once two replications are on disk.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "softskills.dll"));
        foreach (var a in Args(dir.File("resumed"))) start.ArgumentList.Add(a);
        using (var first = Process.Start(start)!)
        {
            var parts = dir.File(Path.Combine("resumed", "replications"));
            var clock = Stopwatch.StartNew();
            while (!(Directory.Exists(parts) && Directory.GetFiles(parts, "*.json").Length >= 2) && !first.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
                await Task.Delay(50);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        Assert.False(File.Exists(dir.File(Path.Combine("resumed", "summary.parquet"))));
        Assert.DoesNotContain(Directory.GetFiles(dir.File(Path.Combine("resumed", "replications"))), f => !f.EndsWith(".json", StringComparison.Ordinal));

        var resumed = Softskills.Run(Args(dir.File("resumed")));
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        var json = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.True(json.GetProperty("skipped").GetInt32() >= 2);
        Assert.Equal(5, json.GetProperty("ran").GetInt32() + json.GetProperty("skipped").GetInt32());
        Assert.Equal(File.ReadAllBytes(dir.File(Path.Combine("whole", "summary.parquet"))), File.ReadAllBytes(dir.File(Path.Combine("resumed", "summary.parquet"))));

        // The summary: one row per replication with its seed and effects.
        var codec = new SweepRowCodec(["pilot.baseline_days", "pilot.pilot_days"], SweepRunner.EffectColumns([SoftSkills.Analysis.Pilot.DidOptions.Default]));
        var rows = TableFile.Read(dir.File(Path.Combine("whole", "summary.parquet")), codec).ToList();
        Assert.Equal([0, 1, 2, 3, 4], rows.Select(r => r.Replication));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => SweepPlan.SeedOf(20260105, i)), rows.Select(r => r.Seed));
        Assert.All(rows, r => Assert.Equal(28, r.Effects.Count)); // 7 figures for each of the 4 KPIs
        Assert.All(rows, r => Assert.NotNull(r.Effects["hsr_true_effect"])); // from the counterfactual
    }

    [Fact]
    public void Another_sweep_in_the_same_folder_and_a_bad_path_are_bad_input()
    {
        using var dir = new TempDir();
        var bad = Softskills.Run("sweep", "--seeds", "1", "--vary", "pilot.no_such_thing=1", "--out", dir.File("a"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("pilot.no_such_thing", bad.Stderr);
        // A setting the pilot analysis refuses names the replication and its settings, and leaves no folder.
        var tooShort = Softskills.Run("sweep", "--seeds", "1", "--vary", "pilot.pilot_days=1", "--out", dir.File("short"));
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("replication 0 (pilot.pilot_days=1): the pilot starts", tooShort.Stderr);
        Assert.False(Directory.Exists(dir.File("short")));
        Assert.True(Softskills.Run(["sweep", "--seeds", "1", .. Short, "--out", dir.File("b")]).ExitCode == 0);
        var other = Softskills.Run(["sweep", "--seeds", "2", .. Short, "--out", dir.File("b")]);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("holds another sweep", other.Stderr);

        // Damaged resume files are refused by name: a replication with another seed, then a cut-off sweep.json.
        var part = Path.Combine(dir.File("b"), "replications", "000000.json");
        var json = JsonNode.Parse(File.ReadAllText(part))!;
        json["Seed"] = "12345";
        File.WriteAllText(part, json.ToJsonString());
        var foreign = Softskills.Run(["sweep", "--seeds", "1", .. Short, "--out", dir.File("b")]);
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("000000.json: a damaged replication file (its replication, seed or settings are not the plan's)", foreign.Stderr);
        var plan = Path.Combine(dir.File("b"), "sweep.json");
        File.WriteAllText(plan, File.ReadAllText(plan)[..20]);
        var cut = Softskills.Run(["sweep", "--seeds", "1", .. Short, "--out", dir.File("b")]);
        Assert.Equal(2, cut.ExitCode);
        Assert.Contains("sweep.json is damaged (not valid JSON at line", cut.Stderr);
    }
}
