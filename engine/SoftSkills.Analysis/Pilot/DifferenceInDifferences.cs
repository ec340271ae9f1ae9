using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SoftSkills.Analysis.Pilot;

/// <summary>One observation of a panel: a cluster (team) in a period, whether it is treated, and whether it is after the start.</summary>
public readonly record struct DidObservation(string Cluster, bool Treated, bool Post, double Value, string Period = "");

/// <summary>How the interval of a difference-in-differences is formed.</summary>
public enum DidInference
{
    /// <summary>CR2 (bias-reduced) cluster-robust variance with Bell–McCaffrey/Satterthwaite degrees of freedom: the default.</summary>
    Cr2,
    /// <summary>CR1 cluster-robust variance with t on G − 1 degrees of freedom (too narrow with few clusters; kept by name).</summary>
    Cr1,
    /// <summary>Restricted wild cluster bootstrap with Webb six-point weights, p-value and interval by test inversion.</summary>
    WildBootstrap,
}

/// <summary>The regression of a difference-in-differences.</summary>
public enum DidSpecification
{
    /// <summary>y = a + b·treated + c·post + δ·treated·post.</summary>
    Simple,
    /// <summary>y = team effects + period effects + δ·treated·post (two-way fixed effects).</summary>
    TwoWayFixedEffects,
}

/// <summary>Options of <see cref="DifferenceInDifferences.Estimate"/>. <paramref name="Level"/> is the interval's coverage (0.95).</summary>
public sealed record DidOptions(
    DidInference Inference = DidInference.Cr2,
    DidSpecification Specification = DidSpecification.Simple,
    double Level = 0.95,
    int BootstrapDraws = 9999,
    int Seed = 1)
{
    public static DidOptions Default { get; } = new();

    /// <summary>The method's name as outputs print it.</summary>
    public string Method => (Inference switch
    {
        DidInference.Cr2 => "CR2 with Bell-McCaffrey/Satterthwaite df",
        DidInference.Cr1 => "CR1 with t on G-1 df",
        _ => "wild cluster bootstrap (restricted, Webb weights)",
    }) + (Specification == DidSpecification.TwoWayFixedEffects ? ", two-way fixed effects" : "");

    /// <summary>The short name used on the command line: cr2, cr1 or wild.</summary>
    public string InferenceName => Inference switch { DidInference.Cr2 => "cr2", DidInference.Cr1 => "cr1", _ => "wild" };
}

/// <summary>A difference-in-differences estimate with its standard error, interval and test of δ = 0.</summary>
public sealed record DidResult(
    double Estimate, double StandardError, double Lower, double Upper, double T, double DegreesOfFreedom, double P,
    int Clusters, int Observations, double TreatedBefore, double TreatedAfter, double ControlBefore, double ControlAfter,
    string Method, double Level, int? BootstrapDraws = null)
{
    public double[] Interval => [Lower, Upper];
}

/// <summary>Difference-in-differences by OLS with team-clustered inference for few clusters.</summary>
public static class DifferenceInDifferences
{
    /// <summary>
    /// Fits the specification by OLS; δ (treated × post) is the effect. Inference:
    /// CR1 = G/(G−1)·(N−1)/(N−K)·(X'X)⁻¹ Σ_g X_g'u_g u_g'X_g (X'X)⁻¹ with t on G−1 df (Cameron &amp; Miller 2015, J. Human Resources 50(2));
    /// CR2 = (X'X)⁻¹ Σ_g X_g'A_g u_g u_g'A_g X_g (X'X)⁻¹, A_g = (I − H_gg)^(−1/2) (pseudo-inverse), with Satterthwaite
    /// df = (Σ_g q_g'q_g)² / Σ_g Σ_h (q_g'q_h)², q_g = (I − H)_{·g} A_g X_g (X'X)⁻¹c (Bell &amp; McCaffrey 2002; Pustejovsky &amp;
    /// Tipton 2018, JBES 36(4); as R clubSandwich's coef_test(vcov = "CR2", test = "Satterthwaite"));
    /// wild: the restricted wild cluster bootstrap-t with Webb's six-point weights, all 6^G weight vectors when that is at most
    /// <see cref="DidOptions.BootstrapDraws"/>, else that many seeded draws; symmetric p = #{|t*| &gt; |t|}/B and the interval
    /// by inverting the test (Roodman, MacKinnon, Nielsen &amp; Webb 2019, Stata Journal 19(1); Webb 2014).
    /// </summary>
    public static DidResult Estimate(IReadOnlyList<DidObservation> observations, DidOptions? options = null)
    {
        options ??= DidOptions.Default;
        if (options.Level is <= 0 or >= 1 || !double.IsFinite(options.Level)) throw new ArgumentException($"the interval level must be in (0, 1), not {options.Level}");
        var cells = new (bool Treated, bool Post)[] { (true, false), (true, true), (false, false), (false, true) };
        foreach (var (treated, post) in cells)
            if (!observations.Any(o => o.Treated == treated && o.Post == post))
                throw new ArgumentException($"no observation of the {(treated ? "treated" : "control")} arm {(post ? "after" : "before")} the start");
        var clusters = observations.Select(o => o.Cluster).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (clusters.Length < 2) throw new ArgumentException("clustered standard errors need at least two clusters");
        if (observations.Any(o => !double.IsFinite(o.Value))) throw new ArgumentException("a KPI value is not a finite number");

        var design = Design.Of(observations, clusters, options.Specification);
        var fit = design.Fit(observations.Select(o => o.Value).ToArray());
        double Mean(bool tr, bool po) => observations.Where(o => o.Treated == tr && o.Post == po).Average(o => o.Value);
        var level = options.Level;
        double critical, se, df, p, lower, upper;
        int? draws = null;
        switch (options.Inference)
        {
            case DidInference.Cr1:
                se = design.Cr1StandardError(fit.Residuals);
                df = clusters.Length - 1;
                (p, critical) = (TwoSidedP(fit.Effect / se, df), TQuantile(df, level));
                (lower, upper) = (fit.Effect - critical * se, fit.Effect + critical * se);
                break;
            case DidInference.Cr2:
                (se, df) = design.Cr2(fit.Residuals);
                (p, critical) = (TwoSidedP(fit.Effect / se, df), TQuantile(df, level));
                (lower, upper) = (fit.Effect - critical * se, fit.Effect + critical * se);
                break;
            default:
                se = design.Cr1StandardError(fit.Residuals);
                df = clusters.Length - 1;
                var boot = new WildBootstrap(design, observations.Select(o => o.Value).ToArray(), options);
                draws = boot.Draws;
                p = boot.P(0);
                (lower, upper) = boot.Interval(fit.Effect, se, 1 - level);
                break;
        }
        return new DidResult(fit.Effect, se, lower, upper, fit.Effect / se, df, p, clusters.Length, observations.Count,
            Mean(true, false), Mean(true, true), Mean(false, false), Mean(false, true), options.Method, level, draws);
    }

    /// <summary>2·P(T_df ≤ −|t|); NaN when t is not defined (no variation).</summary>
    static double TwoSidedP(double t, double df) => double.IsFinite(t) && df > 0 ? Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t))) : double.NaN;

    /// <summary>The t quantile at (1 + level)/2, refined by Newton steps beyond MathNet's 1e-8 root-finder; ∞ for df so small the quantile is out of reach.</summary>
    static double TQuantile(double df, double level)
    {
        if (!(df > 0)) return double.NaN;
        var target = 1 - (1 - level) / 2;
        double q;
        try { q = StudentT.InvCDF(0, 1, df, target); }
        catch (Exception ex) when (ex is ArgumentException or MathNet.Numerics.NonConvergenceException) { return double.PositiveInfinity; }
        for (var i = 0; i < 3; i++)
        {
            var density = StudentT.PDF(0, 1, df, q);
            if (!(density > 0)) break;
            q -= (StudentT.CDF(0, 1, df, q) - target) / density;
        }
        return q;
    }

    /// <summary>The regressors, clusters and the hat-matrix pieces shared by every inference method.</summary>
    sealed class Design
    {
        public required Matrix<double> X { get; init; }
        public required Matrix<double> XtxInverse { get; init; }
        public required int[][] ClusterRows { get; init; }
        public required int Effect { get; init; } // column of treated × post
        public int N => X.RowCount;
        public int K => X.ColumnCount;
        public int G => ClusterRows.Length;

        public static Design Of(IReadOnlyList<DidObservation> obs, string[] clusters, DidSpecification spec)
        {
            var clusterIndex = clusters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
            List<Func<DidObservation, double>> columns;
            int effect;
            if (spec == DidSpecification.Simple)
            {
                columns = [_ => 1, o => o.Treated ? 1 : 0, o => o.Post ? 1 : 0, o => o.Treated && o.Post ? 1 : 0];
                effect = 3;
            }
            else
            {
                // Team dummies (no intercept), then period dummies but the first, then the effect.
                var periods = obs.Select(o => o.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
                if (periods.Length < 2) throw new ArgumentException("two-way fixed effects need a period on every observation");
                columns = [.. clusters.Select(c => (Func<DidObservation, double>)(o => o.Cluster == c ? 1 : 0)),
                           .. periods.Skip(1).Select(w => (Func<DidObservation, double>)(o => o.Period == w ? 1 : 0))];
                effect = columns.Count;
                columns.Add(o => o.Treated && o.Post ? 1 : 0);
            }
            var x = Matrix<double>.Build.Dense(obs.Count, columns.Count, (i, j) => columns[j](obs[i]));
            x = DropAliased(x, ref effect);
            var rows = clusters.Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < obs.Count; i++) rows[clusterIndex[obs[i].Cluster]].Add(i);
            return new Design { X = x, XtxInverse = x.TransposeThisAndMultiply(x).Inverse(), ClusterRows = rows.Select(r => r.ToArray()).ToArray(), Effect = effect };
        }

        /// <summary>Drops columns that are linear combinations of earlier ones (as R's lm does); the effect must survive.</summary>
        static Matrix<double> DropAliased(Matrix<double> x, ref int effect)
        {
            var keep = new List<int>();
            for (var j = 0; j < x.ColumnCount; j++)
            {
                var candidate = Matrix<double>.Build.DenseOfColumnVectors(keep.Append(j).Select(x.Column));
                if (candidate.Rank() == keep.Count + 1) keep.Add(j);
                else if (j == effect) throw new ArgumentException("the effect cannot be estimated: treated × post is collinear with the other terms");
            }
            effect = keep.IndexOf(effect);
            return Matrix<double>.Build.DenseOfColumnVectors(keep.Select(x.Column));
        }

        public (double Effect, Vector<double> Residuals) Fit(double[] y)
        {
            var yv = Vector<double>.Build.DenseOfArray(y);
            var beta = XtxInverse * X.TransposeThisAndMultiply(yv);
            return (beta[Effect], yv - X * beta);
        }

        /// <summary>Row <see cref="Effect"/> of (X'X)⁻¹X': the weights that turn y into δ̂.</summary>
        public Vector<double> EffectWeights => X * XtxInverse.Column(Effect);

        public double Cr1StandardError(Vector<double> residuals)
        {
            var w = EffectWeights;
            var sum = 0.0;
            foreach (var rows in ClusterRows)
            {
                var s = rows.Sum(i => w[i] * residuals[i]);
                sum += s * s;
            }
            return Math.Sqrt((double)G / (G - 1) * (N - 1.0) / (N - K) * sum);
        }

        public (double StandardError, double Df) Cr2(Vector<double> residuals)
        {
            var mc = XtxInverse.Column(Effect);
            var a = new Vector<double>[G];
            var b = new Vector<double>[G];
            var sum = 0.0;
            for (var g = 0; g < G; g++)
            {
                var rows = ClusterRows[g];
                var xg = Matrix<double>.Build.DenseOfRowVectors(rows.Select(X.Row));
                var ihgg = Matrix<double>.Build.DenseIdentity(rows.Length) - xg * XtxInverse * xg.Transpose();
                a[g] = InverseSquareRoot(ihgg) * (xg * mc);
                b[g] = xg.TransposeThisAndMultiply(a[g]);
                var s = 0.0;
                for (var r = 0; r < rows.Length; r++) s += a[g][r] * residuals[rows[r]];
                sum += s * s;
            }
            // P_gh = δ_gh a_g'a_g − b_g'(X'X)⁻¹b_h; df = (tr P)² / Σ P_gh².
            double trace = 0, squares = 0;
            for (var g = 0; g < G; g++)
                for (var h = 0; h < G; h++)
                {
                    var pgh = (g == h ? a[g].DotProduct(a[g]) : 0) - b[g].DotProduct(XtxInverse * b[h]);
                    if (g == h) trace += pgh;
                    squares += pgh * pgh;
                }
            return (Math.Sqrt(sum), squares > 0 ? trace * trace / squares : double.NaN);
        }

        /// <summary>The symmetric inverse square root with eigenvalues ≤ 1e-12 set to zero (clubSandwich's matrix_power).</summary>
        static Matrix<double> InverseSquareRoot(Matrix<double> s)
        {
            var evd = s.Evd(Symmetricity.Symmetric);
            var values = evd.EigenValues.Select(v => v.Real > 1e-12 ? 1 / Math.Sqrt(v.Real) : 0).ToArray();
            var u = evd.EigenVectors;
            return u * Matrix<double>.Build.DenseOfDiagonalArray(values) * u.Transpose();
        }
    }

    /// <summary>
    /// The restricted wild cluster bootstrap of δ with Webb weights. For a null δ = r: ũ = residuals of y − r·x_δ on the
    /// other regressors, y* = ỹ + v_g ũ; since ỹ lies in the column space of X, δ* − r = Σ_g v_g s_g and the bootstrap
    /// residuals are Σ_g v_g (I − H)_{·g} ũ_g, so each draw is a few G-vector products (the affine form of boottest).
    /// </summary>
    sealed class WildBootstrap
    {
        static readonly double[] Webb = [-Math.Sqrt(1.5), -1, -Math.Sqrt(0.5), Math.Sqrt(0.5), 1, Math.Sqrt(1.5)];
        readonly Design _d;
        readonly double[] _y;
        readonly double[][] _weights;
        readonly Matrix<double> _restrictedHat, _residualMaker;
        readonly Vector<double> _effectColumn, _w;

        public int Draws => _weights.Length;

        public WildBootstrap(Design d, double[] y, DidOptions options)
        {
            _d = d;
            _y = y;
            _weights = Weights(d.G, options.BootstrapDraws, options.Seed);
            var others = Enumerable.Range(0, d.K).Where(j => j != d.Effect).ToArray();
            var xr = Matrix<double>.Build.DenseOfColumnVectors(others.Select(d.X.Column));
            _restrictedHat = xr * xr.TransposeThisAndMultiply(xr).Inverse() * xr.Transpose();
            _residualMaker = Matrix<double>.Build.DenseIdentity(d.N) - d.X * d.XtxInverse * d.X.Transpose();
            _effectColumn = d.X.Column(d.Effect);
            _w = d.EffectWeights;
        }

        /// <summary>Every Webb vector when 6^G ≤ draws, else seeded draws.</summary>
        static double[][] Weights(int g, int draws, int seed)
        {
            if (Math.Pow(6, g) <= draws)
            {
                var all = new double[(int)Math.Pow(6, g)][];
                for (var i = 0; i < all.Length; i++)
                {
                    all[i] = new double[g];
                    for (int c = 0, k = i; c < g; c++, k /= 6) all[i][c] = Webb[k % 6];
                }
                return all;
            }
            var rng = new MathNet.Numerics.Random.MersenneTwister(seed, threadSafe: false);
            return Enumerable.Range(0, draws).Select(_ => Enumerable.Range(0, g).Select(_ => Webb[rng.Next(6)]).ToArray()).ToArray();
        }

        /// <summary>The symmetric bootstrap p-value of δ = r.</summary>
        public double P(double r)
        {
            var yr = Vector<double>.Build.DenseOfArray(_y) - r * _effectColumn;
            var u = yr - _restrictedHat * yr;               // restricted residuals ũ
            var (g, factor) = (_d.G, (double)_d.G / (_d.G - 1) * (_d.N - 1.0) / (_d.N - _d.K));
            // s_g: the shift of δ̂ from cluster g's residuals; q[h, g]: cluster h's CR1 score from cluster g's residuals.
            var s = new double[g];
            var q = new double[g, g];
            for (var c = 0; c < g; c++)
            {
                var ug = Vector<double>.Build.Dense(_d.N);
                foreach (var i in _d.ClusterRows[c]) ug[i] = u[i];
                s[c] = _w.DotProduct(ug);
                var e = _residualMaker * ug;
                for (var h = 0; h < g; h++) q[h, c] = _d.ClusterRows[h].Sum(i => _w[i] * e[i]);
            }
            // The original t at r: δ̂ − r over the CR1 standard error (the CR1 factor cancels in the comparison).
            var fit = _d.Fit(_y);
            var t = (fit.Effect - r) / _d.Cr1StandardError(fit.Residuals);
            var tolerance = 1e-9 * Math.Max(1, Math.Abs(t));
            var beyond = 0;
            foreach (var v in _weights)
            {
                double num = 0, var = 0;
                for (var c = 0; c < g; c++) num += v[c] * s[c];
                for (var h = 0; h < g; h++)
                {
                    double score = 0;
                    for (var c = 0; c < g; c++) score += q[h, c] * v[c];
                    var += score * score;
                }
                var tStar = num / Math.Sqrt(factor * var);
                if (Math.Abs(tStar) > Math.Abs(t) + tolerance) beyond++;
            }
            return (double)beyond / _weights.Length;
        }

        /// <summary>
        /// The interval {r : p(r) &gt; α} found outward from the estimate: the first r on each side where p falls to α or below
        /// (a grid in standard errors, then bisection). A bootstrap confidence set can have gaps; this returns its outer hull
        /// around the estimate's connected piece.
        /// </summary>
        public (double Lower, double Upper) Interval(double estimate, double se, double alpha)
        {
            if (!(se > 0)) return (double.NaN, double.NaN);
            double Edge(int direction)
            {
                var inside = estimate;
                for (var step = 0.25; step <= 400; step += 0.25)
                {
                    var r = estimate + direction * step * se;
                    if (P(r) <= alpha)
                    {
                        var outside = r;
                        for (var i = 0; i < 60 && Math.Abs(outside - inside) > 1e-10 * Math.Max(1, Math.Abs(estimate)); i++)
                        {
                            var mid = (inside + outside) / 2;
                            if (P(mid) > alpha) inside = mid; else outside = mid;
                        }
                        return (inside + outside) / 2;
                    }
                    inside = r;
                }
                return direction * double.PositiveInfinity;
            }
            return (Edge(-1), Edge(+1));
        }
    }
}
