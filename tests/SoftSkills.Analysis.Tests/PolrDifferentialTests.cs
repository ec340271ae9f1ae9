using System.Globalization;
using System.Text;
using SoftSkills.Analysis.Bias;

namespace SoftSkills.Analysis.Tests;

/// <summary>
/// The proportional-odds fit against R's MASS::polr (a live peer: Debian's r-cran-mass) on 30 seeded random data sets:
/// 4 categories, 1 to 3 covariates, 60 to 400 responses. Skips without R and MASS, except under CI=true.
/// </summary>
public class PolrDifferentialTests
{
    const int Sets = 30;

    static (int[] Y, double[][] X) RandomSet(int seed)
    {
        var rng = new Random(seed);
        var n = 60 + rng.Next(341);
        var p = 1 + rng.Next(3);
        var beta = Enumerable.Range(0, p).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        double[] theta = [-1.2, 0.1, 1.3];
        var x = new double[n][];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Enumerable.Range(0, p).Select(c => c == 2 ? rng.Next(2) : Math.Round(rng.NextDouble() * 4 - 2, 4)).ToArray();
            var eta = x[i].Zip(beta, (a, b) => a * b).Sum();
            var u = rng.NextDouble();
            y[i] = theta.Count(t => u > 1 / (1 + Math.Exp(-(t - eta))));
        }
        return (y, x);
    }

    [SkippableFact]
    public void Log_likelihood_thresholds_and_slopes_agree_with_polr()
    {
        Peers.RequireR("MASS");
        var dir = Directory.CreateTempSubdirectory("softskills-polr-").FullName;
        try
        {
            var sets = Enumerable.Range(1, Sets).Select(RandomSet).ToList();
            for (var s = 0; s < sets.Count; s++)
            {
                var (y, x) = sets[s];
                var csv = new StringBuilder("y," + string.Join(",", Enumerable.Range(1, x[0].Length).Select(c => $"x{c}")) + "\n");
                for (var i = 0; i < y.Length; i++) csv.Append(y[i]).Append(',').Append(string.Join(",", x[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
                File.WriteAllText(Path.Combine(dir, $"s{s}.csv"), csv.ToString());
            }
            var script = $$"""
                suppressMessages(library(MASS))
                for (s in 0:{{Sets - 1}}) {
                  d <- read.csv(file.path("{{dir}}", paste0("s", s, ".csv")))
                  d$y <- factor(d$y, ordered = TRUE)
                  fit <- polr(y ~ ., data = d, method = "logistic", control = list(reltol = 1e-14, maxit = 5000))
                  cat(sprintf("%d,%.17g,%s,%s\n", s, as.numeric(logLik(fit)), paste(sprintf("%.17g", fit$zeta), collapse = ";"), paste(sprintf("%.17g", coef(fit)), collapse = ";")))
                }
                """;
            var (code, stdout, stderr) = Peers.R(script);
            Assert.True(code == 0, stderr);
            var compared = 0;
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split(',');
                var (y, x) = sets[int.Parse(f[0], CultureInfo.InvariantCulture)];
                var fit = OrdinalLogistic.Fit(y, x);
                double[] Parse(string s) => s.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                // polr maximises with BFGS (optim): its optimum is good to about 1e-7 in the parameters; Newton's is tighter,
                // so our log-likelihood is never below polr's and the parameters agree to polr's precision.
                var ll = double.Parse(f[1], CultureInfo.InvariantCulture);
                Assert.True(fit.LogLikelihood >= ll - 1e-9, $"{line}: our log-likelihood {fit.LogLikelihood:R} is below polr's");
                Assert.True(fit.LogLikelihood - ll <= 1e-6, $"{line}: log-likelihood {fit.LogLikelihood:R}");
                foreach (var (ours, theirs) in fit.Thresholds.Zip(Parse(f[2])).Concat(fit.Slopes.Zip(Parse(f[3]))))
                    Assert.True(Math.Abs(ours - theirs) <= 1e-4, $"{line}: ours {ours:R}");
                compared++;
            }
            Assert.Equal(Sets, compared);
        }
        finally { Directory.Delete(dir, true); }
    }
}
