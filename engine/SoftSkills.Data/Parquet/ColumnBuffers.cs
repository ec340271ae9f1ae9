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

    public ColumnBuffers(IReadOnlyList<ColumnDef> columns, int capacity)
    {
        _columns = columns;
        var n = columns.Count;
        Texts = new string?[n][];
        Timestamps = new DateTime?[n][];
        Integers = new int?[n][];
        Reals = new double?[n][];
        Booleans = new bool?[n][];
        Dates = new DateOnly?[n][];
        Ensure(capacity);
    }

    /// <summary>Makes every column array hold at least <paramref name="capacity"/> rows.</summary>
    public void Ensure(int capacity)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            switch (_columns[i].Type)
            {
                case ColumnType.Text: Grow(ref Texts[i], capacity); break;
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
        if (array is null || array.Length < capacity) array = new T[capacity];
    }

    public void Text(int column, string? value) => Texts[column]![Count] = value;
    public void Timestamp(int column, DateTime? value) => Timestamps[column]![Count] = value;
    public void Integer(int column, int? value) => Integers[column]![Count] = value;
    public void Real(int column, double? value) => Reals[column]![Count] = value;
    public void Boolean(int column, bool? value) => Booleans[column]![Count] = value;
    public void Date(int column, DateOnly? value) => Dates[column]![Count] = value;
    public void EndRow() => Count++;

    public void Clear()
    {
        for (var i = 0; i < _columns.Count; i++)
            if (Texts[i] is { } t) Array.Clear(t, 0, Count);
        Count = 0;
    }

    public async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, int i)
    {
        switch (_columns[i].Type)
        {
            case ColumnType.Text: await group.WriteAsync(field, (IReadOnlyCollection<string?>)new ArraySegment<string?>(Texts[i]!, 0, Count)); break;
            case ColumnType.Timestamp: await group.WriteAsync<DateTime>(field, Timestamps[i].AsMemory(0, Count)); break;
            case ColumnType.Integer: await group.WriteAsync<int>(field, Integers[i].AsMemory(0, Count)); break;
            case ColumnType.Real: await group.WriteAsync<double>(field, Reals[i].AsMemory(0, Count)); break;
            case ColumnType.Boolean: await group.WriteAsync<bool>(field, Booleans[i].AsMemory(0, Count)); break;
            case ColumnType.Date:
                var days = new DateTime?[Count];
                for (var r = 0; r < Count; r++) days[r] = Dates[i]![r]?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                await group.WriteAsync<DateTime>(field, days.AsMemory());
                break;
        }
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
