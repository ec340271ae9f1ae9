namespace SoftSkills.Data.Validation;

/// <summary>Where a bad value sits: file, line (CSV) or row (Parquet), and column.</summary>
public sealed record RowLocation(string File, long Line, int ColumnNumber, string Column, bool IsParquetRow = false)
{
    public override string ToString() =>
        Line == 0 && ColumnNumber == 0 ? File     // the file as a whole
        : IsParquetRow
            ? $"{File}: row {Line}, column {ColumnNumber} ({Column})"
            : $"{File}:{Line}:{ColumnNumber} ({Column})";
}

/// <summary>Bad input: carries the file, line and column of the problem. The CLI maps it to exit code 2.</summary>
public class DataValidationException(RowLocation where, string reason)
    : Exception($"{where}: {reason}")
{
    public RowLocation Where { get; } = where;
    public string Reason { get; } = reason;
}

/// <summary>A row skipped in lenient mode, with its reason.</summary>
public sealed record RowIssue(RowLocation Where, string Reason)
{
    public override string ToString() => $"{Where}: {Reason}";
}

/// <summary>What a read saw: rows accepted and, in lenient mode, every row skipped with its reason.</summary>
public sealed class ReadReport
{
    readonly List<RowIssue> _issues = [];
    public long RowsRead { get; internal set; }
    public long RowsAccepted { get; internal set; }
    public IReadOnlyList<RowIssue> Issues => _issues;

    /// <summary>True when the rows were read column-wise (every row accepted; see <c>EventColumnReader</c>).</summary>
    public bool Columnar { get; internal set; }
    public long RowsRejected => _issues.Count;
    internal void Add(RowIssue issue) => _issues.Add(issue);

    /// <summary>Adds another table's counts to this one.</summary>
    public void Merge(ReadReport other)
    {
        RowsRead += other.RowsRead;
        RowsAccepted += other.RowsAccepted;
        _issues.AddRange(other._issues);
    }
}

/// <summary>How strictly to read: strict stops at the first bad row; lenient skips and reports each.</summary>
public sealed record ReadOptions(bool Lenient = false)
{
    public static ReadOptions Strict { get; } = new();
}
