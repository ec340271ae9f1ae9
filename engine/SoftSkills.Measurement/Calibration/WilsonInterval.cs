namespace SoftSkills.Measurement.Calibration;

/// <summary>A proportion with its Wilson score interval.</summary>
public sealed record Proportion(int Successes, int Trials, double Value, double Lower, double Upper);

/// <summary>The Wilson score interval for a binomial proportion.</summary>
public static class WilsonInterval
{
    /// <summary>
    /// (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n) (Wilson 1927, JASA 22(158); Agresti &amp; Coull 1998); z = 1.96 for 95%.
    /// With no trials the value is NaN and the interval [0, 1].
    /// </summary>
    public static Proportion Of(int successes, int trials, double z = 1.959963984540054)
    {
        if (successes < 0 || trials < 0 || successes > trials) throw new ArgumentException($"{successes} successes of {trials} trials");
        if (trials == 0) return new Proportion(0, 0, double.NaN, 0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
