namespace SoftSkills.Data.Connectors;

/// <summary>
/// The people an export names, by source id: whether each is an employee (a person of the organisation) or an outside
/// party (a customer, a guest), the names and addresses by which text may mention them (read for redaction, never
/// written), and how often each acted in each container (channel, project), from which their team is derived.
/// </summary>
public sealed class PersonDirectory
{
    sealed class Person
    {
        public bool Employee;
        public readonly HashSet<string> Names = new(StringComparer.Ordinal);
        public readonly HashSet<string> Emails = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, long>? Activity;
    }

    readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    Person Get(string id) => _people.TryGetValue(id, out var p) ? p : _people[id] = new Person();

    /// <summary>Records a person and the names or addresses known for them (blank values are ignored).</summary>
    public void Add(string id, bool employee, IEnumerable<string?> names, IEnumerable<string?> emails)
    {
        var p = Get(id);
        p.Employee |= employee;
        foreach (var n in names) if (!string.IsNullOrWhiteSpace(n)) p.Names.Add(n.Trim());
        foreach (var e in emails) if (!string.IsNullOrWhiteSpace(e)) p.Emails.Add(e.Trim());
    }

    public bool IsEmployee(string? id) => id is not null && _people.TryGetValue(id, out var p) && p.Employee;

    public bool Knows(string id) => _people.ContainsKey(id);

    /// <summary>Counts one event of the person in a container (a channel, a team, a project).</summary>
    public void Active(string? id, string container)
    {
        if (id is null || !_people.TryGetValue(id, out var p) || !p.Employee) return;
        p.Activity ??= new Dictionary<string, long>(StringComparer.Ordinal);
        p.Activity[container] = p.Activity.GetValueOrDefault(container) + 1;
    }

    /// <summary>The container with the most of the person's events (ties: the ordinally smallest), or null.</summary>
    public string? BusiestContainer(string id) =>
        _people.TryGetValue(id, out var p) && p.Activity is { Count: > 0 } a
            ? a.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key
            : null;

    public IEnumerable<string> Employees => _people.Where(kv => kv.Value.Employee).Select(kv => kv.Key);

    /// <summary>Employees' names and addresses by source id, and the outside parties' (who become "[person]").</summary>
    internal (Dictionary<string, List<string>> Names, Dictionary<string, List<string>> Emails, List<(List<string> Names, List<string> Emails)> Outsiders) Identities()
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var emails = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var outsiders = new List<(List<string>, List<string>)>();
        foreach (var (id, p) in _people)
            if (p.Employee) { names[id] = [.. p.Names]; emails[id] = [.. p.Emails]; }
            else outsiders.Add(([.. p.Names], [.. p.Emails]));
        return (names, emails, outsiders);
    }
}
