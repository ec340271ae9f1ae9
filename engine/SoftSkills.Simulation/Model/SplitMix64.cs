namespace SoftSkills.Simulation.Model;

/// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014): the one seed mixer of the project, for generators and replication seeds.</summary>
public static class SplitMix64
{
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The output function: a well-spread 64-bit value from any input.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Advances the state by the golden-ratio step and returns the mixed value.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>The i-th value (0-based) of the sequence that starts at <paramref name="seed"/>, without stepping through the others.</summary>
    public static ulong At(ulong seed, int i) => Mix(seed + Golden * (ulong)(i + 1));
}
