using System.Text;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Csv;

/// <summary>Reads and writes a table as RFC 4180 CSV with a header row.</summary>
public static class CsvTable
{
    /// <summary>The header of a CSV file (for discovering <c>attr_*</c> columns).</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var records = CsvRecordReader.Open(path);
        var header = new List<string>();
        return records.Read(header) ? header : [];
    }

    /// <summary>Streams the rows of a CSV file, validating each; strict mode throws on the first bad row.</summary>
    public static IEnumerable<T> Read<T>(string path, TableCodec<T> codec, ReadOptions options, ReadReport report)
    {
        var name = Path.GetFileName(path);
        using var records = CsvRecordReader.Open(path);
        var header = new List<string>();
        if (!records.Read(header))
            throw new DataValidationException(new RowLocation(name, 1, 1, codec.Columns[0].Name), "the file is empty (expected a header row)");
        var map = MapColumns(name, header, codec);
        var source = new CsvCellSource(name, codec.Columns, map);
        var fields = new List<string>(header.Count);
        while (true)
        {
            if (!records.Read(fields)) yield break;
            report.RowsRead++;
            T record;
            try
            {
                if (fields.Count != header.Count)
                    throw new DataValidationException(
                        new RowLocation(name, records.RecordLine, Math.Min(fields.Count, header.Count) + 1, fields.Count < header.Count ? header[fields.Count] : "?"),
                        $"row has {fields.Count} fields, the header has {header.Count}");
                source.Bind(fields, records.RecordLine);
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
    }

    /// <summary>The parsable values of one timestamp column (unparsable cells are left to the validating read).</summary>
    public static IEnumerable<DateTime> Timestamps(string path, string column)
    {
        using var records = CsvRecordReader.Open(path);
        var fields = new List<string>();
        if (!records.Read(fields)) yield break;
        var index = fields.IndexOf(column);
        if (index < 0) yield break;
        while (true)
        {
            bool more;
            try { more = records.Read(fields); }
            catch (DataValidationException) { yield break; }
            if (!more) yield break;
            if (index < fields.Count && CsvFormat.TryTimestamp(fields[index], out var t)) yield return t;
        }
    }

    static int[] MapColumns<T>(string file, List<string> header, TableCodec<T> codec)
    {
        var map = new int[codec.Columns.Count];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = header.IndexOf(codec.Columns[i].Name);
            if (map[i] < 0)
                throw new DataValidationException(new RowLocation(file, 1, header.Count + 1, codec.Columns[i].Name),
                    $"missing column '{codec.Columns[i].Name}' in the header");
        }
        return map;
    }

    /// <summary>Writes rows as CSV to a stream (the caller makes the write atomic).</summary>
    public static long Write<T>(Stream stream, TableCodec<T> codec, IEnumerable<T> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", codec.Columns.Select(c => CsvFormat.Escape(c.Name))));
        var sink = new CsvCellSink(writer, codec.Columns.Count);
        long n = 0;
        foreach (var row in rows)
        {
            codec.Write(row, sink);
            n++;
        }
        writer.Flush();
        return n;
    }

    sealed class CsvCellSource(string file, IReadOnlyList<ColumnDef> columns, int[] map) : ICellSource
    {
        List<string> _fields = [];
        long _line;

        public void Bind(List<string> fields, long line) { _fields = fields; _line = line; }

        string Raw(int column) => _fields[map[column]];

        public string? Text(int column)
        {
            var s = Raw(column);
            return s.Length == 0 ? null : CsvFormat.Unescape(s);
        }

        public DateTime? Timestamp(int column) => Parse<DateTime>(column, CsvFormat.TryTimestamp, "timestamp (expected ISO 8601 UTC, e.g. 2026-01-05T09:30:00Z)");
        public int? Integer(int column) => Parse<int>(column, CsvFormat.TryInteger, "integer");
        public double? Real(int column) => Parse<double>(column, CsvFormat.TryReal, $"number (finite, at most {SizeLimits.LargestMeasurement:G} in size)");
        public bool? Boolean(int column) => Parse<bool>(column, CsvFormat.TryBoolean, "boolean (true|false)");
        public DateOnly? Date(int column) => Parse<DateOnly>(column, CsvFormat.TryDate, "date (yyyy-MM-dd)");

        delegate bool TryParse<TValue>(string text, out TValue value);

        TValue? Parse<TValue>(int column, TryParse<TValue> parse, string expected) where TValue : struct
        {
            var s = Raw(column);
            if (s.Length == 0) return null;
            return parse(s, out var v) ? v : throw Error(column, $"bad {expected}: '{s}'");
        }

        public Exception Error(int column, string reason) =>
            new DataValidationException(new RowLocation(file, _line, map[column] + 1, columns[column].Name), reason);
    }

    sealed class CsvCellSink(StreamWriter writer, int count) : ICellSink
    {
        readonly string?[] _cells = new string?[count];

        public void Text(int column, string? value) => _cells[column] = value is null ? null : CsvFormat.Escape(value);
        public void Timestamp(int column, DateTime? value) => _cells[column] = value is { } v ? CsvFormat.Timestamp(v) : null;
        public void Integer(int column, int? value) => _cells[column] = value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public void Real(int column, double? value) => _cells[column] = value is { } v ? CsvFormat.Real(v) : null;
        public void Boolean(int column, bool? value) => _cells[column] = value is { } v ? CsvFormat.Boolean(v) : null;
        public void Date(int column, DateOnly? value) => _cells[column] = value is { } v ? CsvFormat.Date(v) : null;

        public void EndRow()
        {
            for (var i = 0; i < _cells.Length; i++)
            {
                if (i > 0) writer.Write(',');
                writer.Write(_cells[i]);
                _cells[i] = null;
            }
            writer.Write('\n');
        }
    }
}
