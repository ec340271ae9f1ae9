namespace SoftSkills.Notebooks;

/// <summary>What happened to one code cell of a notebook run.</summary>
public enum CellStatus
{
    Ok,
    Failed,
    Skipped,
}

/// <summary>The outcome of one code cell; <see cref="Index"/> is 1-based among the code cells, as in the log.</summary>
public sealed record CellResult(int Index, CellStatus Status, TimeSpan Duration, string? Error);

/// <summary>The outcome of a notebook run and where the executed notebook was written.</summary>
public sealed record NotebookRunResult(IReadOnlyList<CellResult> Cells, string OutputPath)
{
    public bool Succeeded => Cells.All(c => c.Status != CellStatus.Failed);
}
