using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Studies.Twin;

/// <summary>
/// The simulations of an ABC-SMC fit so far, appended to a file batch by batch, so an interrupted fit resumes where it
/// stopped. A fit's proposals and simulation seeds follow from its settings alone, so a rerun with the same settings
/// proposes the same parameters in the same order and takes their summaries from here instead of simulating them; the
/// result is the same as an uninterrupted fit's. The first line holds a fingerprint of the settings (a checkpoint of
/// another fit is refused); each further line one batch: its first simulation index, the parameters and the summaries
/// (NaN written as null). A line cut short by a crash, or otherwise damaged, is ignored: its simulations run again.
/// </summary>
public sealed class AbcCheckpoint : IDisposable
{
    readonly Dictionary<int, (double[] Theta, double[] Summaries)> _done = [];
    readonly StreamWriter _writer;

    public string Path { get; }

    /// <summary>Simulations read back from the file.</summary>
    public int Resumed => _done.Count;

    public AbcCheckpoint(string path, string fingerprint)
    {
        Path = path;
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0 || Fingerprint(lines[0]) != fingerprint)
                throw new StudyInputException($"{path} is the checkpoint of another fit (its data, scenario, parameters, particles, budget or seed differ): delete it to start again");
            foreach (var line in lines.Skip(1)) Read(line);
        }
        else File.WriteAllText(path, new JsonObject { ["fingerprint"] = fingerprint }.ToJsonString() + "\n");
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    static string? Fingerprint(string line)
    {
        try { return (string?)JsonNode.Parse(line)?["fingerprint"]; }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException) { return null; }   // damaged, or not a string
    }

    void Read(string line)
    {
        try
        {
            var batch = JsonNode.Parse(line);
            if (batch?["first"] is not JsonValue first || batch["theta"] is not JsonArray thetas || batch["summaries"] is not JsonArray summaries) return;
            var read = new List<(double[], double[])>();
            for (var i = 0; i < thetas.Count && i < summaries.Count; i++) read.Add((Numbers(thetas[i]), Numbers(summaries[i])));
            for (var i = 0; i < read.Count; i++) _done[checked((int)first + i)] = read[i];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            // the last line cut short by a crash, or a damaged line: its simulations run again
        }
    }

    static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => v is null ? double.NaN : (double)v).ToArray();

    /// <summary>The summaries of simulation <paramref name="index"/> when it ran before with the same parameters.</summary>
    public bool TryGet(int index, double[] theta, out double[] summaries)
    {
        summaries = [];
        if (!_done.TryGetValue(index, out var done)) return false;
        if (!done.Theta.SequenceEqual(theta))
            throw new StudyInputException($"{Path} does not match this fit (simulation {index} had other parameters): delete it to start again");
        summaries = done.Summaries;
        return true;
    }

    /// <summary>Appends a batch of finished simulations and flushes it to disk.</summary>
    public void Record(int first, double[][] thetas, double[][] summaries)
    {
        static JsonArray Array(double[] values) => new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null).ToArray<JsonNode?>());
        var line = new JsonObject
        {
            ["first"] = first,
            ["theta"] = new JsonArray(thetas.Select(t => (JsonNode?)Array(t)).ToArray()),
            ["summaries"] = new JsonArray(summaries.Select(s => (JsonNode?)Array(s)).ToArray()),
        };
        _writer.Write(line.ToJsonString() + "\n");
        _writer.Flush();
        ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>A fingerprint of the values that decide a fit's simulations.</summary>
    public static string FingerprintOf(params object[] parts)
    {
        var text = string.Join("\u001f", parts.Select(p => p switch
        {
            double[] a => string.Join(",", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
