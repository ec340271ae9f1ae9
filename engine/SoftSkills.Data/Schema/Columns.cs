namespace SoftSkills.Data.Schema;

/// <summary>The physical type of a column, shared by the CSV and Parquet formats.</summary>
public enum ColumnType { Text, Timestamp, Integer, Real, Boolean, Date }

/// <summary>A column of a table: its name, type, and whether every row must carry a value.</summary>
public sealed record ColumnDef(string Name, ColumnType Type, bool Required = false);

/// <summary>Reads the cells of one row by column index; each accessor raises a located error on a bad value.</summary>
public interface ICellSource
{
    /// <summary>The cell's text, or null when empty.</summary>
    string? Text(int column);
    DateTime? Timestamp(int column);
    int? Integer(int column);
    double? Real(int column);
    bool? Boolean(int column);
    DateOnly? Date(int column);

    /// <summary>An error located at this row and column.</summary>
    Exception Error(int column, string reason);
}

/// <summary>Receives the cells of one row by column index.</summary>
public interface ICellSink
{
    void Text(int column, string? value);
    /// <summary>A text cell given as UTF-8 (a producer that formats its own identifiers need not make strings).</summary>
    void Utf8(int column, ReadOnlySpan<byte> value) => Text(column, System.Text.Encoding.UTF8.GetString(value));
    void Timestamp(int column, DateTime? value);
    void Integer(int column, int? value);
    void Real(int column, double? value);
    void Boolean(int column, bool? value);
    void Date(int column, DateOnly? value);
    void EndRow();
}

/// <summary>Maps a record type to the columns of its table, both ways, validating each row on the way in.</summary>
public abstract class TableCodec<T>
{
    /// <summary>The table name, as used for file names (<c>events.csv</c>, <c>events.parquet</c>).</summary>
    public abstract string Table { get; }

    public abstract IReadOnlyList<ColumnDef> Columns { get; }

    /// <summary>Builds a record from a row, raising located errors through <paramref name="row"/>.</summary>
    public abstract T Read(ICellSource row);

    public abstract void Write(T record, ICellSink sink);

    /// <summary>The required value of a column, or a located error.</summary>
    protected static string Required(ICellSource row, int column, string name) =>
        row.Text(column) ?? throw row.Error(column, $"{name} is empty");

    protected static TEnum ParseEnum<TEnum>(ICellSource row, int column) where TEnum : struct, Enum =>
        ParseOptionalEnum<TEnum>(row, column) ?? throw row.Error(column, $"missing value (expected {EnumNames.Accepted<TEnum>()})");

    protected static TEnum? ParseOptionalEnum<TEnum>(ICellSource row, int column) where TEnum : struct, Enum
    {
        var text = row.Text(column);
        if (text is null) return null;
        return EnumNames.TryParse<TEnum>(text, out var value)
            ? value
            : throw row.Error(column, $"unknown value '{text}' (expected {EnumNames.Accepted<TEnum>()})");
    }
}
