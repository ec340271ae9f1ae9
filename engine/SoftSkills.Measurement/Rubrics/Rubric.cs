using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Rubrics;

/// <summary>An observable behaviour that marks a rubric level.</summary>
public sealed record Indicator(string Id, string Text);

/// <summary>One of the four levels 0–3 with its behavioural anchor and 2–4 indicators.</summary>
public sealed record RubricLevel(int Level, string Name, string Anchor, IReadOnlyList<Indicator> Indicators, int Required);

/// <summary>A versioned 0–3 rubric for one KPI (docs/design.md §4).</summary>
public sealed record Rubric(Kpi Kpi, string Title, string Version, IReadOnlyList<RubricLevel> Levels)
{
    public static readonly string[] LevelNames = ["Absent", "Emerging", "Competent", "Exemplary"];
}

/// <summary>A level given by a rubric, with the version of the rubric and the indicators that earned it.</summary>
public sealed record RubricScore(Kpi Kpi, int Level, string LevelName, string RubricVersion, IReadOnlyList<string> Evidence);

/// <summary>Turns indicator observations into a level.</summary>
public static class RubricScorer
{
    /// <summary>
    /// The highest level L such that every level 1..L has at least its required number of indicators observed
    /// (levels build on each other); 0 (Absent) when level 1 is not met. Unknown indicator ids are an error.
    /// </summary>
    public static RubricScore Score(Rubric rubric, IEnumerable<string> observedIndicators)
    {
        var observed = observedIndicators.ToHashSet(StringComparer.Ordinal);
        var known = rubric.Levels.SelectMany(l => l.Indicators).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = observed.Where(o => !known.Contains(o)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"indicator(s) {string.Join(", ", unknown)} are not in rubric {EnumNames.Of(rubric.Kpi)} v{rubric.Version}");
        var level = 0;
        var evidence = new List<string>();
        foreach (var l in rubric.Levels.Where(l => l.Level > 0).OrderBy(l => l.Level))
        {
            var hits = l.Indicators.Where(i => observed.Contains(i.Id)).Select(i => i.Id).ToList();
            if (hits.Count < l.Required) break;
            level = l.Level;
            evidence.AddRange(hits);
        }
        return new RubricScore(rubric.Kpi, level, Rubric.LevelNames[level], rubric.Version, evidence);
    }
}
