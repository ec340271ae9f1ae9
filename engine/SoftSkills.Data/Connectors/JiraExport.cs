using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// Jira issues with their changelog and comments, as returned by the REST search (docs/design.md §15.4): comments are
/// messages, a reassignment from one person to another a handoff, a resolution set a task update. A person's team is the
/// project they are most active in.
/// </summary>
public static class JiraExport
{
    sealed record Pending(Event Event, string Project);

    public static ConnectorOutput Read(string root)
    {
        var folder = Path.Combine(root, "issues");
        if (!Directory.Exists(folder))
            throw new DataValidationException(new RowLocation(folder, 0, 0, "-"), "the Jira export has no issues/ folder of search responses (GET /rest/api/3/search/jql?fields=*all&expand=changelog)");
        var people = new PersonDirectory();
        var summary = new ImportSummary();
        var pending = new List<Pending>();
        var outsiders = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            foreach (var issue in JsonRecord.Load(file, Path.GetRelativePath(root, file)).Items("issues"))
                if (keys.Add(issue.RequiredString("key"))) Issue(issue, people, outsiders, summary, pending);
                else summary.Skip("duplicate_issue"); // the same issue on two pages (it changed while the search paged)
        // Only people who act in an event or receive one are employees; their team is their busiest project.
        var involved = pending.SelectMany(p => new[] { p.Event.ActorId, p.Event.CounterpartId }).OfType<string>().Where(people.IsEmployee).ToHashSet(StringComparer.Ordinal);
        foreach (var p in pending)
        {
            people.Active(p.Event.ActorId, p.Project);
            people.Active(p.Event.CounterpartId, p.Project);
        }
        var roster = involved.Order(StringComparer.Ordinal)
            .Select(id => new Employee(id, people.BusiestContainer(id) ?? "unassigned", null, "member", 0, new Dictionary<string, string>())).ToList();
        var teamOf = roster.ToDictionary(e => e.EmployeeId, e => e.TeamId, StringComparer.Ordinal);
        var events = pending.Select(p => p.Event with { TeamId = teamOf[p.Event.ActorId!] }).ToList();
        return new ConnectorOutput(roster, people, [events], [], summary);
    }

    static string? Person(JsonRecord? user, PersonDirectory people, HashSet<string> outsiders)
    {
        if (user is not { } u) return null;
        var id = u.RequiredString("accountId");
        var type = u.String("accountType") ?? "atlassian";
        people.Add(id, type == "atlassian" && !outsiders.Contains(id), [u.String("displayName")], [u.String("emailAddress")]);
        if (type != "atlassian") outsiders.Add(id);
        return id;
    }

    static void Issue(JsonRecord issue, PersonDirectory people, HashSet<string> outsiders, ImportSummary summary, List<Pending> pending)
    {
        var key = issue.RequiredString("key");
        var fields = issue.Required("fields");
        var project = fields.Member("project")?.String("key") ?? key.Split('-')[0];
        var changelog = issue.Member("changelog") ?? throw issue.Error("'changelog' is missing: export with expand=changelog");
        var histories = changelog.Items("histories").ToList();
        if (changelog.Member("total") is { } total && int.TryParse(total.AsString(), out var n) && n > histories.Count)
            throw changelog.Error($"holds {histories.Count} of {n} histories: export the full changelog (GET /rest/api/3/issue/{key}/changelog)");
        var comment = fields.Member("comment") ?? throw fields.Error("'comment' is missing: export with fields=*all (or include comment)");
        var comments = comment.Items("comments").ToList();
        if (comment.Member("total") is { } ctotal && int.TryParse(ctotal.AsString(), out var cn) && cn > comments.Count)
            throw comment.Error($"holds {comments.Count} of {cn} comments: export all comments (GET /rest/api/3/issue/{key}/comment)");
        var reporter = Person(fields.Member("reporter"), people, outsiders);
        var thread = $"jira:{key}";

        // Replay the changelog oldest first: who held the issue when, and when it was reopened.
        var ordered = histories.Select(h => (History: h, At: h.Time("created"), Id: h.RequiredString("id")))
            .OrderBy(h => h.At).ThenBy(h => long.TryParse(h.Id, out var x) ? x : 0).ToList();
        var holders = new List<HandoffRules.Holder>();
        var reopenings = new List<DateTime>();
        var assignments = new List<(DateTime At, JsonRecord Item, string HistoryId)>();
        var resolutions = new List<(DateTime At, JsonRecord History, JsonRecord Item, string HistoryId)>();
        string? firstHolder = null;
        var sawAssignee = false;
        foreach (var (h, at, id) in ordered)
            foreach (var item in h.Items("items"))
                switch (item.String("field"))
                {
                    case "assignee":
                        var (from, to) = (item.String("from"), item.String("to"));
                        if (from is not null) people.Add(from, !outsiders.Contains(from), [item.String("fromString")], []);
                        if (to is not null) people.Add(to, !outsiders.Contains(to), [item.String("toString")], []);
                        if (!sawAssignee) { firstHolder = from; sawAssignee = true; }
                        holders.Add(new(at, to));
                        assignments.Add((at, item, id));
                        break;
                    case "resolution":
                        if (item.String("to") is null) reopenings.Add(at);
                        else resolutions.Add((at, h, item, id));
                        break;
                }
        if (!sawAssignee) firstHolder = fields.Member("assignee")?.String("accountId");
        string? HolderAt(DateTime t) => holders.LastOrDefault(x => x.At <= t) is { At: var a } last && a != default ? last.Id : firstHolder;

        var notes = new List<(DateTime At, string Author)>();
        foreach (var c in comments)
        {
            var author = c.Required("author");
            var type = author.String("accountType") ?? "atlassian";
            if (type == "app") { summary.Skip("bot_author"); continue; }
            if (type == "customer") { Person(author, people, outsiders); summary.Skip("customer_author"); continue; }
            var actor = Person(author, people, outsiders)!;
            if (!people.IsEmployee(actor)) { summary.Skip("unknown_author"); continue; } // e.g. accountType "unknown"
            var at = c.Time("created");
            notes.Add((at, actor));
            var mentions = new List<string>();
            var text = c.Member("body") is { } body ? JiraText.Decode(body, mentions) : "";
            var counterpart = mentions.FirstOrDefault(m => m != actor && people.IsEmployee(m))
                ?? (HolderAt(at) is { } holder && holder != actor ? holder : null)
                ?? (reporter is not null && reporter != actor ? reporter : null);
            pending.Add(new(new Event
            {
                EventId = $"jira:{key}:c:{c.RequiredString("id")}", Timestamp = at, Kind = EventKind.Message, ActorId = actor,
                CounterpartId = people.IsEmployee(counterpart) ? counterpart : null, TeamId = "", ThreadId = thread, Channel = Channel.TaskBoard, Text = text,
            }, project));
        }
        foreach (var (at, item, historyId) in assignments)
        {
            var (from, to) = (item.String("from"), item.String("to"));
            if (from is null || to is null || from == to || !people.IsEmployee(from)) { summary.Skip("not_a_handoff"); continue; }
            pending.Add(new(new Event
            {
                EventId = $"jira:{key}:h:{historyId}", Timestamp = at, Kind = EventKind.Handoff, ActorId = from,
                CounterpartId = people.IsEmployee(to) ? to : null, TeamId = "", ThreadId = thread, Channel = Channel.TaskBoard,
                HandoffAccepted = HandoffRules.Accepted(at, from, holders),
                ContextComplete = HandoffRules.ContextComplete(at, notes.Where(n => n.Author == from).Select(n => n.At)),
                Reworked = HandoffRules.Reworked(at, reopenings),
            }, project));
        }
        foreach (var (at, history, item, historyId) in resolutions)
        {
            var author = history.Member("author");
            var type = author?.String("accountType") ?? "atlassian";
            if (type == "app" || author is null) { summary.Skip("bot_author"); continue; }
            if (type == "customer") { Person(author, people, outsiders); summary.Skip("customer_author"); continue; }
            var resolver = Person(author, people, outsiders)!;
            if (!people.IsEmployee(resolver)) { summary.Skip("unknown_author"); continue; }
            pending.Add(new(new Event
            {
                EventId = $"jira:{key}:r:{historyId}", Timestamp = at, Kind = EventKind.TaskUpdate, ActorId = resolver,
                TeamId = "", ThreadId = thread, Channel = Channel.TaskBoard, Text = item.String("toString"), Reworked = HandoffRules.Reworked(at, reopenings),
            }, project));
        }
    }
}
