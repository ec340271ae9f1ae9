using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>Assigns each employee to one group of a grouping (organisation, team, employee, role or an <c>attr_*</c> column).</summary>
public sealed class Grouping
{
    /// <summary>The group of employees whose <c>attr_*</c> value is empty.</summary>
    public const string Unknown = "(unknown)";

    readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    readonly List<string> _groups = [];
    readonly int[] _groupOf;
    readonly int[] _teamOf;

    public Grouping(IReadOnlyList<Employee> employees, string groupBy) : this(employees, groupBy, KeyOf(employees, groupBy))
    {
    }

    static Func<Employee, string> KeyOf(IReadOnlyList<Employee> employees, string groupBy)
    {
        Func<Employee, string> key = groupBy switch
        {
            "organisation" or "organization" => _ => "organisation",
            "team" => e => e.TeamId,
            "employee" => e => e.EmployeeId,
            "role" => e => e.Role,
            _ when groupBy.StartsWith("attr_", StringComparison.Ordinal) => e => e.Attribute(groupBy) ?? Unknown,
            _ => throw new ArgumentException($"cannot group by '{groupBy}' (expected organisation, team, employee, role or an attr_* column)"),
        };
        if (groupBy.StartsWith("attr_", StringComparison.Ordinal) && employees.Count > 0 && employees.All(e => e.Attribute(groupBy) is null))
            throw new ArgumentException($"no employee has a value in column '{groupBy}'");
        return key;
    }

    /// <summary>A grouping by any function of the employee (e.g. a pilot's arms by team); <paramref name="groupBy"/> names it in outputs.</summary>
    public Grouping(IReadOnlyList<Employee> employees, string groupBy, Func<Employee, string> key)
    {
        GroupBy = groupBy;
        _groupOf = new int[employees.Count];
        _teamOf = new int[employees.Count];
        var teams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < employees.Count; i++)
        {
            var e = employees[i];
            _index[e.EmployeeId] = i;
            _groupOf[i] = GroupIndex(key(e));
            if (!teams.TryGetValue(e.TeamId, out var t)) teams[e.TeamId] = t = teams.Count;
            _teamOf[i] = t;
        }
        Members = new int[_groups.Count];
        foreach (var g in _groupOf) Members[g]++;
    }

    int GroupIndex(string name)
    {
        if (_groupIndex.TryGetValue(name, out var g)) return g;
        _groupIndex[name] = g = _groups.Count;
        _groups.Add(name);
        return g;
    }

    public string GroupBy { get; }

    /// <summary>The index of a group by name, or -1.</summary>
    public int GroupIndexOf(string name) => _groupIndex.TryGetValue(name, out var g) ? g : -1;
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>Number of employees in each group.</summary>
    public int[] Members { get; }

    /// <summary>The index of an employee, or -1 for an outside party.</summary>
    public int EmployeeIndex(string? id) => id is not null && _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>True when employee i of this grouping is <paramref name="ids"/>[i] for every i.</summary>
    public bool NumbersInOrder(IReadOnlyList<string> ids)
    {
        if (ids.Count != _groupOf.Length) return false;
        for (var i = 0; i < ids.Count; i++) if (!_index.TryGetValue(ids[i], out var e) || e != i) return false;
        return true;
    }

    /// <summary>True when both groupings number the same employees alike.</summary>
    public bool SameEmployees(Grouping other) =>
        other.EmployeeCount == EmployeeCount && _index.Count == other._index.Count && _index.All(kv => other._index.TryGetValue(kv.Key, out var i) && i == kv.Value);

    public int GroupOf(int employee) => _groupOf[employee];
    public int EmployeeCount => _groupOf.Length;
    public int TeamOf(int employee) => _teamOf[employee];
}
