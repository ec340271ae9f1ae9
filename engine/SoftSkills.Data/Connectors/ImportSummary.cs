namespace SoftSkills.Data.Connectors;

/// <summary>What a connector import wrote and skipped: rows per table, events by kind, skipped records by reason.</summary>
public sealed class ImportSummary
{
    readonly SortedDictionary<string, long> _skipped = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> Tables { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> EventsByKind { get; } = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, long> SkippedByReason => _skipped;
    public long Skipped => _skipped.Values.Sum();
    public long TextsRedacted { get; internal set; }

    /// <summary>Counts one source record left out, under its reason (snake_case, docs/design.md §15).</summary>
    public void Skip(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
}
