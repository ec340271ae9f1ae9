using System.Text.Json.Nodes;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Privacy;

/// <summary>What to do with the <c>attr_*</c> columns of an import, and how strictly to read.</summary>
public sealed record ImportOptions
{
    public ReadOptions Read { get; init; } = ReadOptions.Strict;
    /// <summary>Columns left out of the output.</summary>
    public IReadOnlySet<string> DropAttributes { get; init; } = new HashSet<string>();
    /// <summary>Columns whose values are replaced by pseudonyms under the key (still usable for linking, not for reading).</summary>
    public IReadOnlySet<string> PseudonymiseAttributes { get; init; } = new HashSet<string>();
    /// <summary>Columns kept as they are although they look identifying (the user says they are not).</summary>
    public IReadOnlySet<string> KeepAttributes { get; init; } = new HashSet<string>();
    /// <summary>Write CSV (for R and Python users) instead of Parquet.</summary>
    public bool Csv { get; init; }
}

/// <summary>An attribute column that looks identifying and was not told what to do: the import refuses it.</summary>
public sealed class IdentifyingColumnException(string file, int columnNumber, string column, string why)
    : DataValidationException(new RowLocation(file, 1, columnNumber, column), $"column '{column}' looks like it holds {why}: give --drop-attr {column} or --pseudonymise-attr {column} (or --keep-attr {column} if it does not identify anyone)");

/// <summary>What an import wrote: rows per table, rows skipped by lenient reading (by table), the columns dropped or pseudonymised, and the names redacted in texts.</summary>
public sealed record ImportResult(IReadOnlyDictionary<string, ReadReport> Tables, IReadOnlyList<string> DroppedColumns, IReadOnlyList<string> PseudonymisedColumns, long TextsRedacted);

/// <summary>
/// Imports a folder of real exports: validates every row, pseudonymises every person identifier, decides the fate of each
/// <c>attr_*</c> column (a column that looks like names or e-mail addresses is refused unless told), replaces the names and
/// e-mail addresses of employees found in free text with their pseudonyms, and writes the output folder all or nothing
/// (a re-import replaces the whole folder, so no stale table survives) with a manifest of what it wrote.
/// </summary>
public static class Importer
{
    public static ImportResult Import(string from, string to, Pseudonymiser pseudonymiser, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var source = new DataFolder(from, options.Read);
        var employeesFile = source.FileOf("employees") ?? throw new DataValidationException(new RowLocation(Path.Combine(from, "employees.csv"), 0, 0, "-"), "the data folder has no employees.csv or employees.parquet");
        var employees = source.Employees();
        var identities = IdentityColumns.Read(employeesFile, employees, source.AttributeColumns(), options.Read);
        var (keep, pseudonymised, dropped) = Decide(employeesFile, source.AttributeColumns(), employees, identities, options);
        var redactor = new TextRedactor(employees, identities, pseudonymiser);
        var ids = source.EmployeeIds();
        var ext = options.Csv ? ".csv" : ".parquet";

        using var folder = new AtomicFolder(to);
        string Out(string table) => Path.Combine(folder.Path, table + ext);
        var rows = new Dictionary<string, long>();
        using (var outputs = new AtomicOutputs())
        {
            var outColumns = keep.Concat(pseudonymised).Where(c => !dropped.Contains(c)).OrderBy(c => source.AttributeColumns().ToList().IndexOf(c)).ToList();
            rows["employees" + ext] = TableFile.Write(outputs, Out("employees"), new EmployeeCodec(outColumns),
                employees.Select(e => pseudonymiser.Apply(e) with { Attributes = Attributes(e, outColumns, pseudonymised, pseudonymiser) }));
            rows["events" + ext] = TableFile.Write(outputs, Out("events"), new EventCodec(), source.Events().Select(e =>
            {
                var p = pseudonymiser.Apply(e);
                return p.Text is { } t ? p with { Text = redactor.Redact(t) } : p;
            }));
            if (source.FileOf("ratings") is not null)
                rows["ratings" + ext] = TableFile.Write(outputs, Out("ratings"), new RatingCodec(), source.Ratings().Select(r => pseudonymiser.Apply(r, ids)));
            if (source.FileOf("outcomes") is not null)
                rows["outcomes" + ext] = TableFile.Write(outputs, Out("outcomes"), new OutcomeCodec(), source.Outcomes().Select(pseudonymiser.Apply));
            if (source.FileOf("interventions") is not null)
                rows["interventions" + ext] = TableFile.Write(outputs, Out("interventions"), new InterventionCodec(), source.Interventions().Select(pseudonymiser.Apply));
            if (source.FileOf("truth") is not null)
                rows["truth" + ext] = TableFile.Write(outputs, Out("truth"), new TruthCodec(), source.Truth().Select(pseudonymiser.Apply));
            outputs.Commit();
        }
        // Every event id was checked for duplicates on the way in: the manifest vouches for them while the file is unchanged.
        FolderManifest.Write(folder.Path, rows, new Dictionary<string, string> { ["events" + ext] = "event_id" },
            new JsonObject { ["written_by"] = "softskills import", ["pseudonymised"] = true });
        folder.Commit();
        return new ImportResult(source.Reports, dropped.Order(StringComparer.Ordinal).ToList(), pseudonymised.Order(StringComparer.Ordinal).ToList(), redactor.Redacted);
    }

    static IReadOnlyDictionary<string, string> Attributes(Employee e, IReadOnlyList<string> columns, IReadOnlySet<string> pseudonymised, Pseudonymiser p)
    {
        var attrs = new Dictionary<string, string>();
        foreach (var c in columns)
            if (e.Attribute(c) is { } v) attrs[c] = pseudonymised.Contains(c) ? p.Of(c + ":" + v) : v;
        return attrs;
    }

    /// <summary>Each attribute column's fate; a column that looks identifying and was not told about is an error naming it.</summary>
    static (List<string> Keep, HashSet<string> Pseudonymised, HashSet<string> Dropped) Decide(string file, IReadOnlyList<string> columns,
        IReadOnlyList<Employee> employees, IdentityColumns identities, ImportOptions options)
    {
        var header = TableFile.Header(file);
        foreach (var c in options.DropAttributes.Concat(options.PseudonymiseAttributes).Concat(options.KeepAttributes))
            if (!columns.Contains(c)) throw new DataValidationException(new RowLocation(Path.GetFileName(file), 1, header.Count + 1, c), $"there is no column '{c}' to drop, pseudonymise or keep");
        var keep = new List<string>();
        var pseudonymised = new HashSet<string>(options.PseudonymiseAttributes);
        var dropped = new HashSet<string>(options.DropAttributes);
        foreach (var c in columns)
        {
            if (dropped.Contains(c) || pseudonymised.Contains(c)) continue;
            if (!options.KeepAttributes.Contains(c) && IdentityColumns.LooksIdentifying(c, employees.Select(e => e.Attribute(c))) is { } why)
                throw new IdentifyingColumnException(Path.GetFileName(file), header.ToList().IndexOf(c) + 1, c, why);
            keep.Add(c);
        }
        return (keep, pseudonymised, dropped);
    }
}
