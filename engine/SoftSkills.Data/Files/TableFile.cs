using SoftSkills.Data.Csv;
using SoftSkills.Data.Parquet;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Files;

/// <summary>Reads and writes a table in the format its file extension names (.csv or .parquet).</summary>
public static class TableFile
{
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The column names of a table file.</summary>
    public static IReadOnlyList<string> Header(string path) =>
        IsParquet(path) ? ParquetTable.ReadHeader(path) : CsvTable.ReadHeader(path);

    /// <summary>Streams and validates the rows of a table file.</summary>
    public static IEnumerable<T> Read<T>(string path, TableCodec<T> codec, ReadOptions? options = null, ReadReport? report = null) =>
        IsParquet(path)
            ? ParquetTable.Read(path, codec, options ?? ReadOptions.Strict, report ?? new ReadReport())
            : CsvTable.Read(path, codec, options ?? ReadOptions.Strict, report ?? new ReadReport());

    /// <summary>Writes rows to <paramref name="path"/> through a set of atomic outputs; returns the row count.</summary>
    public static long Write<T>(AtomicOutputs outputs, string path, TableCodec<T> codec, IEnumerable<T> rows)
    {
        using var stream = outputs.Create(path);
        return IsParquet(path) ? ParquetTable.Write(stream, codec, rows) : CsvTable.Write(stream, codec, rows);
    }

    /// <summary>Writes one table file atomically.</summary>
    public static long Write<T>(string path, TableCodec<T> codec, IEnumerable<T> rows)
    {
        using var outputs = new AtomicOutputs();
        var n = Write(outputs, path, codec, rows);
        outputs.Commit();
        return n;
    }
}
