using System.Text.RegularExpressions;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Privacy;

/// <summary>
/// The names and e-mail addresses an export gives for its employees (columns such as <c>name</c>, <c>full_name</c>,
/// <c>email</c>, or <c>attr_*</c> columns that hold them): used only to find people in free text, never written.
/// </summary>
public sealed partial class IdentityColumns
{
    /// <summary>Columns of the employees table that name a person or give their address (read for redaction only).</summary>
    public static readonly string[] Known = ["name", "full_name", "display_name", "real_name", "first_name", "last_name", "email", "e_mail", "mail"];

    /// <summary>Per employee id: the full names and e-mail addresses known for them.</summary>
    public IReadOnlyDictionary<string, List<string>> Names { get; }
    public IReadOnlyDictionary<string, List<string>> Emails { get; }

    IdentityColumns(Dictionary<string, List<string>> names, Dictionary<string, List<string>> emails) => (Names, Emails) = (names, emails);

    public static IdentityColumns Read(string employeesFile, IReadOnlyList<Employee> employees, IReadOnlyList<string> attributeColumns, ReadOptions options)
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var emails = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(Dictionary<string, List<string>> into, string id, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            (into.TryGetValue(id, out var l) ? l : into[id] = []).Add(value.Trim());
        }
        var header = TableFile.Header(employeesFile);
        var present = Known.Where(header.Contains).ToList();
        if (present.Count > 0)
        {
            var codec = new IdentityCodec(present);
            foreach (var (id, values) in TableFile.Read(employeesFile, codec, options))
                for (var i = 0; i < present.Count; i++)
                {
                    var v = values[i];
                    if (v is null) continue;
                    if (IsEmail(v)) Add(emails, id, v);
                    else if (present[i] is "first_name" or "last_name") Add(names, id, v);
                    else Add(names, id, v);
                }
        }
        foreach (var c in attributeColumns)
            if (LooksIdentifying(c, employees.Select(e => e.Attribute(c))) is not null)
                foreach (var e in employees)
                    if (e.Attribute(c) is { } v) Add(IsEmail(v) ? emails : names, e.EmployeeId, v);
        return new IdentityColumns(names, emails);
    }

    /// <summary>Why a column's name or values suggest it identifies people, or null.</summary>
    public static string? LooksIdentifying(string column, IEnumerable<string?> values)
    {
        var name = column.StartsWith("attr_", StringComparison.Ordinal) ? column[5..] : column;
        name = name.ToLowerInvariant();
        if (name.Contains("mail")) return "e-mail addresses";
        if (name.Contains("name")) return "personal names";
        if (name.Contains("phone")) return "phone numbers";
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (list.Count == 0) return null;
        if (list.Any(IsEmail)) return "e-mail addresses";
        var distinct = list.Distinct(StringComparer.Ordinal).Count();
        if (list.Count(v => PersonName().IsMatch(v)) * 2 >= list.Count && distinct * 2 >= list.Count) return "personal names";
        if (list.Count >= 10 && distinct == list.Count) return "a different value for every person (an identifier)";
        return null;
    }

    public static bool IsEmail(string value) => Email().IsMatch(value.Trim());

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’\-]+(\s+\p{Lu}\.?)?(\s+\p{Lu}[\p{L}'’\-]+)+$")]
    private static partial Regex PersonName();

    sealed class IdentityCodec(IReadOnlyList<string> columns) : TableCodec<(string Id, string?[] Values)>
    {
        readonly ColumnDef[] _columns = [new("employee_id", ColumnType.Text, true), .. columns.Select(c => new ColumnDef(c, ColumnType.Text))];
        public override string Table => "employees";
        public override IReadOnlyList<ColumnDef> Columns => _columns;
        public override (string, string?[]) Read(ICellSource row) => (Required(row, 0, "employee_id"), Enumerable.Range(1, columns.Count).Select(row.Text).ToArray());
        public override void Write((string Id, string?[] Values) record, ICellSink sink) => throw new NotSupportedException("identity columns are never written");
    }
}
