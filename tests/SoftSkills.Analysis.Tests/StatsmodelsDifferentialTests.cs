using System.Globalization;
using System.Text;
using SoftSkills.Analysis.Reliability;

namespace SoftSkills.Analysis.Tests;

/// <summary>
/// Cohen's kappa, unweighted, linear and quadratic, with its Fleiss–Cohen–Everitt (1969) standard error, against Python's
/// statsmodels (a live peer: Debian's python3-statsmodels) on 100 seeded random pairs of raters, 2 to 7 categories,
/// 20 to 80 items. Skips without statsmodels, except under CI=true.
/// </summary>
public class StatsmodelsDifferentialTests
{
    const int Tables = 100;

    static (double[] A, double[] B) RandomRatings(int seed)
    {
        var rng = new Random(seed);
        var categories = 2 + rng.Next(6);
        var n = 20 + rng.Next(61);
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = rng.Next(categories);
            b[i] = Math.Clamp(a[i] + (rng.NextDouble() < 0.5 ? 0 : rng.Next(3) - 1), 0, categories - 1);
        }
        return (a, b);
    }

    [SkippableFact]
    public void Kappa_and_its_standard_error_agree_with_statsmodels_to_1e_12()
    {
        Peers.RequirePython("statsmodels");
        var samples = Enumerable.Range(1, Tables).Select(RandomRatings).ToList();
        var script = new StringBuilder("import numpy as np\nfrom statsmodels.stats.inter_rater import cohens_kappa\n");
        script.Append("def table(a, b):\n    cats = sorted(set(a) | set(b))\n    t = np.zeros((len(cats), len(cats)))\n")
              .Append("    for x, y in zip(a, b): t[cats.index(x), cats.index(y)] += 1\n    return t\n");
        for (var s = 0; s < samples.Count; s++)
        {
            string List(double[] v) => "[" + string.Join(",", v.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]";
            script.Append($"t = table({List(samples[s].A)}, {List(samples[s].B)})\n");
            script.Append($"for name, wt in (('none', None), ('linear', 'linear'), ('quadratic', 'quadratic')):\n")
                  .Append($"    r = cohens_kappa(t) if wt is None else cohens_kappa(t, wt=wt)\n")
                  .Append($"    print('{s},%s,%r,%r' % (name, float(r.kappa), float(r.std_kappa)))\n");
        }
        var (code, stdout, stderr) = Peers.Py(script.ToString());
        Assert.True(code == 0, stderr);
        var compared = 0;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(',');
            var (a, b) = samples[int.Parse(f[0], CultureInfo.InvariantCulture)];
            var weights = f[1] switch { "none" => KappaWeights.None, "linear" => KappaWeights.Linear, _ => KappaWeights.Quadratic };
            var k = CohenKappa.Compute(a, b, weights);
            var (value, se) = (double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(k.Value - value) <= 1e-12, $"{line}: kappa ours {k.Value:R}");
            Assert.True(Math.Abs(k.StandardError - se) <= 1e-12, $"{line}: se ours {k.StandardError:R}");
            compared++;
        }
        Assert.Equal(3 * Tables, compared);
    }
}
