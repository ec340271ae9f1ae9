using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Files;

/// <summary>
/// A folder of tables (docs/design.md §2), each as <c>NAME.parquet</c> or <c>NAME.csv</c>. Employees are small and read whole;
/// events stream. Every read validates, and events are checked against the employees read first.
/// </summary>
public sealed class DataFolder
{
    public static readonly string[] TableNames = ["employees", "events", "ratings", "outcomes", "interventions", "truth"];

    public DataFolder(string path, ReadOptions? options = null)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"data folder '{path}' does not exist");
        Path = path;
        Options = options ?? ReadOptions.Strict;
    }

    public string Path { get; }
    public ReadOptions Options { get; }

    /// <summary>Rows read and rejected by the latest read of each table.</summary>
    public Dictionary<string, ReadReport> Reports { get; } = [];

    /// <summary>The file holding a table, or null when the folder has none.</summary>
    public string? FileOf(string table)
    {
        foreach (var ext in new[] { ".parquet", ".csv" })
        {
            var candidate = System.IO.Path.Combine(Path, table + ext);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    string Require(string table) =>
        FileOf(table) ?? throw new DataValidationException(
            new RowLocation(System.IO.Path.Combine(Path, table + ".csv"), 0, 0, "-"), $"the data folder has no {table}.csv or {table}.parquet");

    ReadReport ReportFor(string table) => Reports[table] = new ReadReport();

    IReadOnlyList<Employee>? _employees;
    IReadOnlySet<string>? _employeeIds;

    /// <summary>All employees (read once and kept: the table is small).</summary>
    public IReadOnlyList<Employee> Employees()
    {
        if (_employees is not null) return _employees;
        var file = Require("employees");
        var codec = new EmployeeCodec(EmployeeCodec.AttributesIn(TableFile.Header(file)));
        _employees = TableFile.Read(file, codec, Options, ReportFor("employees")).ToList();
        _employeeIds = _employees.Select(e => e.EmployeeId).ToHashSet(StringComparer.Ordinal);
        return _employees;
    }

    public IReadOnlySet<string> EmployeeIds()
    {
        Employees();
        return _employeeIds!;
    }

    /// <summary>The <c>attr_*</c> columns of the employees table.</summary>
    public IReadOnlyList<string> AttributeColumns() => EmployeeCodec.AttributesIn(TableFile.Header(Require("employees")));

    bool? _uniqueEvents;

    /// <summary>
    /// Streams events, checking actors, counterparts and teams against employees, and ids for duplicates unless the folder's
    /// manifest (written by softskills) vouches for them and the file is unchanged.
    /// </summary>
    public IEnumerable<Event> Events()
    {
        var file = Require("events");
        _uniqueEvents ??= FolderManifest.TrustsUniqueIds(Path, file, "event_id");
        var checks = new EventChecks(EmployeeIds(), checkDuplicates: !_uniqueEvents.Value, TeamIds());
        var events = TableFile.Read(file, new EventCodec(checks), Options, ReportFor("events"));
        return FileOf("ratings") is { } ratings && !Options.Lenient ? CheckingRatedItems(events, ratings) : events;
    }

    /// <summary>
    /// A column-wise reader of the events (<see cref="Parquet.EventColumnReader"/>) when the folder allows one: a Parquet file,
    /// a strict read, and event ids the manifest vouches for. Null otherwise, and the caller reads <see cref="Events"/>.
    /// Every RES rating's item must name an event, as in <see cref="Events"/>. After the reader's last chunk, call
    /// <see cref="CompleteColumnarRead"/> so the data-quality counts match a row-by-row read.
    /// </summary>
    public Parquet.EventColumnReader? ColumnarEvents(IReadOnlyDictionary<string, int>? itemValues)
    {
        var file = Require("events");
        if (Options.Lenient || !TableFile.IsParquet(file)) return null;
        _uniqueEvents ??= FolderManifest.TrustsUniqueIds(Path, file, "event_id");
        if (!_uniqueEvents.Value) return null;
        var rated = FileOf("ratings") is { } ratings
            ? TableFile.Read(ratings, new RatingCodec(), Options, new ReadReport()).Where(r => r.Kpi == Kpi.Res).Select(r => r.ItemId).Distinct(StringComparer.Ordinal).ToList()
            : null;
        return new Parquet.EventColumnReader(file, Employees().Select(e => e.EmployeeId).ToList(), TeamIds(), itemValues, rated);
    }

    /// <summary>Records a finished column-wise read of the events in the data-quality counts.</summary>
    public void CompleteColumnarRead(Parquet.EventColumnReader reader)
    {
        var report = ReportFor("events");
        report.RowsRead = report.RowsAccepted = reader.Rows;
        report.Columnar = true;
    }

    /// <summary>
    /// Passes the events through; once all are read, a RES rating whose item names no event is an error at the rating's
    /// row (found by reading the ratings again, so a valid folder pays only for one set of rated ids).
    /// </summary>
    IEnumerable<Event> CheckingRatedItems(IEnumerable<Event> events, string ratingsFile)
    {
        var unmatched = TableFile.Read(ratingsFile, new RatingCodec(), Options, new ReadReport())
            .Where(r => r.Kpi == Kpi.Res).Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var e in events)
        {
            unmatched.Remove(e.EventId);
            yield return e;
        }
        if (unmatched.Count > 0)
            foreach (var _ in TableFile.Read(ratingsFile, new RatingCodec(unmatched), Options, new ReadReport())) { }
    }

    IReadOnlySet<string>? _teamIds;

    /// <summary>The teams of the employees.</summary>
    public IReadOnlySet<string> TeamIds() => _teamIds ??= Employees().Select(e => e.TeamId).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The first and last day with events (UTC), found before the events are read (Parquet statistics, or one pass over
    /// the timestamp column), so one read can compute windows that depend on them. Null when there are no events.
    /// </summary>
    public (DateOnly First, DateOnly Last)? EventDays()
    {
        var file = Require("events");
        DateTime? min = null, max = null;
        if (TableFile.IsParquet(file))
        {
            if (Parquet.ParquetTable.TimestampSpan(file, "timestamp") is { } span) (min, max) = (span.Min, span.Max);
        }
        else
            foreach (var t in Csv.CsvTable.Timestamps(file, "timestamp"))
            {
                if (min is null || t < min) min = t;
                if (max is null || t > max) max = t;
            }
        if (min is { } a && max is { } b) return (DateOnly.FromDateTime(a), DateOnly.FromDateTime(b));
        foreach (var _ in Events()) break;   // no timestamp read: the validating read names what is wrong (a missing column, a bad cell)
        return null;
    }

    public IEnumerable<Rating> Ratings() => Optional("ratings", new RatingCodec());
    public IEnumerable<Outcome> Outcomes() => Optional("outcomes", new OutcomeCodec());
    public IEnumerable<Intervention> Interventions() => Optional("interventions", new InterventionCodec());
    public IEnumerable<TruthRow> Truth() => Optional("truth", new TruthCodec());

    IEnumerable<T> Optional<T>(string table, TableCodec<T> codec) =>
        FileOf(table) is { } file ? TableFile.Read(file, codec, Options, ReportFor(table)) : [];

    /// <summary>All per-table reports added up.</summary>
    public ReadReport TotalReport()
    {
        var total = new ReadReport();
        foreach (var r in Reports.Values) total.Merge(r);
        return total;
    }
}
