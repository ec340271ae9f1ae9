using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Reliability;

/// <summary>
/// Cronbach's alpha with Feldt's confidence interval, and the sizes it rests on; NaN with <see cref="Undefined"/> saying
/// why when the total score does not vary.
/// </summary>
public sealed record AlphaResult(double Value, double Lower, double Upper, int Respondents, int Items, int RespondentsDropped, string? Undefined = null);

/// <summary>
/// Cronbach's alpha = k/(k − 1) · (1 − Σ item variances / variance of the total) (Cronbach 1951, Psychometrika 16), with
/// Feldt's interval 1 − (1 − α)·F(1 ∓ γ/2; n − 1, (n − 1)(k − 1)) (Feldt, Woodruff &amp; Salih 1987), as psych::alpha reports.
/// Respondents with a missing answer are dropped (listwise deletion).
/// </summary>
public static class CronbachAlpha
{
    public static AlphaResult Compute(double[,] answers, double level = 0.95)
    {
        var gamma = 1 - level;
        var rows = IntraclassCorrelation.Complete(answers);
        var n = rows.Count;
        var k = answers.GetLength(1);
        if (n < 2 || k < 2) throw new ArgumentException("alpha needs at least two complete respondents and two items");
        var means = Enumerable.Range(0, k).Select(j => rows.Average(r => r[j])).ToArray();
        double sumItemVar = 0, totalVar = 0;
        for (var j = 0; j < k; j++) sumItemVar += rows.Sum(r => (r[j] - means[j]) * (r[j] - means[j])) / (n - 1);
        var totals = rows.Select(r => r.Sum()).ToArray();
        var totalMean = totals.Average();
        totalVar = totals.Sum(t => (t - totalMean) * (t - totalMean)) / (n - 1);
        if (totalVar == 0)
            return new AlphaResult(double.NaN, double.NaN, double.NaN, n, k, answers.GetLength(0) - n,
                "the total score is the same for every respondent: alpha is undefined");
        var alpha = k / (k - 1.0) * (1 - sumItemVar / totalVar);
        double d1 = n - 1, d2 = (n - 1.0) * (k - 1);
        var lower = 1 - (1 - alpha) * FisherSnedecor.InvCDF(d1, d2, 1 - gamma / 2);
        var upper = 1 - (1 - alpha) * FisherSnedecor.InvCDF(d1, d2, gamma / 2);
        return new AlphaResult(alpha, lower, upper, n, k, answers.GetLength(0) - n);
    }
}
