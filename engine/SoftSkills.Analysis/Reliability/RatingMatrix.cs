namespace SoftSkills.Analysis.Reliability;

/// <summary>Ratings in long form turned into the items × raters matrix the reliability statistics take: the one place it is done.</summary>
public sealed record RatingMatrix(double[,] Matrix, IReadOnlyList<string> Items, IReadOnlyList<string> Raters)
{
    /// <summary>
    /// Items in order of first appearance, raters in ordinal order; NaN where a rater did not rate an item. A rater who
    /// rated an item twice is an error (the caller names the line).
    /// </summary>
    public static RatingMatrix FromLongForm(IEnumerable<(string Item, string Rater, double Score)> ratings)
    {
        var list = ratings.ToList();
        var items = new List<string>();
        var itemIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (item, _, _) in list)
            if (!itemIndex.ContainsKey(item)) { itemIndex[item] = items.Count; items.Add(item); }
        var raters = list.Select(r => r.Rater).Distinct().Order(StringComparer.Ordinal).ToList();
        var raterIndex = raters.Select((x, i) => (x, i)).ToDictionary(t => t.x, t => t.i, StringComparer.Ordinal);
        var m = new double[items.Count, raters.Count];
        for (var i = 0; i < items.Count; i++) for (var j = 0; j < raters.Count; j++) m[i, j] = double.NaN;
        foreach (var (item, rater, score) in list)
        {
            ref var cell = ref m[itemIndex[item], raterIndex[rater]];
            if (!double.IsNaN(cell)) throw new ArgumentException($"rater '{rater}' rated item '{item}' twice");
            cell = score;
        }
        return new RatingMatrix(m, items, raters);
    }
}
