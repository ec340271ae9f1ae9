using SoftSkills.Simulation.Model;

namespace SoftSkills.Studies.Twin;

/// <summary>A parameter's uniform prior.</summary>
public sealed record UniformPrior(double Low, double High)
{
    public bool Contains(double x) => x >= Low && x <= High;
}

/// <summary>One generation of ABC-SMC: its tolerance and how many simulations it took to fill it.</summary>
public sealed record AbcGeneration(int Index, double Tolerance, int Simulations, int Accepted);

/// <summary>The final population: particles (one row per particle), normalised weights, distances, the generations.</summary>
public sealed record AbcResult(double[][] Particles, double[] Weights, double[] Distances, IReadOnlyList<AbcGeneration> Generations, int Simulations)
{
    /// <summary>The weighted mean of parameter <paramref name="k"/>.</summary>
    public double Mean(int k) => Particles.Select((p, i) => p[k] * Weights[i]).Sum();

    /// <summary>The weighted <paramref name="q"/>-quantile of parameter <paramref name="k"/> (the first particle whose cumulative weight reaches q).</summary>
    public double Quantile(int k, double q)
    {
        var order = Enumerable.Range(0, Particles.Length).OrderBy(i => Particles[i][k]).ToArray();
        var cumulative = 0.0;
        foreach (var i in order)
        {
            cumulative += Weights[i];
            if (cumulative >= q - 1e-12) return Particles[i][k];
        }
        return Particles[order[^1]][k];
    }
}

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (Beaumont, Cornuet, Marin &amp; Robert 2009, Biometrika 96:983;
/// Toni et al. 2009): generation 0 samples the uniform priors; each next generation's tolerance is the median distance of
/// the previous one, its particles are drawn from the previous population by weight and moved by a Gaussian kernel with
/// twice the weighted variance, and accepted when the simulated summaries fall within the tolerance; weights are
/// prior / Σ w_j K(θ | θ_j). Distances are Euclidean between semi-automatic summaries (<see cref="SemiAutomaticSummaries"/>,
/// trained on generation 0's simulations). Simulations run in parallel batches whose proposals and seeds are fixed in advance
/// and accepted in index order, so the result does not depend on the number of threads.
/// </summary>
public static class AbcSmc
{
    /// <param name="priors">one uniform prior per parameter</param>
    /// <param name="simulate">summaries of one simulation at the parameters with the seed (NaN where undefined)</param>
    /// <param name="observed">the observed summaries (NaN components are ignored)</param>
    /// <param name="particles">the population size</param>
    /// <param name="budget">the most simulations to run in all</param>
    /// <param name="seed">the seed of proposals and simulation seeds</param>
    /// <param name="parallel">simulations at once</param>
    /// <param name="progress">receives the number of simulations run so far</param>
    /// <param name="checkpoint">simulations of an interrupted run with the same settings, and where to record new ones</param>
    public static AbcResult Run(IReadOnlyList<UniformPrior> priors, Func<double[], ulong, double[]> simulate, double[] observed,
        int particles, int budget, ulong seed, int parallel, IProgress<int>? progress = null, AbcCheckpoint? checkpoint = null) =>
        Run(priors, (theta, runSeed, _) => ValueTask.FromResult(simulate(theta, runSeed)), observed, particles, budget, seed, parallel, progress, checkpoint);

    /// <summary>The same with simulations that wait on others (a cluster's silos): <paramref name="parallel"/> are in flight at once.</summary>
    public static AbcResult Run(IReadOnlyList<UniformPrior> priors, Func<double[], ulong, CancellationToken, ValueTask<double[]>> simulate, double[] observed,
        int particles, int budget, ulong seed, int parallel, IProgress<int>? progress = null, AbcCheckpoint? checkpoint = null)
    {
        if (particles < 10) throw new ArgumentException("at least 10 particles");
        if (budget < 2 * particles) throw new ArgumentException($"a budget of at least {2 * particles} simulations (two generations)");
        var dims = priors.Count;
        var simulations = 0;
        ulong state = seed;
        double Uniform() => (SplitMix64.Next(ref state) >> 11) * (1.0 / (1UL << 53));
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());

        double[][] RunBatch(double[][] thetas)
        {
            var first = simulations;
            var results = new double[thetas.Length][];
            var fresh = Enumerable.Range(0, thetas.Length).Where(i => checkpoint is null || !checkpoint.TryGet(first + i, thetas[i], out results[i])).ToArray();
            Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (i, cancel) => results[i] = await simulate(thetas[i], SplitMix64.At(seed ^ 0x5DEECE66DUL, first + i), cancel)).GetAwaiter().GetResult();
            if (fresh.Length > 0) checkpoint?.Record(first, thetas, results);
            simulations += thetas.Length;
            progress?.Report(simulations);
            return results;
        }

        // Generation 0: the priors. Its simulations also train the semi-automatic summaries, and the distance is
        // Euclidean between projected summaries (each parameter in units of its prior standard deviation).
        var theta = Enumerable.Range(0, particles).Select(_ => priors.Select(p => p.Low + (p.High - p.Low) * Uniform()).ToArray()).ToArray();
        var summaries = RunBatch(theta);
        var projection = SemiAutomaticSummaries.Fit(theta, summaries, observed.Select(double.IsFinite).ToArray(),
            priors.Select(p => (p.High - p.Low) / Math.Sqrt(12)).ToArray());
        var target = projection.Project(observed);
        double Distance(double[] s) => Euclidean(projection.Project(s), target);
        var distances = summaries.Select(Distance).ToArray();
        var weights = Enumerable.Repeat(1.0 / particles, particles).ToArray();
        var generations = new List<AbcGeneration> { new(0, double.PositiveInfinity, particles, particles) };

        while (simulations + particles <= budget)
        {
            var tolerance = Median(distances);
            var sd = Enumerable.Range(0, dims).Select(k => Math.Sqrt(2 * WeightedVariance(theta, weights, k))).ToArray();
            var accepted = new List<(double[] Theta, double Distance)>();
            var used = 0;
            while (accepted.Count < particles && simulations + particles <= budget)
            {
                var proposals = Enumerable.Range(0, particles).Select(_ => Propose(theta, weights, sd, priors, Uniform, Normal)).ToArray();
                var results = RunBatch(proposals);
                used += proposals.Length;
                for (var i = 0; i < proposals.Length && accepted.Count < particles; i++)
                {
                    var d = Distance(results[i]);
                    if (d <= tolerance) accepted.Add((proposals[i], d));
                }
            }
            if (accepted.Count < particles) break; // the budget ran out mid-generation: keep the last full population
            var next = accepted.Select(a => a.Theta).ToArray();
            var nextWeights = next.Select(t => 1.0 / Enumerable.Range(0, particles).Sum(j => weights[j] * Kernel(t, theta[j], sd))).ToArray();
            var total = nextWeights.Sum();
            (theta, weights, distances) = (next, nextWeights.Select(w => w / total).ToArray(), accepted.Select(a => a.Distance).ToArray());
            generations.Add(new AbcGeneration(generations.Count, tolerance, used, particles));
        }
        return new AbcResult(theta, weights, distances, generations, simulations);
    }

    static double[] Propose(double[][] theta, double[] weights, double[] sd, IReadOnlyList<UniformPrior> priors, Func<double> uniform, Func<double> normal)
    {
        for (var attempt = 0; ; attempt++)
        {
            var u = uniform();
            var i = 0;
            for (var c = weights[0]; c < u && i < weights.Length - 1; c += weights[++i]) { }
            var candidate = theta[i].Select((x, k) => x + sd[k] * normal()).ToArray();
            if (candidate.Select((x, k) => priors[k].Contains(x)).All(b => b)) return candidate;
            if (attempt > 1000) return theta[i].ToArray(); // a kernel far wider than the prior: keep the particle
        }
    }

    /// <summary>The product of independent Gaussian densities (normalising constants cancel in the weights).</summary>
    static double Kernel(double[] x, double[] mean, double[] sd)
    {
        var log = 0.0;
        for (var k = 0; k < x.Length; k++)
        {
            if (sd[k] <= 0) continue;
            var z = (x[k] - mean[k]) / sd[k];
            log -= 0.5 * z * z;
        }
        return Math.Exp(log);
    }

    static double WeightedVariance(double[][] theta, double[] weights, int k)
    {
        var mean = theta.Select((t, i) => t[k] * weights[i]).Sum();
        return theta.Select((t, i) => weights[i] * (t[k] - mean) * (t[k] - mean)).Sum();
    }

    static double Euclidean(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
