using System.Globalization;
using SoftSkills.Data.Calendar;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// A Zendesk Support export (docs/design.md §15.5): users.json, groups.json, tickets.json (incremental export),
/// ticket_audits/{id}.json per ticket, satisfaction_ratings.json. Comments come from the audits (one timeline);
/// customers' public comments are requests, agents' public comments replies, agents' private notes messages,
/// reassignments handoffs, and good/bad ratings the csat outcome of the assignee's team per ISO week.
/// </summary>
public static class ZendeskExport
{
    sealed record State(string? Assignee, string? Group, string? Status);

    public static ConnectorOutput Read(string root)
    {
        var people = new PersonDirectory();
        var agents = new Dictionary<string, (string? Group, string Role)>(StringComparer.Ordinal);
        foreach (var u in ExportFiles.Records(ExportFiles.RequiredPages(root, "users"), "users"))
        {
            var id = u.RequiredString("id");
            var role = u.String("role") ?? "end-user";
            var agent = role is "agent" or "admin";
            people.Add(id, agent, [u.String("name")], [u.String("email")]);
            if (agent) agents[id] = (u.String("default_group_id"), role);
        }
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in ExportFiles.Records(ExportFiles.RequiredPages(root, "groups"), "groups")) groups.TryAdd(g.RequiredString("id"), g.RequiredString("name"));
        var roster = agents.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new Employee(a.Key, a.Value.Group is { } g && groups.TryGetValue(g, out var name) ? name : "unassigned", null, a.Value.Role, 0, new Dictionary<string, string>()))
            .ToList();
        var teamOf = roster.ToDictionary(e => e.EmployeeId, e => e.TeamId, StringComparer.Ordinal);
        var teams = teamOf.Values.ToHashSet(StringComparer.Ordinal);
        var summary = new ImportSummary();
        var events = new List<Event>();
        var ticketIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in ExportFiles.Records(ExportFiles.RequiredPages(root, "tickets"), "tickets"))
        {
            var id = t.RequiredString("id");
            if (id.Length == 0 || id.Length > 20 || !id.All(char.IsAsciiDigit)) throw t.Required("id").Error($"'{id}' is not a ticket id (a number)");
            if (!ticketIds.Add(id)) continue; // the incremental export repeats a ticket updated during the export
            if (t.String("status") == "deleted") { summary.Skip("deleted_ticket"); continue; }
            var pages = ExportFiles.Pages(Path.Combine(root, "ticket_audits"), id, "ticket_audits/").ToList();
            if (pages.Count == 0)
                throw new DataValidationException(new RowLocation(Path.Combine("ticket_audits", id + ".json"), 0, 0, "-"), $"ticket {id} has no audits file: export GET /api/v2/tickets/{id}/audits");
            Ticket(id, t.String("requester_id"), ExportFiles.Records(pages, "audits"), people, agents, teamOf, teams, groups, summary, events);
        }
        var outcomes = Ratings(root, agents, teamOf, summary);
        return new ConnectorOutput(roster, people, [events], outcomes, summary);
    }

    static void Ticket(string ticket, string? requester, IEnumerable<JsonRecord> audits, PersonDirectory people, Dictionary<string, (string?, string)> agents,
        Dictionary<string, string> teamOf, HashSet<string> teams, Dictionary<string, string> groups, ImportSummary summary, List<Event> events)
    {
        var state = new State(null, null, null);
        var holders = new List<HandoffRules.Holder>();
        var groupChanges = new List<(DateTime At, string? Group)>();
        var notes = new List<(DateTime At, string Author)>();
        var reopenings = new List<DateTime>();
        var handoffs = new List<(Event Event, string? PreviousGroup, bool ToQueue)>();
        string? lastRequest = null;
        var ordered = audits.Select(a => (Audit: a, At: a.Time("created_at"), Id: a.RequiredString("id")))
            .DistinctBy(a => a.Id) // overlapping pages repeat an audit
            .OrderBy(a => a.At).ThenBy(a => long.TryParse(a.Id, out var n) ? n : 0).ToList();
        foreach (var (audit, at, auditId) in ordered)
        {
            var before = state;
            var changedAssignment = false;
            foreach (var e in audit.Items("events"))
            {
                var type = e.String("type");
                if (type is not ("Create" or "Change")) continue;
                var field = e.String("field_name");
                var value = e.Member("value") is { Kind: not System.Text.Json.JsonValueKind.Array } v ? v.AsString() : null;
                if (value == "") value = null;
                switch (field)
                {
                    case "assignee_id": state = state with { Assignee = value }; changedAssignment |= type == "Change"; break;
                    case "group_id": state = state with { Group = value }; changedAssignment |= type == "Change"; break;
                    case "status":
                        if (before.Status == "solved" && value is not ("solved" or "closed")) reopenings.Add(at);
                        state = state with { Status = value };
                        break;
                }
            }
            if (state.Assignee != before.Assignee) holders.Add(new(at, state.Assignee));
            if (state.Group != before.Group) groupChanges.Add((at, state.Group));
            if (changedAssignment)
            {
                var (a, a2) = (before.Assignee, state.Assignee);
                if (a is null || a2 == a || (a2 is null && state.Group == before.Group) || !agents.ContainsKey(a)) summary.Skip("not_a_handoff");
                else handoffs.Add((new Event
                {
                    EventId = $"zendesk:{ticket}:{auditId}:handoff", Timestamp = at, Kind = EventKind.Handoff, ActorId = a,
                    CounterpartId = a2 is not null && agents.ContainsKey(a2) ? a2 : null, TeamId = teamOf[a],
                    ThreadId = $"zendesk:{ticket}", Channel = Channel.Ticket,
                }, before.Group, a2 is null));
            }
            foreach (var c in audit.Items("events").Where(e => e.String("type") is "Comment" or "VoiceComment"))
            {
                if (c.String("type") == "VoiceComment") { summary.Skip("voice_comment"); continue; }
                var author = c.RequiredString("author_id");
                var isPublic = c.Bool("public");
                var agent = agents.ContainsKey(author);
                var text = c.String("plain_body") ?? c.String("body") ?? "";
                var commentId = c.RequiredString("id");
                var assignee = state.Assignee is { } s && agents.ContainsKey(s) ? s : null;
                var baseEvent = new Event
                {
                    EventId = $"zendesk:{ticket}:{commentId}", Timestamp = at, Kind = EventKind.Message, TeamId = "",
                    ThreadId = $"zendesk:{ticket}", Channel = Channel.Ticket, Text = text,
                };
                if (!agent)
                {
                    if (!isPublic) { summary.Skip("private_end_user_comment"); continue; }
                    var team = assignee is not null ? teamOf[assignee]
                        : state.Group is { } g && groups.TryGetValue(g, out var name) && teams.Contains(name) ? name : null;
                    if (team is null) { summary.Skip("no_team"); continue; }
                    events.Add(baseEvent with { Kind = EventKind.Request, CounterpartId = assignee, TeamId = team });
                    lastRequest = baseEvent.EventId;
                }
                else if (isPublic)
                    events.Add(baseEvent with
                    {
                        Kind = EventKind.Reply, ActorId = author, TeamId = teamOf[author], ResponseTo = lastRequest,
                        CounterpartId = requester is not null && requester != author && agents.ContainsKey(requester) ? requester : null,
                    });
                else
                {
                    notes.Add((at, author));
                    events.Add(baseEvent with { ActorId = author, TeamId = teamOf[author], CounterpartId = assignee != author ? assignee : null });
                }
            }
        }
        foreach (var (h, previousGroup, toQueue) in handoffs)
        {
            var accepted = !toQueue
                ? HandoffRules.Accepted(h.Timestamp, h.ActorId!, holders)
                : !groupChanges.Any(g => g.At > h.Timestamp && g.At <= h.Timestamp + HandoffRules.AcceptanceWindow && g.Group == previousGroup);
            events.Add(h with
            {
                HandoffAccepted = accepted,
                ContextComplete = HandoffRules.ContextComplete(h.Timestamp, notes.Where(n => n.Author == h.ActorId).Select(n => n.At)),
                Reworked = HandoffRules.Reworked(h.Timestamp, reopenings),
            });
        }
    }

    /// <summary>csat per team and ISO week: 100 × good / (good + bad) over the ratings of the team's agents (docs/design.md §15.5).</summary>
    static List<Outcome> Ratings(string root, Dictionary<string, (string?, string)> agents, Dictionary<string, string> teamOf, ImportSummary summary)
    {
        var tally = new SortedDictionary<(string Team, DateOnly Week), (int Good, int Bad)>();
        foreach (var r in ExportFiles.Records(ExportFiles.Pages(root, "satisfaction_ratings"), "satisfaction_ratings"))
        {
            var score = r.String("score");
            if (score is not ("good" or "bad")) { summary.Skip("rating_not_given"); continue; }
            if (r.String("assignee_id") is not { } a || !agents.ContainsKey(a)) { summary.Skip("rating_without_assignee"); continue; }
            var key = (teamOf[a], IsoWeek.Monday(DateOnly.FromDateTime(r.Time("created_at"))));
            var (good, bad) = tally.GetValueOrDefault(key);
            tally[key] = score == "good" ? (good + 1, bad) : (good, bad + 1);
        }
        return tally.Select(kv => new Outcome(kv.Key.Team, SubjectKind.Team, kv.Key.Week, "csat",
            Math.Round(100.0 * kv.Value.Good / (kv.Value.Good + kv.Value.Bad), 2, MidpointRounding.AwayFromZero))).ToList();
    }
}
