using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// Microsoft Teams channel and chat messages as Microsoft Graph returns them (chatMessage, docs/design.md §15.3):
/// users.json, teams.json, optional chats.json, and messages/*.json list pages (roots with their replies, or replies).
/// The same rules as Slack: people's messages are events, replies answer their root's author.
/// </summary>
public static partial class TeamsExport
{
    sealed record Message(JsonRecord Record, string Conversation, string? TeamId, bool Chat, string? ChatId);

    /// <param name="root">the export folder</param>
    /// <param name="chatPseudonym">the pseudonym of a chat id (one-on-one chat ids embed both users' ids)</param>
    public static ConnectorOutput Read(string root, Func<string, string> chatPseudonym)
    {
        var people = new PersonDirectory();
        foreach (var u in ExportFiles.Records(ExportFiles.RequiredPages(root, "users"), "value"))
            people.Add(u.RequiredString("id"), true, [u.String("displayName")], [u.String("mail"), u.String("userPrincipalName")]);
        var teamNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var teamRecords = ExportFiles.Records(ExportFiles.RequiredPages(root, "teams"), "value").ToList();
        foreach (var t in teamRecords)
        {
            var (id, name) = (t.RequiredString("id"), t.String("displayName") ?? t.RequiredString("id"));
            teamNames[id] = teamRecords.Count(x => x.String("displayName") == name) > 1 ? $"{name} ({id[..Math.Min(8, id.Length)]})" : name;
        }
        var chatMembers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var c in ExportFiles.Records(ExportFiles.Pages(root, "chats"), "value"))
            if (c.String("chatType") == "oneOnOne")
                chatMembers[c.RequiredString("id")] = c.Items("members").Select(m => m.String("userId")).OfType<string>().ToList();

        var folder = Path.Combine(root, "messages");
        if (!Directory.Exists(folder)) throw new DataValidationException(new RowLocation(folder, 0, 0, "-"), "the Teams export has no messages/ folder of Graph message pages");
        var summary = new ImportSummary();
        var messages = new List<Message>();
        var seen = new HashSet<(string, string)>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            foreach (var m in JsonRecord.Load(file, Path.GetRelativePath(root, file)).Required("value").Items())
            {
                Collect(m, messages, seen, summary, chatPseudonym);
                foreach (var r in m.Items("replies")) Collect(r, messages, seen, summary, chatPseudonym);
            }
        // Internal users' messages: the root authors first (a reply's root may be in another file).
        var authors = new Dictionary<(string, string), string>();
        var kept = new List<Message>();
        foreach (var m in messages)
        {
            if (SkipReason(m.Record) is { } reason) { summary.Skip(reason); continue; }
            var user = m.Record.Required("from").Required("user");
            var id = user.RequiredString("id");
            people.Add(id, true, [user.String("displayName")], []);
            authors[(m.Conversation, m.Record.RequiredString("id"))] = id;
            kept.Add(m);
        }
        foreach (var m in messages.Where(m => m.Record.Member("from")?.Member("user") is { } u && !IsInternal(u)))
            people.Add(m.Record.Required("from").Required("user").RequiredString("id"), false, [m.Record.Required("from").Required("user").String("displayName")], []);

        var events = new List<(Event Event, string? Team)>();
        foreach (var m in kept)
        {
            var r = m.Record;
            var actor = authors[(m.Conversation, r.RequiredString("id"))];
            var replyTo = r.String("replyToId");
            var mentions = new List<string>();
            var text = Text(r, mentions);
            string? counterpart = replyTo is not null ? authors.GetValueOrDefault((m.Conversation, replyTo))
                : mentions.FirstOrDefault(x => x != actor && people.IsEmployee(x))
                  ?? (m.ChatId is not null && chatMembers.TryGetValue(m.ChatId, out var members) ? members.FirstOrDefault(x => x != actor) : null);
            if (counterpart == actor || !people.IsEmployee(counterpart)) counterpart = null;
            var prefix = $"teams:{m.Conversation}:";
            var team = m.TeamId is { } t ? teamNames.GetValueOrDefault(t, t) : null;
            events.Add((new Event
            {
                EventId = prefix + r.RequiredString("id"), Timestamp = r.Time("createdDateTime"), Kind = replyTo is null ? EventKind.Message : EventKind.Reply,
                ActorId = actor, CounterpartId = counterpart, TeamId = "", Channel = Channel.Chat, Text = text,
                ThreadId = m.Chat ? $"teams:{m.Conversation}" : prefix + (replyTo ?? r.RequiredString("id")),
                ResponseTo = replyTo is null ? null : prefix + replyTo,
            }, team));
        }
        foreach (var (e, team) in events)
            if (team is not null) { people.Active(e.ActorId, team); people.Active(e.CounterpartId, team); }
        var involved = events.SelectMany(x => new[] { x.Event.ActorId, x.Event.CounterpartId }).OfType<string>().Where(people.IsEmployee).ToHashSet(StringComparer.Ordinal);
        var roster = involved.Order(StringComparer.Ordinal)
            .Select(id => new Employee(id, people.BusiestContainer(id) ?? "unassigned", null, "member", 0, new Dictionary<string, string>())).ToList();
        var teamOf = roster.ToDictionary(e => e.EmployeeId, e => e.TeamId, StringComparer.Ordinal);
        return new ConnectorOutput(roster, people, [events.Select(x => x.Event with { TeamId = teamOf[x.Event.ActorId!] }).ToList()], [], summary);
    }

    static void Collect(JsonRecord m, List<Message> messages, HashSet<(string, string)> seen, ImportSummary summary, Func<string, string> chatPseudonym)
    {
        var chatId = m.String("chatId");
        var channel = m.Member("channelIdentity");
        var conversation = chatId is not null ? "chat:" + chatPseudonym(chatId)
            : channel?.String("channelId") ?? throw m.Error("neither 'chatId' nor 'channelIdentity' is set");
        if (!seen.Add((conversation, m.RequiredString("id")))) { summary.Skip("duplicate_message"); return; }
        messages.Add(new Message(m, conversation, channel?.String("teamId"), chatId is not null, chatId));
    }

    /// <summary>Why a message is not an event, or null (docs/design.md §15.3, first rule that applies).</summary>
    static string? SkipReason(JsonRecord m)
    {
        var type = m.String("messageType");
        if (type == "systemEventMessage" || m.Member("eventDetail") is not null) return "system_event";
        if (type != "message") return "unknown_message_type";
        if (m.Member("deletedDateTime") is not null) return "deleted_message";
        var from = m.Member("from");
        if (from?.Member("application") is not null) return "bot_message";
        if (from?.Member("user") is not { } user) return "no_sender";
        if (!IsInternal(user)) return "external_user";
        m.Time("createdDateTime");
        return null;
    }

    static bool IsInternal(JsonRecord user) => (user.String("userIdentityType") ?? "aadUser") is "aadUser" or "onPremiseAadUser";

    /// <summary>The body as plain text: HTML tags removed, user mentions marked, entities decoded.</summary>
    static string Text(JsonRecord m, List<string> mentions)
    {
        var body = m.Member("body");
        var content = body?.String("content") ?? "";
        if (body?.String("contentType") != "html") return content.Trim();
        var byId = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var x in m.Items("mentions")) byId.TryAdd(x.RequiredString("id"), x.Member("mentioned")?.Member("user")?.String("id"));
        content = AtTag().Replace(content, x =>
        {
            if (byId.GetValueOrDefault(x.Groups[1].Value) is { } user) { mentions.Add(user); return Mentions.Mark(user); }
            return x.Groups[2].Value;
        });
        content = Attachment().Replace(content, "");
        content = BlockEnd().Replace(content, "\n");
        content = Tag().Replace(content, "");
        return WebUtility.HtmlDecode(content).Replace('\u00A0', ' ').Trim();
    }

    [GeneratedRegex(@"<at\s+id=""([^""]*)""[^>]*>(.*?)</at>", RegexOptions.Singleline)]
    private static partial Regex AtTag();
    [GeneratedRegex(@"<attachment\b[^>]*>.*?</attachment>", RegexOptions.Singleline)]
    private static partial Regex Attachment();
    [GeneratedRegex(@"</p>|</div>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();
    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
