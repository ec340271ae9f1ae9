using System.Diagnostics;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Hosting;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Cli.Tests;

[CollectionDefinition("cluster", DisableParallelization = true)]
public class ClusterCollection;

/// <summary>Three silo processes on loopback and a client: the same bytes as one process, also when a silo is killed mid-run (docs/design.md §7).</summary>
[Collection("cluster")]
public class ClusterTests : IClassFixture<ClusterFixture>
{
    readonly ClusterFixture _cluster;
    public ClusterTests(ClusterFixture cluster) => _cluster = cluster;

    static readonly string[] Tables = ["employees", "events", "ratings", "outcomes", "interventions", "truth"];
    static string DefaultPilot => Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json");

    static void AssertSameFiles(string expected, string actual)
    {
        foreach (var t in Tables)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, t + ".parquet")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, t + ".parquet"))), $"{t}.parquet differs");
    }

    [SkippableFact]
    public async Task Three_silos_write_the_bytes_of_one_process()
    {
        _cluster.Require();
        using var dir = new TempDir();
        var cluster = Softskills.Run("simulate", "--scenario", DefaultPilot, "--days", "40", "--out", dir.File("cluster"), "--cluster", _cluster.Cluster!);
        Assert.True(cluster.ExitCode == 0, cluster.Stderr);
        var single = Softskills.Run("simulate", "--scenario", DefaultPilot, "--days", "40", "--out", dir.File("single"));
        Assert.True(single.ExitCode == 0, single.Stderr);
        AssertSameFiles(dir.File("single"), dir.File("cluster"));
        Assert.Equal(0, await _cluster.StoredStates()); // the finished run ended its grains: Redis keeps none of its state
    }

    /// <summary>Kills one silo with SIGKILL when day 30 of 60 is done; the coordinator runs the lost day again on the others.</summary>
    [SkippableFact]
    public async Task A_silo_killed_mid_run_changes_nothing()
    {
        _cluster.Require();
        using var dir = new TempDir();
        var scenario = ScenarioRescale.Rescale(ScenarioLoader.Load(DefaultPilot), null, 60);
        await Simulator.RunAsync(scenario, dir.File("single"), new ReferenceEngine());
        var killer = new KillAt(30, () => _cluster.KillSilo(1));
        await using (var engine = await ClusterEngine.ConnectAsync(ClusterAddress.Parse(_cluster.Cluster!), TimeSpan.FromSeconds(30)))
        {
            try { await Simulator.RunAsync(scenario, dir.File("cluster"), engine, killer); }
            finally { await _cluster.ReplaceSilo(1); }
        }
        Assert.True(killer.Killed);
        AssertSameFiles(dir.File("single"), dir.File("cluster"));
        Assert.Equal(0, await _cluster.StoredStates()); // also the states written by grains reactivated after the kill
    }

    [SkippableFact]
    public async Task A_sweep_on_the_cluster_writes_the_summary_of_one_process()
    {
        _cluster.Require();
        using var dir = new TempDir();
        var local = Softskills.Run(["sweep", "--seeds", "3", .. SweepTests.Short, "--out", dir.File("local")]);
        Assert.True(local.ExitCode == 0, local.Stderr);
        var cluster = Softskills.Run(["sweep", "--seeds", "3", .. SweepTests.Short, "--out", dir.File("cluster"), "--cluster", _cluster.Cluster!, "--parallel", "3"]);
        Assert.True(cluster.ExitCode == 0, cluster.Stderr);
        Assert.Equal(File.ReadAllBytes(dir.File(Path.Combine("local", "summary.parquet"))), File.ReadAllBytes(dir.File(Path.Combine("cluster", "summary.parquet"))));
        Assert.Equal(0, await _cluster.StoredStates()); // six runs, none left in Redis
    }

    /// <summary>`twin fit --cluster` runs the fit's simulations on the silos and writes the twin of one process.</summary>
    [SkippableFact]
    public async Task A_twin_fit_on_the_cluster_gives_the_fit_of_one_process()
    {
        _cluster.Require();
        using var dir = new TempDir();
        TwinTests.SimulatedOrganisation(dir);
        string[] Fit(string name) => ["twin", "fit", "--data", dir.File("org"), "--scenario", dir.File("start.json"), "--fit", "traits.empathy.mean,traits.handoff_diligence.mean",
            "--out", dir.File(name), "--budget", "60", "--particles", "20", "--check-runs", "3", "--format", "json"];
        var local = Softskills.Run(Fit("local.json"));
        Assert.True(local.ExitCode == 0, local.Stderr);
        var cluster = Softskills.Run([.. Fit("cluster.json"), "--cluster", _cluster.Cluster!, "--parallel", "3"]);
        Assert.True(cluster.ExitCode == 0, cluster.Stderr);
        Assert.Equal(File.ReadAllText(dir.File("local.json")), File.ReadAllText(dir.File("cluster.json")));
        var (a, b) = (System.Text.Json.Nodes.JsonNode.Parse(local.Stdout)!, System.Text.Json.Nodes.JsonNode.Parse(cluster.Stdout)!);
        foreach (var key in new[] { "parameters", "fit", "check", "simulations" })
            Assert.Equal(a[key]!.ToJsonString(), b[key]!.ToJsonString());
        Assert.False(File.Exists(dir.File("cluster.json.checkpoint")));
        Assert.Equal(0, await _cluster.StoredStates()); // the fit's simulations ended their grains
    }

    sealed class KillAt(int day, Action kill) : IProgress<int>
    {
        public bool Killed { get; private set; }
        public void Report(int daysDone)
        {
            if (daysDone < day || Killed) return;
            Killed = true;
            kill();
        }
    }
}

/// <summary>Redis lost in the middle of a run: the client fails with one line naming Redis, the silos still stop on SIGTERM.</summary>
[Collection("cluster")]
public class RedisLossTests
{
    [SkippableFact]
    public async Task Losing_redis_mid_run_fails_within_a_minute_and_silos_stop_within_ten_seconds()
    {
        var cluster = await ClusterFixture.StartOwnAsync(silos: 2);
        try
        {
            cluster.Require();
            using var dir = new TempDir();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "softskills.dll"), "simulate", "--scenario", Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json"),
                         "--employees", "1000", "--days", "365", "--out", dir.File("out"), "--cluster", cluster.Cluster! })
                start.ArgumentList.Add(a);
            using var simulate = Process.Start(start)!;
            var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var running = new TaskCompletionSource();
            simulate.ErrorDataReceived += (_, e) => { if (e.Data is null) return; stderr.Enqueue(e.Data); if (e.Data.StartsWith("simulating", StringComparison.Ordinal)) running.TrySetResult(); };
            simulate.BeginErrorReadLine();
            var stdout = simulate.StandardOutput.ReadToEndAsync();
            await running.Task.WaitAsync(TimeSpan.FromSeconds(90)); // the run has connected and is simulating days

            var clock = Stopwatch.StartNew();
            cluster.KillRedis();
            using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
                await simulate.WaitForExitAsync(limit.Token); // also drains the redirected stderr
            var took = clock.Elapsed;
            await stdout;
            var lines = stderr.Where(l => !l.StartsWith("simulating", StringComparison.Ordinal) && !l.Contains("trying again", StringComparison.Ordinal)).ToList();
            Assert.Equal(1, simulate.ExitCode);
            Assert.True(took < TimeSpan.FromSeconds(60), $"took {took}");
            Assert.True(lines.Count == 1, $"exit {simulate.ExitCode}, stderr:\n{string.Join("\n", stderr)}");
            Assert.StartsWith("error: ", lines[0]);
            Assert.Contains("Redis", lines[0]);
            Assert.DoesNotContain(stderr, l => l.StartsWith("   at ", StringComparison.Ordinal));
            Assert.False(Directory.Exists(dir.File("out")));

            for (var i = 0; i < 2; i++)
            {
                var stop = Stopwatch.StartNew();
                cluster.Terminate(i);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await cluster.Silo(i).WaitForExitAsync(limit.Token); }
                catch (OperationCanceledException) { Assert.Fail($"silo {i} still running {stop.Elapsed} after SIGTERM with Redis down"); }
            }
        }
        finally { await cluster.DisposeAsync(); }
    }
}

/// <summary>An unreachable Redis is a clear error within a bounded time, not a hang.</summary>
public class ClusterUnavailableTests
{
    [Fact]
    public void Simulate_against_no_redis_fails_clearly_within_a_minute()
    {
        var port = ClusterFixture.FreePort(); // nothing listens there
        var clock = Stopwatch.StartNew();
        using var dir = new TempDir();
        var r = Softskills.Run("simulate", "--scenario", Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json"), "--days", "5",
            "--out", dir.File("out"), "--cluster", $"redis://127.0.0.1:{port}");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"cannot reach the cluster's Redis at redis://127.0.0.1:{port}", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFiles(dir.File("out")).Any());
    }

    [Fact]
    public void A_malformed_cluster_address_is_bad_input()
    {
        var r = Softskills.Run("silo", "--cluster", "http://somewhere");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("redis://[user:password@]HOST:PORT", r.Stderr);
    }
}
