namespace SoftSkills.Analysis.Reliability;

/// <summary>Words for agreement coefficients, with the scale they come from.</summary>
public static class AgreementScale
{
    /// <summary>
    /// Landis &amp; Koch (1977, Biometrics 33(1)) for kappa-type coefficients: below 0 poor, up to .20 slight, .40 fair,
    /// .60 moderate, .80 substantial, above almost perfect. Their bands are a convention, not a test, and depend on
    /// prevalence and the number of categories.
    /// </summary>
    public static string LandisKoch(double kappa) => kappa switch
    {
        < 0 => "poor",
        <= 0.20 => "slight",
        <= 0.40 => "fair",
        <= 0.60 => "moderate",
        <= 0.80 => "substantial",
        _ => "almost perfect",
    };

    /// <summary>
    /// Krippendorff's (2004, Content Analysis, 2nd ed., p. 241) bars for alpha: at least .800 to rely on data, .667 to draw
    /// tentative conclusions, below that not to rely on them.
    /// </summary>
    public static string Krippendorff(double alpha) => alpha >= 0.8 ? "reliable" : alpha >= 0.667 ? "tentative" : "not reliable";
}
