using System.Globalization;
using System.Text;
using SoftSkills.Analysis.Pilot;

namespace SoftSkills.Analysis.Tests;

/// <summary>
/// CR2 standard errors, Satterthwaite degrees of freedom, p-values and intervals against R's clubSandwich (a live peer:
/// Debian's r-cran-clubsandwich) on 40 seeded random panels the other tests do not hold: 3 to 8 teams, 1 to G−1 treated,
/// 6 to 20 weeks, team-weeks missing at random, both specifications. Skips without R and clubSandwich, except under CI=true.
/// </summary>
public class ClubSandwichDifferentialTests
{
    const int Panels = 40;

    static List<DidObservation> RandomPanel(int seed)
    {
        var rng = new Random(seed);
        var teams = 3 + rng.Next(6);
        var treated = 1 + rng.Next(teams - 1);
        var weeks = 6 + rng.Next(15);
        var start = 2 + rng.Next(weeks - 3);
        var obs = new List<DidObservation>();
        for (var t = 0; t < teams; t++)
        {
            var level = rng.NextDouble() * 20;
            var noise = 0.5 + rng.NextDouble() * 3;
            for (var w = 0; w < weeks; w++)
            {
                if (rng.NextDouble() < 0.1 && w != 0 && w != start) continue; // missing team-weeks, never a whole cell
                var post = w >= start;
                var value = level + 0.3 * w + (t < treated && post ? 2 : 0) + noise * (rng.NextDouble() - 0.5) * 3.4;
                obs.Add(new DidObservation($"T{t}", t < treated, post, Math.Round(value, 6), $"{w:D2}"));
            }
        }
        return obs;
    }

    [SkippableFact]
    public void Cr2_and_satterthwaite_agree_with_clubsandwich_to_1e_9()
    {
        Peers.RequireR("clubSandwich");
        var dir = Directory.CreateTempSubdirectory("softskills-clubsandwich-").FullName;
        try
        {
            var panels = Enumerable.Range(1, Panels).Select(RandomPanel).ToList();
            for (var i = 0; i < panels.Count; i++)
                File.WriteAllText(Path.Combine(dir, $"p{i}.csv"), "team,week,treated,post,y\n" + string.Concat(panels[i].Select(o =>
                    $"{o.Cluster},{o.Period},{(o.Treated ? 1 : 0)},{(o.Post ? 1 : 0)},{o.Value.ToString("R", CultureInfo.InvariantCulture)}\n")));
            var script = $$"""
                suppressMessages(library(clubSandwich))
                out <- c()
                for (i in 0:{{Panels - 1}}) {
                  d <- read.csv(file.path("{{dir}}", paste0("p", i, ".csv")), colClasses = c("character", "character", "numeric", "numeric", "numeric"))
                  fits <- list(simple = lm(y ~ treated * post, data = d), twfe = lm(y ~ treated:post + factor(team) + factor(week), data = d))
                  for (spec in names(fits)) {
                    fit <- fits[[spec]]
                    k <- which(names(coef(fit)) == "treated:post")
                    ct <- coef_test(fit, vcov = "CR2", cluster = d$team, test = "Satterthwaite", coefs = k)
                    ci <- conf_int(fit, vcov = "CR2", cluster = d$team, test = "Satterthwaite", coefs = k, level = 0.95)
                    out <- c(out, sprintf("%d,%s,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g", i, spec, ct$beta, ct$SE, ct$df_Satt, ct$p_Satt, ci$CI_L, ci$CI_U))
                  }
                }
                writeLines(out)
                """;
            var (code, stdout, stderr) = Peers.R(script);
            Assert.True(code == 0, stderr);
            var compared = 0;
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split(',');
                var i = int.Parse(f[0], CultureInfo.InvariantCulture);
                var spec = f[1] == "simple" ? DidSpecification.Simple : DidSpecification.TwoWayFixedEffects;
                double V(int k) => double.Parse(f[k], CultureInfo.InvariantCulture);
                var r = DifferenceInDifferences.Estimate(panels[i], new DidOptions(DidInference.Cr2, spec));
                void Check(string name, double ours, double theirs, double tolerance) =>
                    Assert.True(Math.Abs(ours - theirs) <= tolerance * Math.Max(1, Math.Abs(theirs)), $"panel {i} {f[1]} {name}: ours {ours:R}, clubSandwich {theirs:R}");
                Check("estimate", r.Estimate, V(2), 1e-9);
                Check("se", r.StandardError, V(3), 1e-9);
                Check("df", r.DegreesOfFreedom, V(4), 1e-9);
                Check("p", r.P, V(5), 1e-9);
                // R's qt is exact; ours refines MathNet's quantile by Newton steps.
                Check("ci low", r.Lower, V(6), 1e-9);
                Check("ci high", r.Upper, V(7), 1e-9);
                compared++;
            }
            Assert.Equal(2 * Panels, compared);
        }
        finally { Directory.Delete(dir, true); }
    }
}
