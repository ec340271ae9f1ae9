using global::Parquet;
using global::Parquet.Schema;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Parquet;

/// <summary>Typed arrays holding one row group of a table, filled cell by cell when writing or column by column when reading.</summary>
sealed class ColumnBuffers : ICellSink
{
    readonly IReadOnlyList<ColumnDef> _columns;
    public readonly string?[]?[] Texts;
    public readonly DateTime?[]?[] Timestamps;
    public readonly int?[]?[] Integers;
    public readonly double?[]?[] Reals;
    public readonly bool?[]?[] Booleans;
    public readonly DateOnly?[]?[] Dates;

    public int Count { get; private set; }

    readonly bool _writing;

    /// <summary>
    /// Buffers of <paramref name="capacity"/> rows; for <paramref name="writing"/>, text cells go to UTF-8 builders instead
    /// of text arrays, and the arrays start small and grow with the rows up to <paramref name="capacity"/> (a small table
    /// does not hold a full row group's arrays).
    /// </summary>
    public ColumnBuffers(IReadOnlyList<ColumnDef> columns, int capacity, bool writing = false)
    {
        _columns = columns;
        _writing = writing;
        var n = columns.Count;
        Texts = new string?[n][];
        Timestamps = new DateTime?[n][];
        Integers = new int?[n][];
        Reals = new double?[n][];
        Booleans = new bool?[n][];
        Dates = new DateOnly?[n][];
        _largest = capacity;
        _capacity = writing ? Math.Min(capacity, 1024) : capacity;
        Ensure(_capacity);
    }

    int _capacity;
    readonly int _largest;

    /// <summary>Makes every column array hold at least <paramref name="capacity"/> rows.</summary>
    public void Ensure(int capacity)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            switch (_columns[i].Type)
            {
                case ColumnType.Text: if (!_writing) Grow(ref Texts[i], capacity); break;
                case ColumnType.Timestamp: Grow(ref Timestamps[i], capacity); break;
                case ColumnType.Integer: Grow(ref Integers[i], capacity); break;
                case ColumnType.Real: Grow(ref Reals[i], capacity); break;
                case ColumnType.Boolean: Grow(ref Booleans[i], capacity); break;
                case ColumnType.Date: Grow(ref Dates[i], capacity); break;
            }
        }
    }

    static void Grow<T>(ref T[]? array, int capacity)
    {
        if (array is null) array = new T[capacity];
        else if (array.Length < capacity) Array.Resize(ref array, capacity); // keeps the rows written so far
    }

    // Writing: text goes straight to UTF-8 (one builder per text column); reading fills Texts.
    Utf8Column?[] _utf8 = [];

    public void Text(int column, string? value) => Utf8Of(column).Add(value);
    public void Utf8(int column, ReadOnlySpan<byte> value) => Utf8Of(column).Add(value);

    Utf8Column Utf8Of(int column)
    {
        if (_utf8.Length == 0) _utf8 = new Utf8Column?[_columns.Count];
        return _utf8[column] ??= new Utf8Column();
    }
    public void Timestamp(int column, DateTime? value) => Timestamps[column]![Count] = value;
    public void Integer(int column, int? value) => Integers[column]![Count] = value;
    public void Real(int column, double? value) => Reals[column]![Count] = value;
    public void Boolean(int column, bool? value) => Booleans[column]![Count] = value;
    public void Date(int column, DateOnly? value) => Dates[column]![Count] = value;
    public void EndRow()
    {
        if (++Count == _capacity && _capacity < _largest) Ensure(_capacity = Math.Min(2 * _capacity, _largest));
    }

    public void Clear()
    {
        for (var i = 0; i < _columns.Count; i++)
            if (Texts[i] is { } t) Array.Clear(t, 0, Count);
        Count = 0;
    }

    /// <summary>Writes column <paramref name="i"/>'s buffered values as the next column of a row group.</summary>
    public void WriteColumn(ParquetSharp.RowGroupWriter group, int i)
    {
        using var column = group.NextColumn();
        switch (_columns[i].Type)
        {
            case ColumnType.Text: Utf8Of(i).WriteTo((ParquetSharp.ColumnWriter<ParquetSharp.ByteArray>)column); break;
            case ColumnType.Timestamp: Write(column, Timestamps[i]!); break;
            case ColumnType.Integer: Write(column, Integers[i]!); break;
            case ColumnType.Real: Write(column, Reals[i]!); break;
            case ColumnType.Boolean: Write(column, Booleans[i]!); break;
            case ColumnType.Date:
                var days = new ParquetSharp.Date?[Count];
                for (var r = 0; r < Count; r++) days[r] = Dates[i]![r] is { } d ? new ParquetSharp.Date(d.DayNumber - UnixEpochDay) : null;
                Write(column, days);
                break;
        }
    }

    static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    void Write<TValue>(ParquetSharp.ColumnWriter column, TValue[] values)
    {
        using var writer = column.LogicalWriter<TValue>();
        writer.WriteBatch(values.AsSpan(0, Count));
    }

    public async Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, int i, string column, string file)
    {
        var n = (int)group.RowCount;
        try
        {
            switch (_columns[i].Type)
            {
                case ColumnType.Text: await group.ReadAsync(field, Texts[i].AsMemory(0, n)); break;
                case ColumnType.Timestamp: await group.ReadAsync<DateTime>(field, Timestamps[i].AsMemory(0, n)); break;
                case ColumnType.Integer: await group.ReadAsync<int>(field, Integers[i].AsMemory(0, n)); break;
                case ColumnType.Real: await group.ReadAsync<double>(field, Reals[i].AsMemory(0, n)); break;
                case ColumnType.Boolean: await group.ReadAsync<bool>(field, Booleans[i].AsMemory(0, n)); break;
                case ColumnType.Date:
                    var days = new DateTime?[n];
                    await group.ReadAsync<DateTime>(field, days.AsMemory());
                    for (var r = 0; r < n; r++) Dates[i]![r] = days[r] is { } d ? DateOnly.FromDateTime(d) : null;
                    break;
            }
        }
        catch (Exception ex) when (ex is not DataValidationException)
        {
            throw new DataValidationException(new RowLocation(file, 0, i + 1, column, IsParquetRow: true),
                $"column '{column}' cannot be read as {_columns[i].Type.ToString().ToLowerInvariant()}: {ex.Message}");
        }
    }
}
