using SoftSkills.Analysis.Reliability;

namespace SoftSkills.Analysis.Tests;

/// <summary>Each statistic against a published worked example, to the printed precision.</summary>
public class ReliabilityExampleTests
{
    const double NA = double.NaN;

    /// <summary>Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values.</summary>
    static readonly double[,] Krippendorff = Transpose(new double[,]
    {
        { 1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA },
        { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3 },
        { NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA },
        { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA },
    });

    static double[,] Transpose(double[,] x)
    {
        var t = new double[x.GetLength(1), x.GetLength(0)];
        for (var i = 0; i < x.GetLength(0); i++) for (var j = 0; j < x.GetLength(1); j++) t[j, i] = x[i, j];
        return t;
    }

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.743)]
    [InlineData(MeasurementLevel.Ordinal, 0.815)]
    [InlineData(MeasurementLevel.Interval, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 0.797)]
    public void Krippendorffs_own_example_at_all_four_levels(MeasurementLevel level, double published)
    {
        var r = KrippendorffAlpha.Compute(Krippendorff, level);
        Assert.Equal(published, Math.Round(r.Value, 3));
        Assert.Equal(11, r.Units); // unit 12 has a single value and is not pairable
        Assert.Equal(40, r.PairableValues);
        Assert.Equal(1 - r.ObservedDisagreement / r.ExpectedDisagreement, r.Value, 12);
    }

    [Fact]
    public void Krippendorff_bootstrap_is_seeded_and_brackets_the_estimate()
    {
        var a = KrippendorffAlpha.Bootstrap(Krippendorff, MeasurementLevel.Interval, 1000, 11);
        var b = KrippendorffAlpha.Bootstrap(Krippendorff, MeasurementLevel.Interval, 1000, 11);
        Assert.Equal((a.Lower, a.Upper), (b.Lower, b.Upper));
        Assert.True(a.Lower <= a.Value && a.Value <= a.Upper);
    }

    /// <summary>Shrout &amp; Fleiss (1979), Table 2: 6 targets rated by 4 judges; Table 4 gives the six ICCs.</summary>
    static readonly double[,] ShroutFleiss =
    {
        { 9, 2, 5, 8 }, { 6, 1, 3, 2 }, { 8, 4, 6, 8 }, { 7, 1, 2, 6 }, { 10, 5, 6, 9 }, { 6, 2, 4, 7 },
    };

    [Theory]
    [InlineData("ICC1", 0.17)]
    [InlineData("ICC2", 0.29)]
    [InlineData("ICC3", 0.71)]
    [InlineData("ICC1k", 0.44)]
    [InlineData("ICC2k", 0.62)]
    [InlineData("ICC3k", 0.91)]
    public void Shrout_and_Fleiss_six_by_four_example(string form, double published)
    {
        var r = IntraclassCorrelation.Compute(ShroutFleiss);
        Assert.Equal(published, Math.Round(r[form].Value, 2));
        // Their Table 3 mean squares: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02: F for ICC(1) = 1.79 and for ICC(2), ICC(3) = 11.03.
        Assert.Equal(form.StartsWith("ICC1", StringComparison.Ordinal) ? 1.79 : 11.03, Math.Round(r[form].F, 2));
        Assert.Equal(5, r[form].Df1);
        Assert.True(r[form].Lower < r[form].Value && r[form].Value < r[form].Upper);
    }

    /// <summary>Fleiss' kappa on the worked example of 10 subjects, 14 raters and 5 categories (P̄ = 0.378, P̄e = 0.213, κ = 0.210).</summary>
    [Fact]
    public void Fleiss_kappa_worked_example()
    {
        int[,] counts = { { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
                          { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 } };
        var ratings = new double[10, 14];
        for (var i = 0; i < 10; i++)
        {
            var j = 0;
            for (var c = 0; c < 5; c++) for (var r = 0; r < counts[i, c]; r++) ratings[i, j++] = c + 1;
        }
        var k = Agreement.Fleiss(ratings);
        Assert.Equal(0.378, Math.Round(k.ObservedAgreement, 3));
        Assert.Equal(0.213, Math.Round(k.ChanceAgreement, 3));
        Assert.Equal(0.210, Math.Round(k.Value, 3));
    }

    /// <summary>
    /// Fleiss (1971), Psychological Bulletin 76(5), Table 1: 30 patients, each diagnosed by 6 of the psychiatrists into
    /// 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other (the same data as R irr's `diagnoses`).
    /// </summary>
    static readonly int[,] Fleiss1971 =
    {
        { 4, 4, 4, 4, 4, 4 }, { 2, 2, 2, 5, 5, 5 }, { 2, 3, 3, 3, 3, 5 }, { 5, 5, 5, 5, 5, 5 }, { 2, 2, 2, 4, 4, 4 },
        { 1, 1, 3, 3, 3, 3 }, { 3, 3, 3, 3, 5, 5 }, { 1, 1, 3, 3, 3, 4 }, { 1, 1, 4, 4, 4, 4 }, { 5, 5, 5, 5, 5, 5 },
        { 1, 4, 4, 4, 4, 4 }, { 1, 2, 4, 4, 4, 4 }, { 2, 2, 2, 3, 3, 3 }, { 1, 4, 4, 4, 4, 4 }, { 2, 2, 4, 4, 4, 5 },
        { 3, 3, 3, 3, 3, 5 }, { 1, 1, 1, 4, 5, 5 }, { 1, 1, 1, 1, 1, 2 }, { 2, 2, 4, 4, 4, 4 }, { 1, 3, 3, 5, 5, 5 },
        { 5, 5, 5, 5, 5, 5 }, { 2, 4, 4, 4, 4, 4 }, { 2, 2, 4, 5, 5, 5 }, { 1, 1, 4, 4, 4, 4 }, { 1, 4, 4, 4, 4, 5 },
        { 2, 2, 2, 2, 2, 4 }, { 1, 1, 1, 1, 5, 5 }, { 2, 2, 4, 4, 4, 4 }, { 1, 3, 3, 3, 3, 3 }, { 5, 5, 5, 5, 5, 5 },
    };

    /// <summary>Fleiss (1971): κ = .430 overall and per category .245, .245, .520, .471, .566; irr's kappam.fleiss gives z = 17.65.</summary>
    [Fact]
    public void Fleiss_1971_psychiatric_diagnoses()
    {
        var ratings = new double[30, 6];
        for (var i = 0; i < 30; i++) for (var j = 0; j < 6; j++) ratings[i, j] = Fleiss1971[i, j];
        var k = Agreement.Fleiss(ratings);
        Assert.Equal(0.430, Math.Round(k.Value, 3));
        Assert.Equal(0.4302445, Math.Round(k.Value, 7));
        Assert.Equal([0.245, 0.245, 0.520, 0.471, 0.566], k.CategoryKappas.Select(x => Math.Round(x, 3)).ToArray());
        Assert.Equal(17.65, Math.Round(k.Z, 2));
        Assert.Equal((30, 6, 5), (k.Subjects, k.RatersPerSubject, k.Categories));
    }

    /// <summary>Cohen's kappa, the classic 2 × 2 example: 20 both yes, 5 and 10 split, 15 both no: p_o = 0.7, p_e = 0.5, κ = 0.4.</summary>
    [Fact]
    public void Cohen_kappa_two_by_two()
    {
        var a = new List<double>();
        var b = new List<double>();
        void Add(int n, double x, double y) { for (var i = 0; i < n; i++) { a.Add(x); b.Add(y); } }
        Add(20, 1, 1); Add(5, 1, 0); Add(10, 0, 1); Add(15, 0, 0);
        var k = CohenKappa.Compute(a, b);
        Assert.Equal(0.4, k.Value, 12);
        // With two categories every weighting is the same agreement.
        Assert.Equal(0.4, CohenKappa.Compute(a, b, KappaWeights.Linear).Value, 12);
        Assert.Equal(0.4, CohenKappa.Compute(a, b, KappaWeights.Quadratic).Value, 12);
    }

    /// <summary>Weighted kappa on a 3 × 3 table computed by hand (proportions /10).</summary>
    [Fact]
    public void Weighted_kappa_by_hand()
    {
        // Table (rows rater 1, columns rater 2): [3 1 0; 1 2 1; 0 0 2]. Row marginals .4 .4 .2, column marginals .4 .3 .3.
        // Linear weights 1, .5, 0: p_o(w) = (3 + 2 + 2)/10 + .5·(1 + 1 + 1)/10 = .85;
        //   p_e(w) = Σ w_ij r_i c_j = .4·(.4 + .15) + .4·(.2 + .3 + .15) + .2·(.15 + .3) = .57; κ_w = (.85 − .57)/(1 − .57) = .6512.
        // Quadratic weights 1, .75, 0: p_o(w) = .7 + .75·.3 = .925;
        //   p_e(w) = .4·(.4 + .225) + .4·(.3 + .3 + .225) + .2·(.225 + .3) = .685; κ_w = (.925 − .685)/(1 − .685) = .7619.
        var cells = new[] { (0, 0, 3), (0, 1, 1), (1, 0, 1), (1, 1, 2), (1, 2, 1), (2, 2, 2) };
        var a = new List<double>();
        var b = new List<double>();
        foreach (var (i, j, n) in cells) for (var r = 0; r < n; r++) { a.Add(i); b.Add(j); }
        Assert.Equal((0.85 - 0.57) / (1 - 0.57), CohenKappa.Compute(a, b, KappaWeights.Linear).Value, 12);
        Assert.Equal((0.925 - 0.685) / (1 - 0.685), CohenKappa.Compute(a, b, KappaWeights.Quadratic).Value, 12);
        Assert.Equal((0.7 - 0.34) / (1 - 0.34), CohenKappa.Compute(a, b).Value, 12);
    }

    /// <summary>Cronbach's alpha by hand: 4 respondents × 3 items.</summary>
    [Fact]
    public void Cronbach_alpha_by_hand()
    {
        // Items (2,3,3,4), (3,3,4,5), (1,2,2,3): variances 2/3, 11/12, 2/3 (sum 2.25); totals 6, 8, 9, 12 with variance 6.25.
        // alpha = 3/2 · (1 − 2.25/6.25) = 0.96.
        double[,] x = { { 2, 3, 1 }, { 3, 3, 2 }, { 3, 4, 2 }, { 4, 5, 3 } };
        var r = CronbachAlpha.Compute(x);
        Assert.Equal(1.5 * (1 - 2.25 / 6.25), r.Value, 12);
        Assert.Equal(4, r.Respondents);
        var withMissing = CronbachAlpha.Compute(new double[,] { { 2, 3, 1 }, { 3, 3, 2 }, { 3, 4, 2 }, { 4, 5, 3 }, { 1, NA, 5 } });
        Assert.Equal(r.Value, withMissing.Value, 12);
        Assert.Equal(1, withMissing.RespondentsDropped);
    }

    [Fact]
    public void Percent_agreement_pools_rater_pairs()
    {
        // Item 1: 1,1,2 → 1 of 3 pairs agree; item 2: 3,3 → 1 of 1; item 3 has one rating and is left out.
        var r = Agreement.Percent(new double[,] { { 1, 1, 2 }, { 3, 3, NA }, { 2, NA, NA } });
        Assert.Equal(0.5, r.Value, 12);
        Assert.Equal(2, r.Items);
        Assert.Equal(4, r.Pairs);
    }

    /// <summary>When every rating is the same each coefficient is 0/0: NaN with the reason, never a number or an exception.</summary>
    [Fact]
    public void Constant_ratings_leave_every_coefficient_undefined_with_a_reason()
    {
        double[,] same = { { 2, 2 }, { 2, 2 }, { 2, 2 }, { 2, 2 }, { 2, 2 }, { 2, 2 } };
        var cohen = CohenKappa.Compute([2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2]);
        Assert.True(double.IsNaN(cohen.Value));
        Assert.Contains("chance agreement is 1", cohen.Undefined);
        Assert.True(double.IsNaN(CohenKappa.Compute([1, 1, 1], [1, 1, 1], KappaWeights.Quadratic).Value));
        var fleiss = Agreement.Fleiss(same);
        Assert.True(double.IsNaN(fleiss.Value));
        Assert.NotNull(fleiss.Undefined);
        var icc = IntraclassCorrelation.Compute(same);
        Assert.All(icc.Forms, f => Assert.True(double.IsNaN(f.Value)));
        Assert.NotNull(icc.Undefined);
        var alpha = CronbachAlpha.Compute(same);
        Assert.True(double.IsNaN(alpha.Value));
        Assert.NotNull(alpha.Undefined);
        var kripp = KrippendorffAlpha.Compute(same, MeasurementLevel.Interval);
        Assert.True(double.IsNaN(kripp.Value));
        Assert.Contains("expected disagreement is 0", kripp.Undefined);
        Assert.Equal(1, Agreement.Percent(same).Value);
    }

    /// <summary>Perfect agreement on targets that differ: ICC 1 with an interval that never throws.</summary>
    [Fact]
    public void Perfect_agreement_gives_an_icc_of_one()
    {
        var icc = IntraclassCorrelation.Compute(new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 0, 0 } });
        Assert.Equal(1, icc["ICC2"].Value, 12);
        Assert.Equal(1, icc["ICC1"].Value, 12);
        Assert.Null(icc.Undefined);
        Assert.Equal(0, icc["ICC1"].P);
    }
}
