using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Studies.Sweeps;

/// <summary>One varied scenario setting: a JSON path and its values.</summary>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values);

/// <summary>One replication: its index, the values of the varied settings, and its seed.</summary>
public sealed record Replication(int Index, IReadOnlyList<string> Values, ulong Seed);

/// <summary>
/// A parameter sweep (Mesa's batch_run, NetLogo's BehaviorSpace): every combination of the varied settings × N seeds.
/// Replication i's seed is derived from the base seed and i with SplitMix64, so replications differ and each is recorded.
/// </summary>
public sealed class SweepPlan
{
    readonly string _scenarioJson;

    public IReadOnlyList<SweepParameter> Parameters { get; }
    public int Seeds { get; }
    public ulong BaseSeed { get; }
    public IReadOnlyList<Replication> Replications { get; }

    /// <summary>Fingerprint of everything that decides the results: a folder may only be resumed by the same plan.</summary>
    public string Fingerprint { get; }

    public SweepPlan(string scenarioJson, IReadOnlyList<SweepParameter> parameters, int seeds, ulong baseSeed)
    {
        (_scenarioJson, Parameters, Seeds, BaseSeed) = (scenarioJson, parameters, seeds, baseSeed);
        var count = parameters.Aggregate((double)seeds, (n, p) => n * p.Values.Count);
        if (seeds < 1 || count > SoftSkills.Data.SizeLimits.Replications)
            throw new StudyInputException($"a sweep of {count:N0} replications: between 1 and {SoftSkills.Data.SizeLimits.Replications:N0} are allowed (seeds × the values of each --vary)");
        var combinations = parameters.Aggregate((IEnumerable<string[]>)[[]], (acc, p) => acc.SelectMany(c => p.Values.Select(v => c.Append(v).ToArray())));
        Replications = combinations.SelectMany(c => Enumerable.Range(0, seeds).Select(_ => c)).Select((c, i) => new Replication(i, c, SeedOf(baseSeed, i))).ToList();
        var text = $"{scenarioJson}\n{string.Join("\n", parameters.Select(p => p.Path + "=" + string.Join(",", p.Values)))}\n{seeds}\n{baseSeed}";
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Parses <c>path=v1,v2,...</c>.</summary>
    public static SweepParameter ParseVary(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) throw new StudyInputException($"--vary '{text}' is not of the form path=v1,v2,...");
        return new SweepParameter(text[..eq].Trim(), text[(eq + 1)..].Split(',').Select(v => v.Trim()).ToArray());
    }

    /// <summary>The i-th value of SplitMix64 from the base seed: well-spread, distinct seeds.</summary>
    public static ulong SeedOf(ulong baseSeed, int i) =>
        SplitMix64.At(baseSeed, i) & 0x7FFF_FFFF_FFFF_FFFFUL; // kept below 2^63 so every tool reads it as a signed 64-bit number too

    /// <summary>The scenario of a replication: the varied settings written into the scenario's JSON, then its seed.</summary>
    public Scenario ScenarioOf(Replication r)
    {
        var root = JsonNode.Parse(_scenarioJson)!;
        for (var p = 0; p < Parameters.Count; p++) Set(root, Parameters[p].Path, r.Values[p]);
        try { return ScenarioLoader.Parse(root.ToJsonString()) with { Seed = r.Seed }; }
        catch (ScenarioException ex) { throw new StudyInputException($"--vary {Parameters.Count} setting(s) give a bad scenario: {ex.Message}"); }
    }

    static void Set(JsonNode root, string path, string value)
    {
        try { SetPath(root, path, value); }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new StudyInputException($"--vary: '{path}' is not a path of the scenario ({ex.Message})");
        }
    }

    /// <summary>Sets the number, true/false or text at a scenario's JSON path (<c>a.b[2].c</c>); the path must exist.</summary>
    public static void SetPath(JsonNode root, string path, string value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
            node = (part.EndsWith(']') ? node[part[..part.IndexOf('[')]]?[int.Parse(part[(part.IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture)] : node[part])
                ?? throw new StudyInputException($"--vary: the scenario has no '{part}' on the path '{path}'");
        var last = parts[^1];
        if (node is not JsonObject obj || !obj.ContainsKey(last)) throw new StudyInputException($"--vary: the scenario has no '{path}'");
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !double.IsFinite(n))
            throw new StudyInputException($"--vary {path}: '{value}' is not a finite number");
        obj[last] = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d)
            : bool.TryParse(value, out var b) ? JsonValue.Create(b) : JsonValue.Create(value);
    }
}
