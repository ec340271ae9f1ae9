using global::Parquet;
using global::Parquet.Schema;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// Writes a table to Parquet row by row, flushing a row group every <see cref="ParquetTable.RowGroupSize"/> rows, so a
/// producer (the simulator) can stream any number of rows in bounded memory. <see cref="Complete"/> writes the footer.
/// </summary>
public sealed class ParquetTableWriter<T> : IDisposable
{
    readonly TableCodec<T> _codec;
    readonly DataField[] _fields;
    readonly ColumnBuffers _buffers;
    readonly ParquetWriter _writer;
    bool _completed;

    public ParquetTableWriter(Stream stream, TableCodec<T> codec, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _codec = codec;
        _fields = codec.Columns.Select(ParquetTable.FieldOf).ToArray();
        var options = new ParquetOptions();
        foreach (var c in codec.Columns)
            if (ParquetTable.DictionaryEncoded(c)) options.ColumnEncodingHints[c.Name] = EncodingHint.Dictionary;
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream, options).GetAwaiter().GetResult();
        if (metadata is not null) _writer.CustomMetadata = metadata.ToDictionary();
        _buffers = new ColumnBuffers(codec.Columns, ParquetTable.RowGroupSize);
    }

    public long Rows { get; private set; }

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

    void Flush()
    {
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < _fields.Length; i++) _buffers.WriteColumnAsync(group, _fields[i], i).GetAwaiter().GetResult();
            group.CompleteValidate();
        }
        _buffers.Clear();
    }

    /// <summary>Writes the last row group and the footer. An empty table still gets one empty row group, so readers see its columns.</summary>
    public void Complete()
    {
        if (_completed) return;
        if (_buffers.Count > 0 || Rows == 0) Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _completed = true;
    }

    /// <summary>Disposing without <see cref="Complete"/> abandons the file (its temporary name is deleted by the caller).</summary>
    public void Dispose()
    {
        if (!_completed) _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
