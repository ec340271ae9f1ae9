using System.Runtime.CompilerServices;
using ParquetSharp;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// Writes a table to Parquet row by row, flushing a row group every <see cref="ParquetTable.RowGroupSize"/> rows, so a
/// producer (the simulator) can stream any number of rows in bounded memory. <see cref="Complete"/> writes the footer.
/// The encoder is Arrow C++'s (ParquetSharp): Snappy pages, dictionary pages for identifier-like text columns, statistics
/// for every column; the schema is the one <see cref="ParquetTable"/> reads (optional columns, UTC timestamps in
/// microseconds, dates as days).
/// </summary>
public sealed class ParquetTableWriter<T> : IDisposable
{
    readonly TableCodec<T> _codec;
    ColumnBuffers _buffers;
    readonly ParquetFileWriter _writer;
    bool _completed;

    public ParquetTableWriter(Stream stream, TableCodec<T> codec, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _codec = codec;
        using var properties = Properties(codec.Columns);
        _writer = new ParquetFileWriter(stream, codec.Columns.Select(ColumnOf).ToArray(), LogicalTypeFactory.Default, properties,
            metadata is null ? null : new Dictionary<string, string>(metadata), leaveOpen: true);
        _buffers = new ColumnBuffers(codec.Columns, ParquetTable.RowGroupSize, writing: true);
    }

    static WriterProperties Properties(IReadOnlyList<ColumnDef> columns)
    {
        using var builder = new WriterPropertiesBuilder();
        builder.Compression(Compression.Snappy).CreatedBy("softskills (parquet-cpp via ParquetSharp)");
        foreach (var c in columns)
            if (!ParquetTable.DictionaryEncoded(c)) builder.DisableDictionary(c.Name);
        return builder.Build();
    }

    static Column ColumnOf(ColumnDef c) => c.Type switch
    {
        ColumnType.Text => new Column<string>(c.Name),
        ColumnType.Timestamp => new Column<DateTime?>(c.Name, LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros)),
        ColumnType.Integer => new Column<int?>(c.Name),
        ColumnType.Real => new Column<double?>(c.Name),
        ColumnType.Boolean => new Column<bool?>(c.Name),
        ColumnType.Date => new Column<Date?>(c.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public long Rows { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(T row)
    {
        _codec.Write(row, _buffers);
        Rows++;
        if (_buffers.Count == ParquetTable.RowGroupSize) Flush();
    }

    public void AddRange(IEnumerable<T> rows)
    {
        foreach (var row in rows) Add(row);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRange(ReadOnlySpan<T> rows)
    {
        foreach (var row in rows) Add(row);
    }

    void Flush()
    {
        using (var group = _writer.AppendRowGroup())
            for (var i = 0; i < _codec.Columns.Count; i++)
                _buffers.WriteColumn(group, i);
        _buffers.Clear();
    }

    /// <summary>Writes the last row group and the footer. An empty table has no row group; its columns are in the footer's schema.</summary>
    public void Complete()
    {
        if (_completed) return;
        if (_buffers.Count > 0) Flush();
        _writer.Close();
        _writer.Dispose();
        _completed = true;
        _buffers = null!; // a finished table keeps no buffers
    }

    /// <summary>Disposing without <see cref="Complete"/> abandons the file (its temporary name is deleted by the caller).</summary>
    public void Dispose()
    {
        if (_completed) return;
        _completed = true;
        try { _writer.Dispose(); }
        catch (ParquetException) { /* an abandoned file: its footer does not matter */ }
    }
}
