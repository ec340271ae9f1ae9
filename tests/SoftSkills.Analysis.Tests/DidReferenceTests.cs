using System.Globalization;
using SoftSkills.Analysis.Pilot;

namespace SoftSkills.Analysis.Tests;

/// <summary>
/// Small-cluster inference against reference values from R (clubSandwich 0.5.8 for CR2 and Satterthwaite df,
/// sandwich for CR1) and an exact enumeration of the Webb wild cluster bootstrap, on three panels in Data/ (4 teams × 12
/// weeks; 2 + 2, 1 + 3, and 1 + 3 with weeks missing), both specifications. The panels and numbers come from
/// Data/did-reference.R.
/// </summary>
public class DidReferenceTests
{
    static List<DidObservation> Panel(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", name)).Skip(1).Select(l => l.Split(','))
            .Select(f => new DidObservation(f[0], f[2] == "1", f[3] == "1", double.Parse(f[4], CultureInfo.InvariantCulture), f[1].PadLeft(2, '0')))
            .ToList();

    public static TheoryData<string, DidSpecification, double, double, double, double, double, double, double, double> Cases => new()
    {
        // panel, specification, estimate, CR1 SE, CR2 SE, Satterthwaite df, p, CI low, CI high, Webb WCR p
        { "did-balanced-2t2c.csv", DidSpecification.Simple, -0.709825, 0.610886402650603, 0.723908202101239, 2, 0.430210883719974, -3.82455060185892, 2.40490060185892, 0.473765432098765 },
        { "did-balanced-2t2c.csv", DidSpecification.TwoWayFixedEffects, -0.709825, 0.716327802613556, 0.723908202101236, 2, 0.430210883719972, -3.82455060185892, 2.40490060185892, 0.473765432098765 },
        { "did-1t3c.csv", DidSpecification.Simple, -1.16438333333333, 0.261934950004852, 0.26881105215236, 2, 0.0493823627057952, -2.32098394066351, -0.00778272600315755, 0.243827160493827 },
        { "did-1t3c.csv", DidSpecification.TwoWayFixedEffects, -1.16438333333333, 0.307145954387831, 0.268811052152362, 2, 0.0493823627057958, -2.32098394066351, -0.00778272600315755, 0.243827160493827 },
        { "did-ragged-1t3c.csv", DidSpecification.Simple, -0.741243750000003, 0.0728392454620539, 0.093217225327544, 1.95963706259625, 0.0163815959468832, -1.15034662135343, -0.332140878646576, 0.0756172839506173 },
        { "did-ragged-1t3c.csv", DidSpecification.TwoWayFixedEffects, -0.969434005763693, 0.261487483806249, 0.223446096381227, 1.82854594437843, 0.0576429309762118, -2.02261589851, 0.0837478869826145, 0.222222222222222 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cr1_cr2_satterthwaite_and_the_webb_bootstrap_match_the_references(string panel, DidSpecification spec,
        double estimate, double cr1, double cr2, double df, double p, double low, double high, double wildP)
    {
        var obs = Panel(panel);
        var r1 = DifferenceInDifferences.Estimate(obs, new DidOptions(DidInference.Cr1, spec));
        Assert.Equal(estimate, r1.Estimate, 1e-12);
        Assert.Equal(cr1, r1.StandardError, 1e-12);
        var r2 = DifferenceInDifferences.Estimate(obs, new DidOptions(DidInference.Cr2, spec));
        Assert.Equal(cr2, r2.StandardError, 1e-12);
        Assert.Equal(df, r2.DegreesOfFreedom, 1e-10);
        Assert.Equal(p, r2.P, 1e-11);
        Assert.Equal(low, r2.Lower, 1e-10);
        Assert.Equal(high, r2.Upper, 1e-10);
        // All 6^4 = 1296 Webb weight vectors: the exact bootstrap p (symmetric, ties not counted).
        var w = DifferenceInDifferences.Estimate(obs, new DidOptions(DidInference.WildBootstrap, spec));
        Assert.Equal(1296, w.BootstrapDraws);
        Assert.Equal(wildP, w.P, 1e-12);
    }

    [Fact]
    public void The_bootstrap_interval_inverts_the_test()
    {
        // The 2 + 2 panel's 95% confidence set is one interval: [−4.12775210320, 2.70810210320].
        var w = DifferenceInDifferences.Estimate(Panel("did-balanced-2t2c.csv"), new DidOptions(DidInference.WildBootstrap));
        Assert.Equal(-4.12775210320, w.Lower, 1e-8);
        Assert.Equal(2.70810210320, w.Upper, 1e-8);
    }
}
