using System.Text.Json;
using System.Text.Json.Nodes;
using SoftSkills.Simulation.Scenarios;
using SoftSkills.Studies;
using SoftSkills.Studies.Twin;

namespace SoftSkills.Cli.Tests;

/// <summary>The digital twin: ABC-SMC on a model with a known posterior, and parameter recovery through `twin fit`.</summary>
public class TwinTests
{
    /// <summary>
    /// θ ~ U(0, 1); a simulation's summary is the mean of 25 draws of N(θ, 1), observed 0.4. The posterior is close to
    /// N(0.4, 0.2²) (the prior barely truncates it): mean 0.4, 90% interval 0.4 ± 0.33.
    /// </summary>
    [Fact]
    public void Abc_smc_finds_a_known_posterior_and_ignores_the_thread_count()
    {
        static double[] Simulate(double[] theta, ulong seed)
        {
            var state = seed;
            double U() => (SoftSkills.Simulation.Model.SplitMix64.Next(ref state) >> 11) * (1.0 / (1UL << 53));
            var sum = 0.0;
            for (var i = 0; i < 25; i++) sum += theta[0] + Math.Sqrt(-2 * Math.Log(1 - U())) * Math.Cos(2 * Math.PI * U());
            return [sum / 25];
        }
        var one = AbcSmc.Run([new UniformPrior(0, 1)], Simulate, [0.4], particles: 400, budget: 6000, seed: 7, parallel: 1);
        var two = AbcSmc.Run([new UniformPrior(0, 1)], Simulate, [0.4], particles: 400, budget: 6000, seed: 7, parallel: 2);
        Assert.Equal(one.Particles.Select(p => p[0]), two.Particles.Select(p => p[0]));
        Assert.Equal(one.Weights, two.Weights);
        Assert.InRange(one.Mean(0), 0.36, 0.44);
        Assert.InRange(one.Quantile(0, 0.05), 0.02, 0.16);   // 0.4 − 1.645 × 0.2 = 0.07, a little higher for the tolerance's slack
        Assert.InRange(one.Quantile(0, 0.95), 0.64, 0.78);   // 0.4 + 0.33 = 0.73
        Assert.True(one.Generations.Count >= 3, $"{one.Generations.Count} generations");
        Assert.True(one.Generations.Skip(1).Select(g => g.Tolerance).Zip(one.Generations.Skip(2).Select(g => g.Tolerance)).All(p => p.Second <= p.First));
    }

    /// <summary>
    /// A fit interrupted after 900 simulations (the simulator fails) resumes from its checkpoint: the rerun simulates only
    /// what was not recorded and ends with exactly the particles and weights of an uninterrupted fit. A checkpoint of
    /// another fit (another seed) is refused.
    /// </summary>
    [Fact]
    public void An_interrupted_fit_resumes_to_the_same_result()
    {
        static double[] Simulate(double[] theta, ulong seed)
        {
            var state = seed;
            double U() => (SoftSkills.Simulation.Model.SplitMix64.Next(ref state) >> 11) * (1.0 / (1UL << 53));
            return [theta[0] + 0.2 * (U() - 0.5), theta[1] * (0.9 + 0.2 * U())];
        }
        UniformPrior[] priors = [new(0, 1), new(0.5, 2)];
        double[] observed = [0.3, 1.2];
        var whole = AbcSmc.Run(priors, Simulate, observed, particles: 100, budget: 2000, seed: 11, parallel: 2);

        var file = Path.Combine(Path.GetTempPath(), $"softskills-abc-{Guid.NewGuid():N}.checkpoint");
        try
        {
            var fingerprint = AbcCheckpoint.FingerprintOf("toy", 11);
            var calls = 0;
            double[] Failing(double[] theta, ulong seed) => Interlocked.Increment(ref calls) > 900 ? throw new IOException("the machine went away") : Simulate(theta, seed);
            using (var checkpoint = new AbcCheckpoint(file, fingerprint))
                Assert.ThrowsAny<Exception>(() => AbcSmc.Run(priors, Failing, observed, 100, 2000, 11, 2, checkpoint: checkpoint));

            var rerun = 0;
            double[] Counting(double[] theta, ulong seed) { Interlocked.Increment(ref rerun); return Simulate(theta, seed); }
            AbcResult resumed;
            using (var checkpoint = new AbcCheckpoint(file, fingerprint))
            {
                Assert.InRange(checkpoint.Resumed, 800, 900); // whole batches of 100 were recorded
                resumed = AbcSmc.Run(priors, Counting, observed, 100, 2000, 11, 1, checkpoint: checkpoint);
                Assert.Equal(whole.Simulations - checkpoint.Resumed, rerun);
            }
            Assert.Equal(whole.Particles.SelectMany(p => p), resumed.Particles.SelectMany(p => p));
            Assert.Equal(whole.Weights, resumed.Weights);
            Assert.Equal(whole.Generations, resumed.Generations);

            var other = Assert.Throws<StudyInputException>(() => new AbcCheckpoint(file, AbcCheckpoint.FingerprintOf("toy", 12)));
            Assert.Contains("checkpoint of another fit", other.Message);

            // A damaged batch line (a string where the first index belongs) is skipped, not a crash: its simulations run again.
            int complete;
            using (var checkpoint = new AbcCheckpoint(file, fingerprint)) complete = checkpoint.Resumed;
            var lines = File.ReadAllLines(file);
            Assert.Contains("\"first\":0,", lines[1]);
            lines[1] = lines[1].Replace("\"first\":0,", "\"first\":\"zero\",", StringComparison.Ordinal);
            File.WriteAllLines(file, lines);
            using (var checkpoint = new AbcCheckpoint(file, fingerprint)) Assert.Equal(complete - 100, checkpoint.Resumed);
        }
        finally { File.Delete(file); }
    }

    /// <summary>
    /// Writes <c>start.json</c> (the default pilot rescaled to 40 people and 42 baseline days, no interventions, both trait
    /// means 0.5) and <c>org/</c>, that organisation simulated with empathy 0.7 and handoff diligence 0.3, without <c>truth</c>.
    /// </summary>
    internal static void SimulatedOrganisation(TempDir dir)
    {
        var organisation = ScenarioRescale.Rescale(ScenarioLoader.Load(Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json")), 40, 43);
        var twinStart = JsonNode.Parse(ScenarioLoader.ToJson(organisation))!;
        twinStart["pilot"]!["baseline_days"] = 42;
        twinStart["pilot"]!["pilot_days"] = 1;
        twinStart["interventions"]!["coaching_nudge"]!["enabled"] = false;
        twinStart["interventions"]!["realtime_feedback"]!["enabled"] = false;
        File.WriteAllText(dir.File("start.json"), twinStart.ToJsonString());
        var truth = JsonNode.Parse(twinStart.ToJsonString())!;
        truth["traits"]!["empathy"]!["mean"] = 0.7;
        truth["traits"]!["handoff_diligence"]!["mean"] = 0.3;
        truth["seed"] = 4242;
        File.WriteAllText(dir.File("truth.json"), truth.ToJsonString());
        var sim = Softskills.Run("simulate", "--scenario", dir.File("truth.json"), "--engine", "reference", "--out", dir.File("org"));
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        File.Delete(dir.File("org/truth.parquet"));
    }

    /// <summary>
    /// A 40-person organisation simulated with empathy 0.7 and handoff diligence 0.3 (the scenario default is 0.5 for
    /// both); the truth table removed; `twin fit` from the defaults must bring both 90% intervals round the known values
    /// and well inside the priors, and its fitted scenario must run.
    /// </summary>
    [Fact]
    public void Twin_fit_recovers_known_trait_means_from_a_simulated_baseline()
    {
        using var dir = new TempDir();
        SimulatedOrganisation(dir);
        var fit = Softskills.Run("twin", "fit", "--data", dir.File("org"), "--scenario", dir.File("start.json"), "--fit", "traits.empathy.mean,traits.handoff_diligence.mean",
            "--out", dir.File("twin.json"), "--budget", "900", "--particles", "100", "--check-runs", "10", "--format", "json");
        Assert.True(fit.ExitCode == 0, fit.Stderr);
        using var json = JsonDocument.Parse(fit.Stdout);
        var parameters = json.RootElement.GetProperty("parameters");
        foreach (var (path, known) in new[] { ("traits.empathy.mean", 0.7), ("traits.handoff_diligence.mean", 0.3) })
        {
            var p = parameters.GetProperty(path);
            var (lo, hi) = (p.GetProperty("lo90").GetDouble(), p.GetProperty("hi90").GetDouble());
            Assert.True(lo <= known && known <= hi, $"{path}: [{lo}, {hi}] misses {known}\n{fit.Stdout}");
            Assert.True(hi - lo < 0.5 * 0.9, $"{path}: [{lo}, {hi}] is not much narrower than the prior [0.05, 0.95]");
        }
        Assert.True(json.RootElement.GetProperty("simulations").GetInt32() <= 900);
        Assert.Contains(json.RootElement.GetProperty("check").EnumerateArray(), c => c.GetProperty("summary").GetString()!.EndsWith(".hsr", StringComparison.Ordinal));
        var twin = ScenarioLoader.Load(dir.File("twin.json"));
        Assert.Equal(parameters.GetProperty("traits.empathy.mean").GetProperty("estimate").GetDouble(), twin.Traits["empathy"].Mean, 12);
        var run = Softskills.Run("simulate", "--scenario", dir.File("twin.json"), "--engine", "reference", "--days", "10", "--out", dir.File("twin-run"));
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Theory]
    [InlineData("traits.kindness.mean", "the scenario has no number at 'traits.kindness.mean'")]
    [InlineData("traits.empathy.mean=0.9:0.1", "is not a range LOW:HIGH with LOW < HIGH")]
    [InlineData("traits.empathy.mean=0.5:3", "--fit traits.empathy.mean: the value 3 within the prior gives a bad scenario")]
    [InlineData("raters.manager_rating_every_days", "--fit raters.manager_rating_every_days: the value")]
    [InlineData("teams.size", "the scenario has no number at 'teams.size'")]
    [InlineData("traits[0", "the scenario has no number at 'traits[0'")]
    public void A_bad_fit_parameter_is_refused_naming_it(string fit, string expected)
    {
        using var dir = new TempDir();
        var r = Softskills.Run("twin", "fit", "--data", Path.Combine(Repo.Root, "data", "sample"), "--scenario", Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json"),
            "--fit", fit, "--out", dir.File("twin.json"), "--budget", "40", "--particles", "10");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.False(File.Exists(dir.File("twin.json")));
    }
}
