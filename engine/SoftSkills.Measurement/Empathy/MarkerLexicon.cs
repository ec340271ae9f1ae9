using System.Text.Json;

namespace SoftSkills.Measurement.Empathy;

/// <summary>One phrase of the lexicon with its category and base weight (negative for counter-markers).</summary>
public sealed record MarkerPhrase(string Category, string Text, double Weight, bool Counter, double? WeightWhenDistressed);

/// <summary>The marker categories that signal one EPITOME mechanism and the weights at which it counts as weak or strong.</summary>
public sealed record MechanismCue(IReadOnlyList<string> Categories, double Weak, double Strong);

/// <summary>The empathy marker lexicon (<c>Empathy/empathy-markers.json</c>, versioned): phrases, context cues and level thresholds.</summary>
public sealed record MarkerLexicon(
    string Version,
    IReadOnlyList<MarkerPhrase> Phrases,
    IReadOnlyList<string> DistressCues,
    IReadOnlyDictionary<string, double> DistressMultiplier,
    IReadOnlyDictionary<string, double> RoutineMultiplier,
    IReadOnlyList<string> Negators,
    double Emerging, double Competent, double Exemplary,
    IReadOnlyDictionary<string, MechanismCue> Mechanisms)
{
    /// <summary>The lexicon shipped with the library.</summary>
    public static MarkerLexicon Default { get; } = LoadEmbedded();

    static MarkerLexicon LoadEmbedded()
    {
        using var stream = typeof(MarkerLexicon).Assembly.GetManifestResourceStream("empathy-markers.json")
            ?? throw new InvalidOperationException("the embedded lexicon empathy-markers.json is missing");
        return Parse(JsonDocument.Parse(stream).RootElement);
    }

    public static MarkerLexicon Load(string path) => Parse(SoftSkills.Data.Files.JsonText.Parse(SoftSkills.Data.Files.TextFiles.ReadAllText(path)).RootElement);

    static MarkerLexicon Parse(JsonElement root)
    {
        var phrases = new List<MarkerPhrase>();
        void Add(JsonElement group, bool counter)
        {
            foreach (var category in group.EnumerateObject())
            {
                var weight = category.Value.GetProperty("weight").GetDouble();
                double? distressed = category.Value.TryGetProperty("dismissive_when_distressed", out var d) ? d.GetDouble() : null;
                foreach (var p in category.Value.GetProperty("phrases").EnumerateArray())
                    phrases.Add(new MarkerPhrase(category.Name, p.GetString()!, weight, counter, distressed));
            }
        }
        Add(root.GetProperty("markers"), counter: false);
        Add(root.GetProperty("counter_markers"), counter: true);
        var context = root.GetProperty("context");
        static Dictionary<string, double> Map(JsonElement e) => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var levels = root.GetProperty("levels");
        return new MarkerLexicon(
            root.GetProperty("version").GetString()!,
            // Longest phrases first, so a longer phrase claims its words before a shorter one inside it.
            phrases.OrderByDescending(p => p.Text.Length).ThenBy(p => p.Text, StringComparer.Ordinal).ToList(),
            context.GetProperty("distress_cues").EnumerateArray().Select(e => e.GetString()!).ToList(),
            Map(context.GetProperty("distress_multiplier")),
            Map(context.GetProperty("routine_multiplier")),
            root.GetProperty("negators").EnumerateArray().Select(e => e.GetString()!).ToList(),
            levels.GetProperty("emerging").GetDouble(),
            levels.GetProperty("competent").GetDouble(),
            levels.GetProperty("exemplary").GetDouble(),
            root.TryGetProperty("mechanisms", out var mechanisms)
                ? mechanisms.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToDictionary(p => p.Name, p => new MechanismCue(
                    p.Value.GetProperty("categories").EnumerateArray().Select(e => e.GetString()!).ToList(),
                    p.Value.GetProperty("weak").GetDouble(), p.Value.GetProperty("strong").GetDouble()))
                : new Dictionary<string, MechanismCue>());
    }
}
