using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// The rubric level of each rated item for one KPI: the median of its human ratings (the lower median for an even count)
/// overrides the auto-coder's (reduced by the same rule when an item was coded more than once); items with neither are
/// unrated. Only overall ratings (no indicator) count. The one place ratings become item levels.
/// </summary>
public sealed class ItemLevels
{
    readonly Dictionary<string, int> _levels;
    readonly Dictionary<string, int> _human, _auto;

    ItemLevels(Dictionary<string, int> levels, Dictionary<string, int> human, Dictionary<string, int> auto)
    {
        _levels = levels;
        _human = human;
        _auto = auto;
        HumanRated = human.Count;
        AutoRated = auto.Keys.Count(k => !human.ContainsKey(k));
    }

    public static ItemLevels Empty { get; } = new([], [], []);

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
        var humanLevels = human.ToDictionary(kv => kv.Key, kv => LowerMedian(kv.Value), StringComparer.Ordinal);
        var autoLevels = auto.ToDictionary(kv => kv.Key, kv => LowerMedian(kv.Value), StringComparer.Ordinal);
        var levels = new Dictionary<string, int>(autoLevels, StringComparer.Ordinal);
        foreach (var (item, level) in humanLevels) levels[item] = level;
        return new ItemLevels(levels, humanLevels, autoLevels);
    }

    /// <summary>The human level of an item (lower median of its human ratings), if humans rated it.</summary>
    public bool TryGetHuman(string itemId, out int level) => _human.TryGetValue(itemId, out level);

    /// <summary>The auto-coder's level of an item (lower median of its auto ratings, the same rule as for humans), if it was auto-coded.</summary>
    public bool TryGetAuto(string itemId, out int level) => _auto.TryGetValue(itemId, out level);

    /// <summary>Items rated both by humans and by the auto-coder: (item, human level, auto level).</summary>
    public IEnumerable<(string Item, int Human, int Auto)> BothRated() =>
        _human.Where(kv => _auto.ContainsKey(kv.Key)).Select(kv => (kv.Key, kv.Value, _auto[kv.Key]));

    /// <summary>The median of whole levels; for an even count the lower of the two middle values (docs/design.md §2).</summary>
    public static int LowerMedian(List<int> scores)
    {
        scores.Sort();
        return scores[(scores.Count - 1) / 2];
    }

    public bool TryGet(string itemId, out int level) => _levels.TryGetValue(itemId, out level);

    /// <summary>Every item's level.</summary>
    public IReadOnlyDictionary<string, int> AsDictionary() => _levels;
}
