namespace SoftSkills.Simulation.Model;

/// <summary>
/// A small, fast, portable generator (xoshiro256**, Blackman &amp; Vigna 2018) seeded through SplitMix64 from
/// (scenario seed, stream, day): every draw of the model comes from one of these, so results do not depend on
/// which silo or thread runs a grain.
/// </summary>
public sealed class Rng
{
    ulong _s0, _s1, _s2, _s3;
    double? _spareNormal;

    public Rng(ulong seed, ulong stream, ulong day)
    {
        var x = SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(seed) ^ stream) ^ (day * SplitMix64.Golden));
        _s0 = SplitMix64.Next(ref x); _s1 = SplitMix64.Next(ref x); _s2 = SplitMix64.Next(ref x); _s3 = SplitMix64.Next(ref x);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 33) * (ulong)n >> 31);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by the polar Box–Muller method.</summary>
    public double Normal()
    {
        if (_spareNormal is { } spare) { _spareNormal = null; return spare; }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    /// <summary>Poisson count by inversion (rates here are small, a few per day).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        var l = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > l) { k++; p *= NextDouble(); }
        return k;
    }

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Picks a key with probability proportional to its weight (keys in the given order).</summary>
    public string Pick(IReadOnlyList<KeyValuePair<string, double>> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w.Value;
        var r = NextDouble() * total;
        foreach (var w in weights)
        {
            if (r < w.Value) return w.Key;
            r -= w.Value;
        }
        return weights[^1].Key;
    }
}
