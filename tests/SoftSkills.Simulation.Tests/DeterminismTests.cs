using Orleans.TestingHost;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Grains;

namespace SoftSkills.Simulation.Tests;

/// <summary>A two-silo test cluster shared by the tests of one class.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddNoSimulationStorage());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>Same seed, same bytes: the reference loop, one in-process silo and a two-silo cluster (docs/design.md §7).</summary>
public class DeterminismTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    static readonly string[] Tables = ["employees", "events", "ratings", "outcomes", "interventions", "truth"];

    [Fact]
    public async Task Reference_one_silo_and_two_silos_write_identical_files()
    {
        using var dir = new TempDir();
        var scenario = Scenarios.Small();
        var reference = await Simulator.RunAsync(scenario, dir.Sub("reference"), new ReferenceEngine());
        await using (var oneSilo = await OrleansEngine.StartInProcessAsync())
            await Simulator.RunAsync(scenario, dir.Sub("one-silo"), oneSilo);
        await using (var twoSilos = new OrleansEngine(cluster.Cluster.Client))
            await Simulator.RunAsync(scenario, dir.Sub("two-silos"), twoSilos);

        Assert.True(reference.Files["events.parquet"].Rows > 5_000, "the small scenario should still produce thousands of events");
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
        foreach (var table in Tables)
        {
            var expected = File.ReadAllBytes(Path.Combine(dir.Sub("reference"), table + ".parquet"));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir.Sub("one-silo"), table + ".parquet")));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir.Sub("two-silos"), table + ".parquet")));
        }
    }

    [Fact]
    public async Task A_different_seed_gives_different_files_and_the_same_seed_the_same_manifest_hashes()
    {
        using var dir = new TempDir();
        var a = await Simulator.RunAsync(Scenarios.Small(1), dir.Sub("a"), new ReferenceEngine());
        var b = await Simulator.RunAsync(Scenarios.Small(2), dir.Sub("b"), new ReferenceEngine());
        var again = await Simulator.RunAsync(Scenarios.Small(1), dir.Sub("again"), new ReferenceEngine());
        Assert.NotEqual(a.Files["events.parquet"].Sha256, b.Files["events.parquet"].Sha256);
        Assert.Equal(a.Files["events.parquet"].Sha256, again.Files["events.parquet"].Sha256);
        Assert.Equal(a.ScenarioSha256, again.ScenarioSha256);
        Assert.True(File.Exists(Path.Combine(dir.Sub("a"), "manifest.json")));
    }

    [Fact]
    public async Task Cancelling_leaves_no_file()
    {
        using var dir = new TempDir();
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(day => { if (day == 5) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Simulator.RunAsync(Scenarios.Small(), dir.Sub("out"), new ReferenceEngine(), progress, cancel.Token));
        Assert.False(Directory.Exists(dir.Sub("out")) && Directory.EnumerateFileSystemEntries(dir.Sub("out")).Any());
    }

    sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
