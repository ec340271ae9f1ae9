namespace SoftSkills.Analysis.Validity;

/// <summary>One measure of the matrix: a trait (KPI) measured by a method (auto-coder, human raters, manager, behaviour).</summary>
public readonly record struct TraitMethod(string Trait, string Method);

/// <summary>The multitrait–multimethod matrix and the means Campbell and Fiske compare.</summary>
public sealed record MtmmResult(
    IReadOnlyList<TraitMethod> Measures, double[,] Correlations,
    double? MonotraitHeteromethod, double? HeterotraitMonomethod, double? HeterotraitHeteromethod)
{
    /// <summary>Convergent validity exceeds the heterotrait–heteromethod correlations (Campbell &amp; Fiske's first criterion).</summary>
    public bool? Convergent => MonotraitHeteromethod is { } c && HeterotraitHeteromethod is { } h ? c > h : null;

    /// <summary>Methods do not dominate: same-trait correlations across methods exceed different traits within a method.</summary>
    public bool? Discriminant => MonotraitHeteromethod is { } c && HeterotraitMonomethod is { } m ? c > m : null;
}

/// <summary>
/// The multitrait–multimethod matrix (Campbell &amp; Fiske 1959, Psychological Bulletin 56(2)): Pearson correlations between
/// every trait–method measure over the same subjects (pairwise complete), summarised by the mean of its three blocks.
/// </summary>
public static class Mtmm
{
    public static MtmmResult Compute(IReadOnlyDictionary<TraitMethod, double[]> measures)
    {
        var keys = measures.Keys.OrderBy(k => k.Method, StringComparer.Ordinal).ThenBy(k => k.Trait, StringComparer.Ordinal).ToList();
        var n = keys.Count;
        var r = new double[n, n];
        var mono = new List<double>();
        var heteroMono = new List<double>();
        var heteroHetero = new List<double>();
        for (var i = 0; i < n; i++)
        {
            r[i, i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                var c = Correlations.Pearson(measures[keys[i]], measures[keys[j]]).Value;
                r[i, j] = r[j, i] = c;
                var sameTrait = keys[i].Trait == keys[j].Trait;
                var sameMethod = keys[i].Method == keys[j].Method;
                if (sameTrait && !sameMethod) mono.Add(c);
                else if (!sameTrait && sameMethod) heteroMono.Add(c);
                else if (!sameTrait) heteroHetero.Add(c);
            }
        }
        static double? Mean(List<double> v) => v.Count == 0 ? null : v.Average();
        return new MtmmResult(keys, r, Mean(mono), Mean(heteroMono), Mean(heteroHetero));
    }
}
