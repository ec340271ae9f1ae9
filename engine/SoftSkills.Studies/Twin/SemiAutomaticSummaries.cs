using MathNet.Numerics.LinearAlgebra;

namespace SoftSkills.Studies.Twin;

/// <summary>
/// Semi-automatic ABC summaries (Fearnhead &amp; Prangle 2012, JRSS B 74:419): from pilot simulations at prior draws, a
/// ridge regression of each parameter on the standardised summaries; a simulation's summary for parameter k is then the
/// fitted E[θ_k | s]. Distances in that space weigh each summary by how much it tells about the parameters, so summaries
/// that are pure noise (or do not move with the parameters) drop out.
/// </summary>
public sealed class SemiAutomaticSummaries
{
    readonly double[] _mean, _sd, _thetaMean, _thetaScale;
    readonly double[][] _coefficients; // per parameter, per summary

    SemiAutomaticSummaries(double[] mean, double[] sd, double[] thetaMean, double[] thetaScale, double[][] coefficients) =>
        (_mean, _sd, _thetaMean, _thetaScale, _coefficients) = (mean, sd, thetaMean, thetaScale, coefficients);

    /// <param name="theta">pilot parameters, one row per simulation</param>
    /// <param name="summaries">their summaries (NaN where undefined)</param>
    /// <param name="use">which summary components to use (e.g. those observed)</param>
    /// <param name="priorScale">each parameter's prior standard deviation, the unit of distances</param>
    /// <param name="ridge">the ridge penalty on standardised summaries</param>
    public static SemiAutomaticSummaries Fit(double[][] theta, double[][] summaries, bool[] use, double[] priorScale, double ridge = 1.0)
    {
        var n = theta.Length;
        var m = use.Length;
        var mean = new double[m];
        var sd = new double[m];
        for (var j = 0; j < m; j++)
        {
            var values = summaries.Select(s => s[j]).Where(double.IsFinite).ToArray();
            if (!use[j] || values.Length < 2) { sd[j] = 0; continue; }
            mean[j] = values.Average();
            sd[j] = Math.Sqrt(values.Sum(v => (v - mean[j]) * (v - mean[j])) / (values.Length - 1));
        }
        var columns = Enumerable.Range(0, m).Where(j => sd[j] > 1e-12).ToArray();
        var z = Matrix<double>.Build.Dense(n, columns.Length, (i, c) => Standardise(summaries[i][columns[c]], mean[columns[c]], sd[columns[c]]));
        var gram = z.TransposeThisAndMultiply(z) + Matrix<double>.Build.DenseIdentity(columns.Length) * ridge;
        var dims = theta[0].Length;
        var thetaMean = Enumerable.Range(0, dims).Select(k => theta.Average(t => t[k])).ToArray();
        var coefficients = new double[dims][];
        for (var k = 0; k < dims; k++)
        {
            var y = Vector<double>.Build.Dense(n, i => theta[i][k] - thetaMean[k]);
            var b = gram.Solve(z.TransposeThisAndMultiply(y));
            coefficients[k] = new double[m];
            for (var c = 0; c < columns.Length; c++) coefficients[k][columns[c]] = b[c];
        }
        return new SemiAutomaticSummaries(mean, sd, thetaMean, priorScale, coefficients);
    }

    /// <summary>An undefined summary sits at its pilot mean (it says nothing).</summary>
    static double Standardise(double x, double mean, double sd) => double.IsFinite(x) ? (x - mean) / sd : 0;

    /// <summary>E[θ | s] for each parameter, in units of its prior standard deviation.</summary>
    public double[] Project(double[] summaries)
    {
        var result = new double[_coefficients.Length];
        for (var k = 0; k < result.Length; k++)
        {
            var fitted = _thetaMean[k];
            for (var j = 0; j < summaries.Length; j++)
                if (_sd[j] > 1e-12) fitted += _coefficients[k][j] * Standardise(summaries[j], _mean[j], _sd[j]);
            result[k] = fitted / _thetaScale[k];
        }
        return result;
    }
}
