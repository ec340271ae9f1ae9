using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// The groupings of people that the outputs of one data folder publish from (docs/design.md, "Privacy"): the
/// organisation, teams, roles and segment attributes, and teams crossed with each segment column. Every output (a `kpis`
/// run, the dashboard) applies disclosure control over all of them, so values printed by different runs cannot be
/// subtracted from one another either. An <c>attr_*</c> column is a segment only when each of its values is held by at
/// least the minimum number of people: a column of names or e-mail addresses never becomes one.
/// </summary>
public sealed class GroupingUniverse
{
    /// <summary>Separates a team from a segment value in the names of crossed groups.</summary>
    public const char Separator = '\u001f';

    readonly IReadOnlyList<Employee> _employees;
    readonly List<Grouping> _groupings = [];

    GroupingUniverse(IReadOnlyList<Employee> employees, IReadOnlyList<string> attributeColumns, int minimum)
    {
        _employees = employees;
        Minimum = minimum;
        var segments = new List<string> { "role" };
        var rejected = new List<string>();
        foreach (var column in attributeColumns)
            (IsSegment(employees, column, minimum) ? segments : rejected).Add(column);
        SegmentColumns = segments;
        RejectedColumns = rejected;
        _groupings.Add(new Grouping(employees, "organisation"));
        _groupings.Add(new Grouping(employees, "team"));
        foreach (var c in segments) _groupings.Add(new Grouping(employees, c));
        foreach (var c in segments) _groupings.Add(Crossed(employees, c));
    }

    public static GroupingUniverse Of(IReadOnlyList<Employee> employees, IReadOnlyList<string> attributeColumns, int minimum) =>
        new(employees, attributeColumns, minimum);

    public int Minimum { get; }

    /// <summary><c>role</c> and the <c>attr_*</c> columns whose every value is held by at least the minimum number of people.</summary>
    public IReadOnlyList<string> SegmentColumns { get; }

    /// <summary><c>attr_*</c> columns with a value held by fewer people: they may identify someone and are never shown.</summary>
    public IReadOnlyList<string> RejectedColumns { get; }

    /// <summary>Organisation, team, each segment column, then team × each segment column (named <c>team+COLUMN</c>).</summary>
    public IReadOnlyList<Grouping> Groupings => _groupings;

    /// <summary>True when every value of the column (an empty value counts as "(unknown)") is held by at least <paramref name="minimum"/> people.</summary>
    public static bool IsSegment(IReadOnlyList<Employee> employees, string column, int minimum) =>
        employees.GroupBy(e => e.Attribute(column) ?? Grouping.Unknown).All(g => g.Count() >= minimum);

    /// <summary>Team × a segment column: groups named <c>TEAM␟VALUE</c>.</summary>
    public static Grouping Crossed(IReadOnlyList<Employee> employees, string column) =>
        new(employees, "team+" + column, e => e.TeamId + Separator + (column == "role" ? e.Role : e.Attribute(column) ?? Grouping.Unknown));

    /// <summary>
    /// The grouping a run asks for: one of the universe's, or (for <c>employee</c>, or any grouping when suppression is
    /// off) a new one. An attribute that is not a segment is refused with the reason.
    /// </summary>
    public Grouping For(string groupBy)
    {
        if (_groupings.FirstOrDefault(g => g.GroupBy == groupBy || groupBy == "organization" && g.GroupBy == "organisation") is { } known) return known;
        if (RejectedColumns.Contains(groupBy))
            throw new ArgumentException($"{groupBy} cannot be used to group people: some of its values are held by fewer than {Minimum} people, so it may identify them (lower --min-group-size only for data that is not about people)");
        return new Grouping(_employees, groupBy);
    }

    /// <summary>
    /// Pairs (parent, child) of groupings whose groups may lie inside one another: the organisation holds every group;
    /// a team and a segment each hold their crossed groups; a team may hold a whole segment value and vice versa.
    /// Indices refer to <paramref name="groupings"/>.
    /// </summary>
    public static IEnumerable<(int Parent, int Child)> Nesting(IReadOnlyList<Grouping> groupings)
    {
        int Find(string name)
        {
            for (var i = 0; i < groupings.Count; i++) if (groupings[i].GroupBy == name) return i;
            return -1;
        }
        var org = Find("organisation");
        var team = Find("team");
        for (var i = 0; i < groupings.Count; i++)
        {
            var name = groupings[i].GroupBy;
            if (i == org) continue;
            if (org >= 0) yield return (org, i);
            if (name.StartsWith("team+", StringComparison.Ordinal))
            {
                if (team >= 0) yield return (team, i);
                if (Find(name["team+".Length..]) is var segment and >= 0) yield return (segment, i);
            }
            else if (i != team && team >= 0)
            {
                yield return (team, i);
                yield return (i, team);
            }
        }
    }

    /// <summary>The label a crossed group shows: its segment value.</summary>
    public static string SegmentValue(string crossedGroup) => crossedGroup[(crossedGroup.IndexOf(Separator) + 1)..];

    /// <summary>The team of a crossed group.</summary>
    public static string TeamOf(string crossedGroup) => crossedGroup[..crossedGroup.IndexOf(Separator)];
}
