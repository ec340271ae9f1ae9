using System.Globalization;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// Any CSV export, read through a mapping file (docs/design.md §15.6) that names which column, fixed value or template
/// fills each field of our employees and events tables.
/// </summary>
public static class MappedCsv
{
    static readonly string[] EmployeeFields = ["employee_id", "team_id", "manager_id", "role", "tenure_months"];
    static readonly string[] EventFields =
        ["event_id", "timestamp", "kind", "actor_id", "counterpart_id", "team_id", "thread_id", "channel", "text", "response_to", "decision_type",
         "outcome", "reversed", "handoff_accepted", "context_complete", "reworked", "duration_minutes"];

    sealed record Table(string File, string Display, IReadOnlyList<string> Header, Dictionary<string, MappingSpec> Fields, Dictionary<string, MappingSpec> Identity);

    public static ConnectorOutput Read(string root, string mappingPath)
    {
        var mapping = JsonRecord.Load(mappingPath, Path.GetFileName(mappingPath));
        if (mapping.Kind != System.Text.Json.JsonValueKind.Object) throw mapping.Error("expected an object with employees and events");
        foreach (var p in mapping.Element.EnumerateObject())
            if (p.Name is not ("mapping_version" or "description" or "employees" or "events")) throw mapping.Error($"unknown key '{p.Name}'");
        if (mapping.String("mapping_version") != "1") throw mapping.Error("mapping_version must be 1");
        var staff = Parse(root, mapping.Required("employees"), EmployeeFields, ["employee_id", "team_id", "role"], identity: true);
        var log = Parse(root, mapping.Required("events"), EventFields, ["event_id", "timestamp", "kind", "channel"], identity: false);

        var people = new PersonDirectory();
        var roster = new List<Employee>();
        var teamOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cell, line, error) in Rows(staff))
        {
            string? Value(string field) => staff.Fields.TryGetValue(field, out var s) ? s.Evaluate(cell, line, null).Value : null;
            var id = Value("employee_id") ?? throw error(staff.Fields["employee_id"], "employee_id is missing");
            if (teamOf.ContainsKey(id)) throw error(staff.Fields["employee_id"], $"employee '{id}' appears twice");
            var team = Value("team_id") ?? throw error(staff.Fields["team_id"], "team_id is missing");
            var role = Value("role") ?? throw error(staff.Fields["role"], "role is missing");
            var tenure = 0;
            if (staff.Fields.TryGetValue("tenure_months", out var ts) && ts.Evaluate(cell, line, null).Value is { } t)
                tenure = ts.MonthsUntil is not null ? ts.Months(t, m => error(ts, m))
                    : int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1200 ? n : throw error(ts, $"'{t}' is not a whole number of months");
            var attributes = staff.Fields.Keys.Where(f => f.StartsWith("attr_", StringComparison.Ordinal))
                .Select(f => (f, v: Value(f))).Where(x => x.v is not null).ToDictionary(x => x.f, x => x.v!);
            roster.Add(new Employee(id, team, Value("manager_id"), role, tenure, attributes));
            teamOf[id] = team;
            people.Add(id, true, staff.Identity.Where(i => i.Key != "email").Select(i => i.Value.Evaluate(cell, line, null).Value),
                staff.Identity.Where(i => i.Key == "email").Select(i => i.Value.Evaluate(cell, line, null).Value));
        }
        foreach (var attribute in staff.Fields.Keys.Where(f => f.StartsWith("attr_", StringComparison.Ordinal)))
            if (IdentityColumns.LooksIdentifying(attribute, roster.Select(e => e.Attribute(attribute))) is { } why)
                throw mapping.Error($"employees.fields.{attribute} looks like it holds {why}: map it under employees.identity (read for redaction only) or leave it out");

        var summary = new ImportSummary();
        var events = new List<Event>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var teams = teamOf.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var (cell, line, error) in Rows(log))
            if (Event(log, cell, line, error, people, teamOf, teams, summary) is { } e)
            {
                if (!ids.Add(e.EventId)) throw error(log.Fields["event_id"], $"event id '{e.EventId}' appears twice");
                events.Add(e);
            }
        var manager = roster.FirstOrDefault(e => e.ManagerId is { } m && !teamOf.ContainsKey(m));
        if (manager is not null) throw new DataValidationException(new RowLocation(staff.Display, 0, 0, "-"), $"manager '{manager.ManagerId}' of '{manager.EmployeeId}' is not an employee");
        return new ConnectorOutput(roster, people, [events], [], summary);
    }

    static Event? Event(Table log, Func<string, string?> cell, long line, Func<MappingSpec, string, Exception> error, PersonDirectory people,
        Dictionary<string, string> teamOf, HashSet<string> teams, ImportSummary summary)
    {
        var kindSpec = log.Fields["kind"];
        var kindResult = kindSpec.Evaluate(cell, line, null);
        if (kindResult.SkipReason is { } r) { summary.Skip(r); return null; }
        var kindText = kindResult.Value ?? throw error(kindSpec, "kind is missing");
        if (!EnumNames.TryParse<EventKind>(kindText, out var kind)) throw error(kindSpec, $"'{kindText}' is not an event kind ({string.Join(", ", Enum.GetValues<EventKind>().Select(EnumNames.Of))})");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in EventFields.Where(f => f != "kind" && log.Fields.ContainsKey(f)))
        {
            var result = log.Fields[field].Evaluate(cell, line, kindText);
            if (result.SkipReason is { } reason) { summary.Skip(reason); return null; }
            values[field] = result.Value;
        }
        string? V(string f) => values.GetValueOrDefault(f);
        var actor = V("actor_id");
        if (actor is null || !people.IsEmployee(actor))
        {
            if (kind != EventKind.Request) { summary.Skip("unknown_actor"); return null; }
            actor = null;
        }
        var counterpart = V("counterpart_id");
        if (counterpart == actor || !people.IsEmployee(counterpart)) counterpart = null;
        string team;
        if (V("team_id") is { } mapped)
        {
            if (!teams.Contains(mapped)) { summary.Skip("unknown_team"); return null; }
            team = mapped;
        }
        else if ((actor ?? counterpart) is { } who) team = teamOf[who];
        else { summary.Skip("no_team"); return null; }

        T Parse<T>(string field, Func<string, (bool, T)> parse, string expected)
        {
            var text = V(field)!;
            var (ok, value) = parse(text);
            return ok ? value : throw error(log.Fields[field], $"'{text}' is not {expected}");
        }
        bool? Bool(string f) => V(f) is null ? null : Parse(f, t => (t is "true" or "false", t == "true"), "true or false");
        var channelText = V("channel") ?? throw error(log.Fields["channel"], "channel is missing");
        var eventId = V("event_id") ?? throw error(log.Fields["event_id"], "event_id is missing");
        var timeSpec = log.Fields["timestamp"];
        var timestamp = timeSpec.Time(V("timestamp") ?? throw error(timeSpec, "timestamp is missing"), m => error(timeSpec, m));
        if (!SizeLimits.IsPlausibleYear(timestamp.Year)) throw error(timeSpec, $"{timestamp:yyyy-MM-dd} is not a plausible date");
        return new Event
        {
            EventId = eventId, Timestamp = timestamp, Kind = kind, ActorId = actor, CounterpartId = counterpart, TeamId = team,
            ThreadId = V("thread_id"), Channel = Parse("channel", t => (EnumNames.TryParse<Channel>(t, out var c), c), "a channel (chat, ticket, meeting, task_board, email)"),
            Text = V("text"), ResponseTo = V("response_to"), DecisionType = V("decision_type"),
            Outcome = V("outcome") is null ? null : Parse("outcome", t => (EnumNames.TryParse<DecisionOutcome>(t, out var o), (DecisionOutcome?)o), "good or poor"),
            Reversed = Bool("reversed"), HandoffAccepted = Bool("handoff_accepted"), ContextComplete = Bool("context_complete"), Reworked = Bool("reworked"),
            DurationMinutes = V("duration_minutes") is null ? null : Parse("duration_minutes",
                t => (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d is >= 0 and <= 1e6, (double?)d), "a duration in minutes"),
        };
    }

    static Table Parse(string root, JsonRecord table, string[] known, string[] required, bool identity)
    {
        Object(table);
        foreach (var p in table.Element.EnumerateObject())
            if (p.Name is not ("file" or "fields" or "identity" or "delimiter") || (p.Name == "identity" && !identity)) throw table.Error($"unknown key '{p.Name}'");
        if (table.String("delimiter") is { } d && d != ",") throw table.Required("delimiter").Error("only ',' is read (RFC 4180)");
        var name = table.RequiredString("file");
        if (name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..") throw table.Required("file").Error("give a file name in the --from folder");
        var file = Path.Combine(root, name);
        if (!File.Exists(file)) throw table.Required("file").Error($"there is no {name} in {root}");
        var header = new List<string>();
        using (var reader = CsvRecordReader.Open(file))
            if (!reader.Read(header)) throw new DataValidationException(new RowLocation(name, 1, 0, "-"), "the file is empty: line 1 must be the header");
        var fields = new Dictionary<string, MappingSpec>(StringComparer.Ordinal);
        var specs = Object(table.Required("fields"));
        foreach (var p in specs.Element.EnumerateObject())
        {
            if (!known.Contains(p.Name) && !(identity && p.Name.StartsWith("attr_", StringComparison.Ordinal) && p.Name.Length > 5))
                throw specs.Error($"unknown field '{p.Name}' (known: {string.Join(", ", known)}{(identity ? ", attr_*" : "")})");
            fields[p.Name] = MappingSpec.Parse(p.Name, new JsonRecord(p.Value, specs.File, $"{specs.Path}.{p.Name}"), header, name);
        }
        foreach (var r in required) if (!fields.ContainsKey(r)) throw specs.Error($"the mapping must fill '{r}'");
        var ids = new Dictionary<string, MappingSpec>(StringComparer.Ordinal);
        if (identity && table.Member("identity") is { } idSpecs && Object(idSpecs).Kind == System.Text.Json.JsonValueKind.Object)
            foreach (var p in idSpecs.Element.EnumerateObject())
            {
                if (!IdentityColumns.Known.Contains(p.Name)) throw idSpecs.Error($"unknown identity '{p.Name}' (known: {string.Join(", ", IdentityColumns.Known)})");
                ids[p.Name] = MappingSpec.Parse(p.Name, new JsonRecord(p.Value, idSpecs.File, $"{idSpecs.Path}.{p.Name}"), header, name);
            }
        return new Table(file, name, header, fields, ids);
    }

    static JsonRecord Object(JsonRecord r) => r.Kind == System.Text.Json.JsonValueKind.Object ? r : throw r.Error("expected an object");

    /// <summary>The data rows: a cell lookup by header name, the record's line, and an error naming file, line and column.</summary>
    static IEnumerable<(Func<string, string?> Cell, long Line, Func<MappingSpec, string, Exception> Error)> Rows(Table table)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++) index.TryAdd(table.Header[i], i);
        using var reader = CsvRecordReader.Open(table.File);
        var fields = new List<string>();
        reader.Read(fields);
        while (reader.Read(fields))
        {
            var line = reader.RecordLine;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count != table.Header.Count)
                throw new DataValidationException(new RowLocation(table.Display, line, fields.Count, "-"), $"the row has {fields.Count} fields, the header {table.Header.Count}");
            var row = fields.ToArray();
            string? Cell(string name) => index.TryGetValue(name, out var i) ? row[i].Trim() is { Length: > 0 } v ? v : null : null;
            Exception Error(MappingSpec spec, string message) => new DataValidationException(
                new RowLocation(table.Display, line, spec.Column is { } c ? index[c] + 1 : 0, spec.Column ?? spec.Field), message);
            yield return (Cell, line, Error);
        }
    }
}
