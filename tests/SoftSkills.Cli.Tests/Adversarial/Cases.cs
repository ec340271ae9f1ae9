using CsCheck;

namespace SoftSkills.Cli.Tests.Adversarial;

/// <summary>
/// Runs a property over generated cases. By default the cases are the same on every run (case i is drawn from a PCG
/// seeded with i), so CI is reproducible, and every failing case is listed. With SOFTSKILLS_EXPLORE=1 CsCheck draws fresh
/// random cases and shrinks the first failure (its seed printed for CsCheck_Seed).
/// </summary>
static class Cases
{
    const ulong Seed = 20261130;

    public static void Run<T>(Gen<T> gen, int count, Action<T> property, Func<T, string>? describe = null)
    {
        describe ??= t => t?.ToString() ?? "";
        if (Environment.GetEnvironmentVariable("SOFTSKILLS_EXPLORE") == "1" || Environment.GetEnvironmentVariable("CsCheck_Seed") is not null)
        {
            gen.Sample(property, iter: count, threads: 1, print: describe);
            return;
        }
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var value = gen.Generate(new PCG((uint)i, Seed), null, out _);
            if (Environment.GetEnvironmentVariable("SOFTSKILLS_CASES_LOG") is { } log) File.AppendAllText(log, $"case\t{describe(value)}\n");
            try { property(value); }
            catch (Exception e) { failures.Add($"case {i}: {describe(value)}\n{e.Message}"); }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases failed:\n\n{string.Join("\n\n", failures.Take(8))}");
    }
}
