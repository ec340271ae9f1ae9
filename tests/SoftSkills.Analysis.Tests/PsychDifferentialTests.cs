using System.Globalization;
using System.Text;
using MathNet.Numerics.Random;
using SoftSkills.Analysis.Reliability;

namespace SoftSkills.Analysis.Tests;

/// <summary>
/// ICC, Cronbach's alpha and Cohen's kappa against R's psych package (a live peer: Debian's r-base-core and r-cran-psych)
/// on 100 seeded random rating matrices with missing values, agreeing to 1e-9. Skips when R or psych is absent, except
/// under CI=true, where .ci/run installs them and the test must run.
/// </summary>
public class PsychDifferentialTests
{
    const int Matrices = 100;
    const double Tolerance = 1e-9;

    /// <summary>Targets with a true level, judges with a bias, noise, scores 0–4, about 5% missing.</summary>
    static double[,] RandomMatrix(int seed)
    {
        var rng = new MersenneTwister(seed, threadSafe: false);
        var n = 15 + rng.Next(46);
        var k = 3 + rng.Next(3);
        var bias = Enumerable.Range(0, k).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var x = new double[n, k];
        for (var i = 0; i < n; i++)
        {
            var level = rng.NextDouble() * 4;
            for (var j = 0; j < k; j++)
                x[i, j] = rng.NextDouble() < 0.05 ? double.NaN : Math.Clamp(Math.Round(level + bias[j] + (rng.NextDouble() - 0.5) * 2), 0, 4);
        }
        return x;
    }

    [SkippableFact]
    public void Icc_alpha_and_kappa_agree_with_psych_to_1e_9()
    {
        Peers.RequireR("psych");
        var dir = Directory.CreateTempSubdirectory("softskills-psych-").FullName;
        try
        {
            var matrices = Enumerable.Range(1, Matrices).Select(RandomMatrix).ToList();
            for (var m = 0; m < matrices.Count; m++)
            {
                var x = matrices[m];
                var sb = new StringBuilder(string.Join(",", Enumerable.Range(1, x.GetLength(1)).Select(j => $"R{j}")) + "\n");
                for (var i = 0; i < x.GetLength(0); i++)
                    sb.Append(string.Join(",", Enumerable.Range(0, x.GetLength(1)).Select(j => double.IsNaN(x[i, j]) ? "NA" : x[i, j].ToString(CultureInfo.InvariantCulture)))).Append('\n');
                File.WriteAllText(Path.Combine(dir, $"m{m}.csv"), sb.ToString());
            }
            var script = $$"""
                suppressMessages(library(psych))
                options(digits = 17)
                out <- c()
                emit <- function(m, name, v) out <<- c(out, sprintf("%d,%s,%.17g", m, name, v))
                for (m in 0:{{Matrices - 1}}) {
                  x <- read.csv(file.path("{{dir}}", paste0("m", m, ".csv")))
                  xc <- na.omit(x)
                  r <- suppressWarnings(suppressMessages(ICC(xc, lmer = FALSE)))$results
                  for (i in 1:6) {
                    f <- r$type[i]
                    emit(m, paste0(f, ".value"), r$ICC[i]); emit(m, paste0(f, ".F"), r$F[i]); emit(m, paste0(f, ".p"), r$p[i])
                    emit(m, paste0(f, ".lower"), r[i, "lower bound"]); emit(m, paste0(f, ".upper"), r[i, "upper bound"])
                  }
                  a <- suppressWarnings(suppressMessages(alpha(xc, warnings = FALSE)))
                  emit(m, "alpha.value", a$total$raw_alpha); emit(m, "alpha.lower", a$feldt$lower.ci); emit(m, "alpha.upper", a$feldt$upper.ci)
                  x2 <- na.omit(x[, 1:2])
                  L <- length(unique(c(x2[, 1], x2[, 2])))
                  ck <- suppressWarnings(suppressMessages(cohen.kappa(x2)))
                  emit(m, "kappa.value", ck$kappa); emit(m, "kappa.var", ck$var.kappa)
                  emit(m, "quadratic.value", ck$weighted.kappa); emit(m, "quadratic.var", ck$var.weighted)
                  w <- 1 - abs(outer(1:L, 1:L, "-")) / (L - 1)
                  cl <- suppressWarnings(suppressMessages(cohen.kappa(x2, w = w)))
                  emit(m, "linear.value", cl$weighted.kappa); emit(m, "linear.var", cl$var.weighted)
                }
                writeLines(out)
                """;
            var (code, stdout, stderr) = Peers.R(script);
            Assert.True(code == 0, stderr);
            var expected = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(','))
                .ToDictionary(p => (int.Parse(p[0], CultureInfo.InvariantCulture), p[1]), p => double.Parse(p[2], CultureInfo.InvariantCulture));
            var compared = 0;
            var worst = 0.0;
            for (var m = 0; m < matrices.Count; m++)
            {
                var x = matrices[m];
                void Check(string name, double actual)
                {
                    var e = expected[(m, name)];
                    var diff = Math.Abs(actual - e);
                    worst = Math.Max(worst, diff);
                    Assert.True(diff <= Tolerance, $"matrix {m} {name}: ours {actual:R}, psych {e:R}");
                    compared++;
                }
                var icc = IntraclassCorrelation.Compute(x);
                foreach (var f in icc.Forms)
                {
                    Check($"{f.Name}.value", f.Value); Check($"{f.Name}.F", f.F); Check($"{f.Name}.p", f.P);
                    Check($"{f.Name}.lower", f.Lower); Check($"{f.Name}.upper", f.Upper);
                }
                var a = CronbachAlpha.Compute(x);
                Check("alpha.value", a.Value); Check("alpha.lower", a.Lower); Check("alpha.upper", a.Upper);
                var r1 = Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, 0]).ToArray();
                var r2 = Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, 1]).ToArray();
                var k = CohenKappa.Compute(r1, r2);
                Check("kappa.value", k.Value); Check("kappa.var", k.StandardError * k.StandardError);
                // psych's weighted variance uses the wrong margins (see CohenKappa): weighted values only; statsmodels checks the SEs.
                var q = CohenKappa.Compute(r1, r2, KappaWeights.Quadratic);
                Check("quadratic.value", q.Value);
                var l = CohenKappa.Compute(r1, r2, KappaWeights.Linear);
                Check("linear.value", l.Value);
            }
            Assert.Equal(Matrices * 37, compared); // 6 ICC forms × 5 figures, 3 for alpha, 4 for the three kappas
            Assert.True(worst <= Tolerance);
        }
        finally { Directory.Delete(dir, true); }
    }
}
