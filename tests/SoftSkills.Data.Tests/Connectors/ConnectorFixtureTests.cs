using System.Text;
using SoftSkills.Data.Connectors;
using SoftSkills.Data.Files;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Tests.Connectors;

/// <summary>
/// Each connector on its hand-written fixture in the vendor's documented format (docs/design.md §15): the counts below
/// were counted by hand from the fixture files, record by record.
/// </summary>
public class ConnectorFixtureTests
{
    static readonly Pseudonymiser Key = new(Encoding.UTF8.GetBytes("connector-tests-key-0123456789"));

    internal static string Fixture(string source) => Path.Combine(TempDir.RepoRoot, "tests", "SoftSkills.Data.Tests", "Fixtures", "Connectors", source);

    internal static (ImportSummary Summary, DataFolder Folder) Import(TempDir dir, string source, string? mapping = null)
    {
        var from = Fixture(source == "mapped-meetings" || source == "mapped-helpdesk" ? "mapped" : source);
        var summary = ConnectorImport.Run(source.StartsWith("mapped") ? "mapped" : source, from, dir.File("out"), Key, csv: true,
            mapping is null ? null : Path.Combine(from, mapping));
        return (summary, new DataFolder(dir.File("out")));
    }

    [Theory]
    [InlineData("slack", null, 11, "message 16, reply 15", "bot_message 2, bot_user 1, deleted_message 1, edit_record 1, system_subtype 5, unknown_subtype 1, unknown_user 1", 15)]
    [InlineData("teams", null, 11, "message 12, reply 12", "bot_message 2, deleted_message 1, duplicate_message 1, external_user 1, system_event 2, unknown_message_type 1", 10)]
    [InlineData("jira", null, 10, "handoff 10, message 21, task_update 6", "bot_author 2, customer_author 1, not_a_handoff 3", 8)]
    [InlineData("zendesk", null, 9, "handoff 5, message 6, reply 11, request 11",
        "deleted_ticket 1, no_team 1, not_a_handoff 2, private_end_user_comment 1, rating_not_given 1, rating_without_assignee 1, voice_comment 1", 15)]
    [InlineData("mapped-helpdesk", "helpdesk.mapping.json", 11, "decision 3, handoff 3, message 2, reply 6, request 6", "skip_kind 1, unknown_actor 1, unmapped_kind 1", 4)]
    [InlineData("mapped-meetings", "meetings.mapping.json", 11, "meeting 14", "unknown_actor 2", 0)]
    public void A_fixture_imports_to_its_hand_counted_tables(string source, string? mapping, int employees, string byKind, string skipped, long redacted)
    {
        using var dir = new TempDir();
        var (summary, folder) = Import(dir, source, mapping);
        Assert.Equal(employees, summary.Tables["employees"]);
        Assert.Equal(byKind, string.Join(", ", summary.EventsByKind.Select(k => $"{k.Key} {k.Value}")));
        Assert.Equal(skipped, string.Join(", ", summary.SkippedByReason.Select(k => $"{k.Key} {k.Value}")));
        Assert.Equal(redacted, summary.TextsRedacted);
        // What was written reads back as a valid data folder, in time order.
        var events = folder.Events().ToList();
        Assert.Equal(summary.Tables["events"], events.Count);
        Assert.Equal(events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal).Select(e => e.EventId), events.Select(e => e.EventId));
        Assert.Equal(employees, folder.Employees().Count);
    }

    [Theory]
    [InlineData("slack", null, "U06A1B2C3", "acme-analytics.example", "Okafor", "Chloé")]
    [InlineData("teams", null, "e963b3b7", "fabrikam.example", "Bianchi", "Nadia")]
    [InlineData("jira", null, "712020:", "5b10ac8d82e05b22cc7d4ef5", "Tanaka", "Hana")]
    [InlineData("zendesk", null, "381234567", "Maria Gomez", "maria.gomez", "Olivia")]
    [InlineData("mapped-helpdesk", "helpdesk.mapping.json", "lisbon-labs.example", "Sofia Almeida", "Nuno,", "cliente.example")]
    public void No_person_id_name_or_address_survives_in_any_written_file(string source, string? mapping, params string[] forbidden)
    {
        using var dir = new TempDir();
        Import(dir, source, mapping);
        foreach (var file in Directory.GetFiles(dir.File("out")))
        {
            var text = File.ReadAllText(file);
            foreach (var f in forbidden) Assert.False(text.Contains(f, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains '{f}'");
        }
    }

    [Fact]
    public void Jira_handoffs_carry_the_acceptance_context_and_rework_flags_of_their_history()
    {
        using var dir = new TempDir();
        var (_, folder) = Import(dir, "jira");
        var flags = folder.Events().Where(e => e.Kind == EventKind.Handoff).ToDictionary(e => e.EventId, e => (e.HandoffAccepted, e.ContextComplete, e.Reworked));
        Assert.Equal((true, true, false), flags["jira:SUP-101:h:20101"]);
        Assert.Equal((false, false, false), flags["jira:SUP-102:h:20104"]);   // back to the sender after 20 h
        Assert.Equal((true, true, true), flags["jira:SUP-103:h:20107"]);      // resolution cleared later
        Assert.Equal((false, true, false), flags["jira:PLAT-56:h:20205"]);    // unassigned after 30 h
        Assert.Equal((true, true, false), flags["jira:PLAT-55:h:20202"]);     // the sender, not the automation that moved it
        Assert.Equal(7, flags.Values.Count(f => f is (true, true, false)));
        var reworkedResolution = folder.Events().Single(e => e.EventId == "jira:SUP-103:r:20108");
        Assert.Equal((EventKind.TaskUpdate, true), (reworkedResolution.Kind, reworkedResolution.Reworked));
        Assert.Equal("Won't Do", folder.Events().Single(e => e.EventId == "jira:SUP-104:r:20112").Text);
    }

    [Fact]
    public void Zendesk_handoffs_requests_and_csat_follow_the_ticket_timeline()
    {
        using var dir = new TempDir();
        var (_, folder) = Import(dir, "zendesk");
        var events = folder.Events().ToDictionary(e => e.EventId);
        Assert.Equal((true, true, false), Flags(events["zendesk:5101:44012345600003:handoff"]));
        Assert.Equal((false, true, false), Flags(events["zendesk:5102:44012345600011:handoff"]));
        Assert.Equal((true, true, true), Flags(events["zendesk:5103:44012345600020:handoff"]));
        var toQueue = events["zendesk:5104:44012345600027:handoff"];
        Assert.Equal((null, true), (toQueue.CounterpartId, toQueue.HandoffAccepted));
        var request = events["zendesk:5101:44012345700047"];
        Assert.Equal((EventKind.Request, null, "Billing"), (request.Kind, request.ActorId, request.TeamId));
        Assert.Equal(Key.Of("381234567806"), request.CounterpartId);
        Assert.Null(events["zendesk:5104:44012345700100"].ResponseTo);
        Assert.Equal("zendesk:5103:44012345700082", events["zendesk:5103:44012345700085"].ResponseTo);
        var csat = folder.Outcomes().OrderBy(o => o.SubjectId, StringComparer.Ordinal).Select(o => (o.SubjectId, o.Date, o.Metric, o.Value)).ToList();
        Assert.Equal([("Billing", new DateOnly(2026, 6, 1), "csat", 50.0), ("Tier 1 Support", new DateOnly(2026, 6, 1), "csat", 66.67)], csat);
        var roles = folder.Employees().GroupBy(e => e.Role).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((1, 8), (roles["admin"], roles["agent"]));
    }

    static (bool?, bool?, bool?) Flags(Event e) => (e.HandoffAccepted, e.ContextComplete, e.Reworked);

    [Fact]
    public void Slack_replies_answer_their_thread_and_edits_count_once()
    {
        using var dir = new TempDir();
        var (_, folder) = Import(dir, "slack");
        var events = folder.Events().ToDictionary(e => e.EventId);
        var broadcast = events["slack:C06A7K2M9QX:1780392600.000112"];
        Assert.Equal((EventKind.Reply, Key.Of("U06A1B2C3E5"), "slack:C06A7K2M9QX:1780391422.000110"), (broadcast.Kind, broadcast.CounterpartId, broadcast.ResponseTo));
        var toDeleted = events["slack:C06A7K3P4RZ:1780412640.000139"];
        Assert.Equal((Key.Of("U06A1B2C3LB"), "slack:C06A7K3P4RZ:1780412400.000138"), (toDeleted.CounterpartId, toDeleted.ResponseTo));
        Assert.Null(events["slack:C06A7K3P4RZ:1780394400.000136"].CounterpartId);
        Assert.Equal([Key.Of("U06A1B2C3E5"), Key.Of("U06A1B2C3D4"), Key.Of("U06A1B2C3E5")],
            events.Values.Where(e => e.ThreadId!.StartsWith("slack:D06A9B8C7D6:", StringComparison.Ordinal)).OrderBy(e => e.Timestamp).Select(e => e.CounterpartId));
        var named = events["slack:C06A7K2M9QX:1780306272.000105"].Text!;
        Assert.Equal(2, named.Split(Key.Of("U06A1B2C3E5")).Length - 1);
        Assert.Contains("&", named);
        Assert.Equal(new DateTime(2026, 6, 1, 9, 2, 11, DateTimeKind.Utc).AddTicks(1010), events["slack:C06A7K2M9QX:1780304531.000101"].Timestamp);
        var teams = folder.Employees().GroupBy(e => e.TeamId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((6, 5), (teams["support"], teams["platform"]));
    }

    [Fact]
    public void Teams_messages_join_replies_across_pages_and_hide_chat_ids()
    {
        using var dir = new TempDir();
        var (_, folder) = Import(dir, "teams");
        var events = folder.Events().ToList();
        var lateReply = events.Single(e => e.EventId.EndsWith(":1780306827733", StringComparison.Ordinal));
        Assert.Equal(EventKind.Reply, lateReply.Kind);
        Assert.Equal(Key.Of("e963b3b7-c11b-4e1f-8786-e01d68550417"), lateReply.CounterpartId);
        Assert.Equal("Draft is in the shared folder & ready for review.", events.Single(e => e.EventId.EndsWith(":1780312329448", StringComparison.Ordinal)).Text);
        var chat = events.Where(e => e.ThreadId!.StartsWith("teams:chat:", StringComparison.Ordinal)).OrderBy(e => e.Timestamp).ToList();
        Assert.Equal(3, chat.Count);
        Assert.Equal([Key.Of("cd444dca-04ae-4239-90ec-75e2f4f633b5"), Key.Of("e963b3b7-c11b-4e1f-8786-e01d68550417"), Key.Of("cd444dca-04ae-4239-90ec-75e2f4f633b5")], chat.Select(e => e.CounterpartId));
    }

    [Fact]
    public void A_mapping_reads_local_times_in_its_zone_tenure_and_attributes()
    {
        using var dir = new TempDir();
        var (_, folder) = Import(dir, "mapped-helpdesk", "helpdesk.mapping.json");
        var events = folder.Events().ToList();
        Assert.Equal(new DateTime(2026, 6, 2, 8, 0, 0, DateTimeKind.Utc), events[0].Timestamp);   // 09:00 in Lisbon (UTC+1)
        Assert.Equal(new DateTime(2026, 6, 4, 15, 0, 0, DateTimeKind.Utc), events[^1].Timestamp);
        Assert.All(events.Where(e => e.Kind == EventKind.Request), e => Assert.Null(e.ActorId));
        var decisions = events.Where(e => e.Kind == EventKind.Decision).OrderBy(e => e.EventId).Select(e => (e.EventId, e.DecisionType, e.Outcome)).ToList();
        Assert.Equal([("hd:8802:9", "refund", DecisionOutcome.Good), ("hd:8804:17", "refund", DecisionOutcome.Poor), ("hd:8805:22", "refund", DecisionOutcome.Good)], decisions);
        var staff = folder.Employees();
        Assert.Equal([8, 17, 24, 35, 41, 45, 50, 55, 76, 87, 97], staff.Select(e => e.TenureMonths).Order());
        Assert.Equal((7, 4), (staff.Count(e => e.Attribute("attr_office") == "Lisbon"), staff.Count(e => e.Attribute("attr_office") == "Porto")));
        var meetings = new TempDir();
        var (_, m) = Import(meetings, "mapped-meetings", "meetings.mapping.json");
        Assert.Equal(new DateTime(2026, 6, 2, 8, 0, 5, DateTimeKind.Utc), m.Events().First().Timestamp);
        Assert.All(m.Events(), e => Assert.Equal((Channel.Meeting, true), (e.Channel, e.DurationMinutes > 0)));
        meetings.Dispose();
    }
}
