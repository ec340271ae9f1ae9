namespace SoftSkills.Benchmarks;

/// <summary>Reads <c>--name value</c> pairs.</summary>
sealed class Args(string[] args)
{
    public string Get(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public bool Has(string name) => Array.IndexOf(args, name) >= 0;

    public long GetLong(string name, long fallback) => long.Parse(Get(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
}
