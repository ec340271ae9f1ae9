using global::Parquet;
using global::Parquet.Schema;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// Reads and writes a table as Parquet with the same column names as the CSV form. Rows are written in row groups
/// and read one row group at a time, so memory is bounded by the row group size, not the file size.
/// </summary>
public static class ParquetTable
{
    /// <summary>Rows per row group when writing.</summary>
    public const int RowGroupSize = 100_000;

    // Identifier-like columns repeat a few values many times: dictionary encoding makes them small and fast to read.
    static readonly HashSet<string> PlainText = ["event_id", "text", "item_id"];

    public static IReadOnlyList<string> ReadHeader(string path)
    {
        var reader = Open(path);
        try { return Guard(path, () => reader.Schema.DataFields.Select(f => f.Name).ToArray()); }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    /// <summary>Opens a Parquet file; a file that is not Parquet (empty, truncated, another format) is bad input naming it.</summary>
    static ParquetReader Open(string path, Stream? stream = null) =>
        Guard(path, () => (stream is null ? ParquetReader.CreateAsync(path) : ParquetReader.CreateAsync(stream, leaveStreamOpen: true)).GetAwaiter().GetResult());

    /// <summary>Runs a step of reading; the library's own errors on a damaged file become bad input naming the file.</summary>
    static T Guard<T>(string path, Func<T> step)
    {
        try { return step(); }
        catch (Exception ex) when (ex is not (DataValidationException or OutOfMemoryException or OperationCanceledException))
        {
            throw new DataValidationException(new RowLocation(Path.GetFileName(path), 0, 0, "file", IsParquetRow: true),
                $"cannot be read as Parquet ({ex.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>Identifier-like text columns are dictionary-encoded.</summary>
    internal static bool DictionaryEncoded(ColumnDef c) => c.Type == ColumnType.Text && !PlainText.Contains(c.Name);

    /// <summary>The key-value metadata of a Parquet file.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        var reader = Open(path);
        try { return reader.CustomMetadata.ToDictionary(); }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    /// <summary>
    /// The earliest and latest value of a timestamp column: from the row groups' statistics where every group has them,
    /// else by reading that column alone. Null for an empty table.
    /// </summary>
    public static (DateTime Min, DateTime Max)? TimestampSpan(string path, string column)
    {
        var reader = Open(path);
        try
        {
            var field = reader.Schema.DataFields.FirstOrDefault(f => f.Name == column);
            if (field is null) return null;
            DateTime? min = null, max = null;
            var fromStatistics = true;
            for (var g = 0; g < reader.RowGroupCount && fromStatistics; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                if (group.RowCount == 0) continue;
                var stats = group.GetStatistics(field);
                if (stats?.MinValue is DateTime lo && stats.MaxValue is DateTime hi)
                {
                    min = min is { } m && m <= lo ? m : lo;
                    max = max is { } x && x >= hi ? x : hi;
                }
                else fromStatistics = false;
            }
            if (fromStatistics) return min is { } a && max is { } b ? (a, b) : null;
            (min, max) = (null, null);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                if (group.RowCount is < 0 or > SizeLimits.RowsPerRowGroup) throw new InvalidDataException($"row group {g} claims {group.RowCount:N0} rows");
                var values = new DateTime?[group.RowCount];
                group.ReadAsync<DateTime>(field, values.AsMemory()).GetAwaiter().GetResult();
                foreach (var v in values)
                    if (v is { } t) { if (min is null || t < min) min = t; if (max is null || t > max) max = t; }
            }
            return min is { } c && max is { } d ? (c, d) : null;
        }
        catch (Exception ex) when (ex is not (DataValidationException or OutOfMemoryException or OperationCanceledException))
        {
            throw new DataValidationException(new RowLocation(Path.GetFileName(path), 0, 0, column, IsParquetRow: true), $"cannot be read as Parquet ({ex.Message})");
        }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    /// <summary>Writes rows to a seekable stream; returns the row count.</summary>
    public static long Write<T>(Stream stream, TableCodec<T> codec, IEnumerable<T> rows, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var writer = new ParquetTableWriter<T>(stream, codec, metadata);
        writer.AddRange(rows);
        writer.Complete();
        return writer.Rows;
    }

    /// <summary>Streams the rows of a Parquet file row group by row group, validating each row.</summary>
    public static IEnumerable<T> Read<T>(string path, TableCodec<T> codec, ReadOptions options, ReadReport report)
    {
        var name = Path.GetFileName(path);
        using var file = File.OpenRead(path);
        var reader = Open(path, file);
        try
        {
            var fileFields = Guard(path, () => reader.Schema.DataFields.ToDictionary(f => f.Name));
            var fields = new DataField[codec.Columns.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                if (!fileFields.TryGetValue(codec.Columns[i].Name, out var f))
                    throw new DataValidationException(new RowLocation(name, 0, fileFields.Count + 1, codec.Columns[i].Name, IsParquetRow: true),
                        $"missing column '{codec.Columns[i].Name}' in the schema");
                fields[i] = f;
            }
            var buffers = new ColumnBuffers(codec.Columns, 0);
            var source = new ParquetCellSource(name, codec.Columns, buffers, fileFields.Keys.ToList(), fields);
            long rowBase = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = Guard(path, () => reader.OpenRowGroupReader(g));
                if (group.RowCount is < 0 or > SizeLimits.RowsPerRowGroup)
                    throw new DataValidationException(new RowLocation(name, 0, 0, "file", IsParquetRow: true),
                        $"row group {g} claims {group.RowCount:N0} rows (at most {SizeLimits.RowsPerRowGroup:N0} are read at once; the file may be damaged)");
                var count = (int)group.RowCount;
                buffers.Ensure(count);
                for (var i = 0; i < fields.Length; i++)
                {
                    var column = i;
                    Guard(path, () => { buffers.ReadColumnAsync(group, fields[column], column, codec.Columns[column].Name, name).GetAwaiter().GetResult(); return 0; });
                }
                for (var r = 0; r < count; r++)
                {
                    report.RowsRead++;
                    T record;
                    try
                    {
                        source.Bind(r, rowBase + r + 1);
                        record = codec.Read(source);
                    }
                    catch (DataValidationException ex) when (options.Lenient)
                    {
                        report.Add(new RowIssue(ex.Where, ex.Reason));
                        continue;
                    }
                    report.RowsAccepted++;
                    yield return record;
                }
                rowBase += count;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    sealed class ParquetCellSource(string file, IReadOnlyList<ColumnDef> columns, ColumnBuffers buffers, List<string> fileOrder, DataField[] fields) : ICellSource
    {
        int _row;
        long _rowNumber;

        public void Bind(int row, long rowNumber) { _row = row; _rowNumber = rowNumber; }

        public string? Text(int column)
        {
            var s = buffers.Texts[column]![_row];
            return string.IsNullOrEmpty(s) ? null : s;
        }

        public DateTime? Timestamp(int column) =>
            buffers.Timestamps[column]![_row] is { } t && !SizeLimits.IsPlausibleYear(t.Year) ? throw Error(column, $"timestamp {t:O} is outside 1900–2999") : buffers.Timestamps[column]![_row];
        public int? Integer(int column) => buffers.Integers[column]![_row];
        public double? Real(int column) =>
            buffers.Reals[column]![_row] is { } v && !SizeLimits.IsMeasurement(v) ? throw Error(column, $"bad number: {v} (finite, at most {SizeLimits.LargestMeasurement:G} in size)") : buffers.Reals[column]![_row];
        public bool? Boolean(int column) => buffers.Booleans[column]![_row];
        public DateOnly? Date(int column) =>
            buffers.Dates[column]![_row] is { } d && !SizeLimits.IsPlausibleYear(d.Year) ? throw Error(column, $"date {d:yyyy-MM-dd} is outside 1900–2999") : buffers.Dates[column]![_row];

        public Exception Error(int column, string reason) =>
            new DataValidationException(new RowLocation(file, _rowNumber, fileOrder.IndexOf(fields[column].Name) + 1, columns[column].Name, IsParquetRow: true), reason);
    }
}
