namespace SoftSkills.Analysis.Validity;

/// <summary>A team's verdict: the direction at least two sources agree on, or none.</summary>
public sealed record TriangulationVerdict(string Team, int Direction, IReadOnlyList<string> Agreeing, IReadOnlyDictionary<string, int> Directions)
{
    public bool Agrees => Direction != 0;
}

/// <summary>
/// Triangulation before a decision (docs/design.md §6): per team, the direction of change of each source (auto-coder, human
/// raters, manager, customers); a change smaller than the source's threshold counts as no change. The team's direction
/// is the one that at least two sources share and no more sources contradict.
/// </summary>
public static class Triangulation
{
    public static IReadOnlyList<TriangulationVerdict> Check(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> changeByTeamAndSource,
        IReadOnlyDictionary<string, double>? thresholds = null)
    {
        var verdicts = new List<TriangulationVerdict>();
        foreach (var (team, sources) in changeByTeamAndSource.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var directions = sources.ToDictionary(s => s.Key, s =>
            {
                var t = thresholds?.GetValueOrDefault(s.Key) ?? 0;
                return double.IsNaN(s.Value) || Math.Abs(s.Value) <= t ? 0 : Math.Sign(s.Value);
            });
            var up = directions.Where(d => d.Value > 0).Select(d => d.Key).ToList();
            var down = directions.Where(d => d.Value < 0).Select(d => d.Key).ToList();
            var (direction, agreeing) = up.Count >= 2 && up.Count > down.Count ? (1, up) : down.Count >= 2 && down.Count > up.Count ? (-1, down) : (0, new List<string>());
            verdicts.Add(new TriangulationVerdict(team, direction, agreeing.Order(StringComparer.Ordinal).ToList(), directions));
        }
        return verdicts;
    }
}
