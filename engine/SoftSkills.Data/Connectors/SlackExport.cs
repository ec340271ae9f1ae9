using System.Globalization;
using System.IO.Compression;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// A Slack workspace export (docs/design.md §15.2): users.json, channels.json (and groups.json, dms.json, mpims.json),
/// and one folder of day files per conversation. Read in two streaming passes of one day file at a time: the first
/// classifies every message (for the skipped counts and each person's busiest channel), the second writes the events
/// day by day, so memory holds one day of the workspace, the people, and one author per thread.
/// </summary>
public static class SlackExport
{
    static readonly HashSet<string> SystemSubtypes = new(StringComparer.Ordinal)
    {
        "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive", "channel_unarchive",
        "channel_convert_to_private", "channel_convert_to_public", "channel_posting_permissions", "group_join", "group_leave",
        "group_topic", "group_purpose", "group_name", "group_archive", "group_unarchive", "pinned_item", "unpinned_item",
        "bot_add", "bot_remove", "bot_enable", "bot_disable", "reminder_add", "joiner_notification", "app_conversation_leave",
        "emoji_changed", "channel_canvas_updated", "tabbed_canvas_updated",
    };
    static readonly HashSet<string> MessageSubtypes = new(StringComparer.Ordinal) { "thread_broadcast", "file_share", "me_message" };

    /// <summary>A channel or group (a team container), or a direct conversation (a DM, <paramref name="OneToOne"/>, or a group DM).</summary>
    sealed record Conversation(string Id, string Folder, bool Direct, bool OneToOne, IReadOnlyList<string> Members)
    {
        /// <summary>The timestamps read in the current pass on its day and the day before (see <see cref="IsDuplicate"/>).</summary>
        public SeenWindow Seen { get; } = new();
    }

    sealed class SeenWindow
    {
        public int Latest = int.MinValue;
        public readonly HashSet<string> Set = new(StringComparer.Ordinal);
        public readonly Queue<(int Day, string Ts)> Order = new();

        public void Reset() { Latest = int.MinValue; Set.Clear(); Order.Clear(); }
    }

    public static ConnectorOutput Read(string root)
    {
        var people = new PersonDirectory();
        var bots = new HashSet<string>(StringComparer.Ordinal) { "USLACKBOT" };
        var users = ExportFiles.Pages(root, "users").Concat(ExportFiles.Pages(root, "org_users")).ToList();
        if (users.Count == 0) throw new DataValidationException(new RowLocation(Path.Combine(root, "users.json"), 0, 0, "-"), "the Slack export has no users.json: export the workspace from Slack's admin pages (Settings → Import/Export Data)");
        foreach (var u in ExportFiles.Records(users, null))
        {
            var id = u.RequiredString("id");
            if (u.Bool("is_bot") || id == "USLACKBOT") { bots.Add(id); continue; }
            var profile = u.Member("profile");
            people.Add(id, true, [u.String("real_name"), profile?.String("real_name"), u.String("name")], [profile?.String("email")]);
        }
        var conversations = Conversations(root);
        var summary = new ImportSummary();
        var parents = new ThreadParents();
        var employees = new HashSet<string>(StringComparer.Ordinal);

        // Pass 1: classify, count, find the thread parents' authors, who is active where, and everyone who sends or receives.
        foreach (var (conversation, day, file, message) in Messages(root, conversations))
        {
            var reason = SkipReason(message, people, bots) ?? Duplicate(message, conversation, day, file);
            if (reason is not null) { summary.Skip(reason); continue; }
            var user = message.RequiredString("user");
            var ts = message.RequiredString("ts");
            if (message.String("thread_ts") == ts) parents.Add(conversation.Id, ts, user); // a thread's parent: its replies answer this author
            employees.Add(user);
            if (Counterpart(message, conversation, people, parents, user, null) is { } counterpart) employees.Add(counterpart);
            if (!conversation.Direct) people.Active(user, conversation.Folder);
        }
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in conversations.Where(c => !c.Direct).OrderBy(c => c.Folder, StringComparer.Ordinal))
            foreach (var member in c.Members)
                if (people.IsEmployee(member))
                {
                    employees.Add(member);
                    teams.TryAdd(member, c.Folder);
                }
        var roster = employees.Order(StringComparer.Ordinal)
            .Select(id => new Employee(id, people.BusiestContainer(id) ?? teams.GetValueOrDefault(id) ?? "unassigned", null, "member", 0, new Dictionary<string, string>()))
            .ToList();
        var teamOf = roster.ToDictionary(e => e.EmployeeId, e => e.TeamId, StringComparer.Ordinal);
        // Event ids are unique by construction: a conversation's timestamps, repeats within three days skipped, and a
        // message more than a day from its file's date refused; the writer need not keep every id.
        return new ConnectorOutput(roster, people, Batches(root, conversations, people, bots, parents, teamOf), [], summary) { UniqueIds = true };
    }

    /// <summary>Pass 2: one batch of events per day, across every conversation.</summary>
    static IEnumerable<List<Event>> Batches(string root, IReadOnlyList<Conversation> conversations, PersonDirectory people, HashSet<string> bots,
        ThreadParents parents, Dictionary<string, string> teamOf)
    {
        foreach (var c in conversations) c.Seen.Reset();
        foreach (var day in DayFiles(root, conversations).GroupBy(d => d.Day).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var batch = new List<Event>();
            foreach (var (conversation, _, file) in day)
                foreach (var m in ExportFiles.Records([JsonRecord.Load(file, Path.GetRelativePath(root, file))], null))
                    if (SkipReason(m, people, bots) is null && !IsDuplicate(m, conversation))
                        batch.Add(ToEvent(m, conversation, people, parents, teamOf));
            yield return batch;
        }
    }

    /// <summary>Every message of every day file, in conversation and date order.</summary>
    static IEnumerable<(Conversation Conversation, string Day, string File, JsonRecord Message)> Messages(string root, IReadOnlyList<Conversation> conversations)
    {
        foreach (var (conversation, day, file) in DayFiles(root, conversations))
            foreach (var m in ExportFiles.Records([JsonRecord.Load(file, Path.GetRelativePath(root, file))], null))
                yield return (conversation, day, file, m);
    }

    /// <summary>
    /// A message listed again (an export that repeats a message in the next day's file): the key is its conversation and
    /// timestamp, which Slack keeps unique. A message far from its file's date is bad input: the log must stay in time order.
    /// </summary>
    static string? Duplicate(JsonRecord m, Conversation conversation, string day, string file)
    {
        var at = Time(m.Required("ts"));
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Math.Abs(DateOnly.FromDateTime(at).DayNumber - date.DayNumber) > 1)
            throw m.Required("ts").Error($"{at:yyyy-MM-dd HH:mm} UTC is not within a day of its file's date ({day})");
        return IsDuplicate(m, conversation) ? "duplicate_message" : null;
    }

    /// <summary>Whether this (conversation, ts) was seen before in the current pass, among the messages of the last three days.</summary>
    static bool IsDuplicate(JsonRecord m, Conversation conversation)
    {
        var ts = m.RequiredString("ts");
        var day = DateOnly.FromDateTime(Time(m.Required("ts"))).DayNumber;
        var seen = conversation.Seen;
        seen.Latest = Math.Max(seen.Latest, day);
        while (seen.Order.TryPeek(out var oldest) && oldest.Day < seen.Latest - 2) seen.Set.Remove(seen.Order.Dequeue().Ts);
        if (!seen.Set.Add(ts)) return true;
        seen.Order.Enqueue((day, ts));
        return false;
    }

    /// <summary>Who a message answers or addresses (an employee other than its author), or null (docs/design.md §15.2).</summary>
    static string? Counterpart(JsonRecord m, Conversation conversation, PersonDirectory people, ThreadParents parents, string user, List<string>? mentions)
    {
        var ts = m.RequiredString("ts");
        var thread = m.String("thread_ts");
        if (mentions is null) { mentions = []; SlackText.MentionedIds(m.String("text") ?? "", mentions); }
        var counterpart = thread is not null && thread != ts ? m.String("parent_user_id") ?? parents.Author(conversation.Id, thread)
            : conversation.OneToOne ? conversation.Members.FirstOrDefault(x => x != user)
            : mentions.FirstOrDefault(x => x != user && people.IsEmployee(x));
        return counterpart == user || !people.IsEmployee(counterpart) ? null : counterpart;
    }

    static Event ToEvent(JsonRecord m, Conversation conversation, PersonDirectory people, ThreadParents parents, Dictionary<string, string> teamOf)
    {
        var user = m.RequiredString("user");
        var ts = m.RequiredString("ts");
        var thread = m.String("thread_ts");
        var reply = thread is not null && thread != ts;
        var mentions = new List<string>();
        var text = SlackText.Decode(m.String("text") ?? "", mentions);
        var counterpart = Counterpart(m, conversation, people, parents, user, mentions);
        if (counterpart is not null && !teamOf.ContainsKey(counterpart)) counterpart = null; // not in the roster: never the case after pass 1
        var prefix = $"slack:{conversation.Id}:";
        return new Event
        {
            EventId = prefix + ts, Timestamp = Time(m.Required("ts")), Kind = reply ? EventKind.Reply : EventKind.Message,
            ActorId = user, CounterpartId = counterpart, TeamId = teamOf[user], ThreadId = prefix + (thread ?? ts), Channel = Channel.Chat,
            Text = text, ResponseTo = reply ? prefix + thread : null,
        };
    }

    /// <summary>
    /// The author of each thread's parent, for replies without <c>parent_user_id</c>: 12 bytes per thread (a 64-bit FNV-1a
    /// hash of conversation and timestamp, and the author's index), so a workspace's threads fit in little memory.
    /// </summary>
    sealed class ThreadParents
    {
        readonly Dictionary<long, int> _authors = [];
        readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        readonly List<string> _users = [];

        public void Add(string conversation, string ts, string user)
        {
            if (!_index.TryGetValue(user, out var i)) { i = _users.Count; _index[user] = i; _users.Add(user); }
            _authors[Key(conversation, ts)] = i;
        }

        public string? Author(string conversation, string ts) => _authors.TryGetValue(Key(conversation, ts), out var i) ? _users[i] : null;

        static long Key(string conversation, string ts)
        {
            var h = 14695981039346656037UL;
            foreach (var c in conversation) h = (h ^ c) * 1099511628211UL;
            h = (h ^ '\n') * 1099511628211UL;
            foreach (var c in ts) h = (h ^ c) * 1099511628211UL;
            return (long)h;
        }
    }

    /// <summary>Why a record is not an event, or null (docs/design.md §15.2, first rule that applies).</summary>
    static string? SkipReason(JsonRecord m, PersonDirectory people, HashSet<string> bots)
    {
        if (m.Kind != System.Text.Json.JsonValueKind.Object) throw m.Error("expected a message object");
        if (m.String("type") != "message") return "not_a_message";
        var subtype = m.String("subtype");
        if (subtype == "bot_message" || m.Member("bot_id") is not null) return "bot_message";
        if (subtype is not null && SystemSubtypes.Contains(subtype)) return "system_subtype";
        if (subtype is "tombstone" or "message_deleted") return "deleted_message";
        if (subtype == "message_changed") return "edit_record";
        if (subtype is not null && !MessageSubtypes.Contains(subtype)) return "unknown_subtype";
        var user = m.String("user");
        if (user is not null && bots.Contains(user)) return "bot_user";
        if (user is null || !people.IsEmployee(user)) return "unknown_user";
        Time(m.Required("ts"));
        return null;
    }

    /// <summary>Slack's "seconds.micros" timestamp as UTC.</summary>
    static DateTime Time(JsonRecord ts)
    {
        var text = ts.AsString();
        var dot = text.IndexOf('.');
        if (!long.TryParse(dot < 0 ? text : text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !int.TryParse(dot < 0 ? "0" : text[(dot + 1)..].PadRight(6, '0')[..6], NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            || seconds > 32503680000L)
            throw ts.Error($"'{text}' is not a Slack timestamp (seconds.micros)");
        return DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(micros * 10L);
    }

    static List<Conversation> Conversations(string root)
    {
        var list = new List<Conversation>();
        void From(string name, bool direct, bool oneToOne)
        {
            foreach (var c in ExportFiles.Records(ExportFiles.Pages(root, name), null))
            {
                var id = c.RequiredString("id");
                var folder = oneToOne ? id : c.RequiredString("name"); // DMs' folders are named by id, the others by name
                if (folder.IndexOfAny(['/', '\\']) >= 0 || folder is "." or "..") throw c.Error($"'{folder}' is not a folder name");
                list.Add(new Conversation(id, folder, direct, oneToOne, c.Items("members").Select(x => x.AsString()).ToList()));
            }
        }
        From("channels", false, false);
        From("groups", false, false);
        From("mpims", true, false);
        From("dms", true, true);
        if (list.Count == 0) throw new DataValidationException(new RowLocation(Path.Combine(root, "channels.json"), 0, 0, "-"), "the Slack export lists no conversations (channels.json, groups.json, dms.json, mpims.json)");
        return list;
    }

    static IEnumerable<(Conversation Conversation, string Day, string File)> DayFiles(string root, IReadOnlyList<Conversation> conversations)
    {
        foreach (var c in conversations)
        {
            var folder = Path.Combine(root, c.Folder);
            if (!Directory.Exists(folder)) continue;
            foreach (var f in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var day = Path.GetFileNameWithoutExtension(f);
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    throw new DataValidationException(new RowLocation(Path.GetRelativePath(root, f), 0, 0, "-"), "a conversation folder holds day files named YYYY-MM-DD.json");
                yield return (c, day, f);
            }
        }
    }

    /// <summary>
    /// The export's folder: the folder itself, or a zip extracted to a fresh temporary folder (the caller deletes it);
    /// a zip or folder whose only entry is one folder is read from that folder.
    /// </summary>
    public static string Open(string path, out string? temporary)
    {
        temporary = null;
        var root = path;
        if (File.Exists(path))
        {
            temporary = Path.Combine(Path.GetTempPath(), "softskills-slack-" + Guid.NewGuid().ToString("N"));
            try { ZipFile.ExtractToDirectory(path, temporary); }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new DataValidationException(new RowLocation(Path.GetFileName(path), 0, 0, "-"), $"not a zip file that can be read in place (entries that leave its folder, or repeat): {ex.Message}");
            }
            root = temporary;
        }
        if (!File.Exists(Path.Combine(root, "users.json")) && Directory.GetFileSystemEntries(root) is [var only] && Directory.Exists(only)) root = only;
        return root;
    }
}
