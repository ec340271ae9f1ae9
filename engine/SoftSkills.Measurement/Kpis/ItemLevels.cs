using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// The rubric level of each rated item for one KPI: the median of its human ratings (the lower median for an even count)
/// overrides the auto-coder's; items with neither are unrated. Only overall ratings (no indicator) count.
/// </summary>
public sealed class ItemLevels
{
    readonly Dictionary<string, int> _levels;

    ItemLevels(Dictionary<string, int> levels, int human, int auto)
    {
        _levels = levels;
        HumanRated = human;
        AutoRated = auto;
    }

    public static ItemLevels Empty { get; } = new([], 0, 0);

    public int HumanRated { get; }
    public int AutoRated { get; }
    public int Count => _levels.Count;

    public static ItemLevels FromRatings(IEnumerable<Rating> ratings, Kpi kpi = Kpi.Res)
    {
        var human = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var auto = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var r in ratings)
        {
            if (r.Kpi != kpi || !string.IsNullOrEmpty(r.Indicator)) continue;
            var target = r.RaterKind switch { RaterKind.Human => human, RaterKind.Auto => auto, _ => null };
            if (target is null) continue;
            if (!target.TryGetValue(r.ItemId, out var list)) target[r.ItemId] = list = [];
            list.Add(r.Score);
        }
        var levels = new Dictionary<string, int>(auto.Count + human.Count, StringComparer.Ordinal);
        foreach (var (item, scores) in auto) levels[item] = LowerMedian(scores);
        foreach (var (item, scores) in human) levels[item] = LowerMedian(scores);
        return new ItemLevels(levels, human.Count, auto.Keys.Count(k => !human.ContainsKey(k)));
    }

    /// <summary>The median of whole levels; for an even count the lower of the two middle values (DESIGN §2).</summary>
    public static int LowerMedian(List<int> scores)
    {
        scores.Sort();
        return scores[(scores.Count - 1) / 2];
    }

    public bool TryGet(string itemId, out int level) => _levels.TryGetValue(itemId, out level);
}
