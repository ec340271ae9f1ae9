using System.IO.Compression;
using System.Text.Json;

namespace SoftSkills.Cli.Tests;

/// <summary>
/// `import --source` end to end on each vendor fixture: the summary JSON of the public interface, then `kpis` and
/// `dashboard` on what was written (docs/design.md §15).
/// </summary>
[Collection(Adversarial.InProcessCollection.Name)]
public class ImportSourcesCliTests
{
    static string Fixture(string source) => Path.Combine(Softskills.RepoRoot, "tests", "SoftSkills.Data.Tests", "Fixtures", "Connectors", source);

    static string KeyFile(TempDir dir)
    {
        File.WriteAllText(dir.File("key"), "an import test key of enough length");
        return dir.File("key");
    }

    [Theory]
    [InlineData("slack", null, 31, 12, "CI")]
    [InlineData("teams", null, 24, 8, "CI")]
    [InlineData("jira", null, 37, 6, "HSR")]
    [InlineData("zendesk", null, 33, 8, null)]
    [InlineData("mapped", "helpdesk.mapping.json", 20, 3, null)]
    [InlineData("mapped", "meetings.mapping.json", 14, 2, null)]
    public void An_export_imports_then_every_verb_reads_it(string source, string? mapping, int events, int skipped, string? published)
    {
        using var dir = new TempDir();
        string[] args = ["import", "--source", source, "--from", Fixture(source), "--out", dir.File("data"), "--key-file", KeyFile(dir), "--format", "json"];
        var r = InProcess.Run(mapping is null ? args : [.. args, "--mapping", Path.Combine(Fixture(source), mapping)]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        Assert.Equal(events, root.GetProperty("tables").GetProperty("events").GetProperty("rows").GetInt32());
        Assert.Equal(events, root.GetProperty("tables").GetProperty("events").GetProperty("by_kind").EnumerateObject().Sum(k => k.Value.GetInt32()));
        Assert.Equal(skipped, root.GetProperty("skipped").GetProperty("total").GetInt32());
        Assert.Equal(skipped, root.GetProperty("skipped").GetProperty("by_reason").EnumerateObject().Sum(k => k.Value.GetInt32()));
        Assert.True(root.GetProperty("tables").GetProperty("employees").GetProperty("rows").GetInt32() > 0);

        var kpis = InProcess.Run("kpis", "--data", dir.File("data"), "--by", "team", "--format", "json");
        Assert.True(kpis.ExitCode == 0, kpis.Stderr);
        if (published is not null)
        {
            // The fixtures were built with five people per team, so this KPI is published for every team.
            using var k = JsonDocument.Parse(kpis.Stdout);
            var key = published == "CI" ? "ci" : "hsr";
            var rows = k.RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, g => Assert.Equal(JsonValueKind.Number, g.GetProperty(key).ValueKind));
        }
        var page = InProcess.Run("dashboard", "--data", dir.File("data"), "--out", dir.File("dashboard.html"), "--min-group-size", "1", "--format", "json");
        Assert.True(page.ExitCode == 0, page.Stderr);
        Assert.True(new FileInfo(dir.File("dashboard.html")).Length > 1000);
    }

    [Fact]
    public void A_zipped_slack_export_imports_like_the_folder()
    {
        using var dir = new TempDir();
        ZipFile.CreateFromDirectory(Fixture("slack"), dir.File("export.zip"), CompressionLevel.Fastest, includeBaseDirectory: true);
        var zip = InProcess.Run("import", "--source", "slack", "--from", dir.File("export.zip"), "--out", dir.File("a"), "--key-file", KeyFile(dir), "--table-format", "csv");
        var folder = InProcess.Run("import", "--source", "slack", "--from", Fixture("slack"), "--out", dir.File("b"), "--key-file", KeyFile(dir), "--table-format", "csv");
        Assert.True(zip.ExitCode == 0 && folder.ExitCode == 0, zip.Stderr + folder.Stderr);
        Assert.Equal(File.ReadAllText(dir.File("b/events.csv")), File.ReadAllText(dir.File("a/events.csv")));
        Assert.Contains("skipped 12:", zip.Stdout);
    }

    [Theory]
    [InlineData("slack", "support/2026-06-02.json", "[{\"type\": \"message\", \"user\": [1], \"ts\": \"1780391422.000110\"}]", "support/2026-06-02.json: $[0].user: expected a string, found array")]
    [InlineData("slack", "support/2026-06-02.json", "[{\"type\": \"message\",", "support/2026-06-02.json: not valid JSON at line 1")]
    [InlineData("jira", "issues/search-v2-page-001.json", "{\"issues\": [{\"key\": \"X-1\", \"fields\": {\"comment\": {\"comments\": []}}}]}", "search-v2-page-001.json: $.issues[0]: 'changelog' is missing")]
    [InlineData("zendesk", "tickets.json", "{\"tickets\": [{\"id\": \"../../etc\"}]}", "tickets.json: $.tickets[0].id: '../../etc' is not a ticket id")]
    [InlineData("teams", "users.json", "{\"value\": 3}", "users.json: $.value: expected an array")]
    public void A_damaged_export_is_refused_naming_the_file_and_json_path(string source, string file, string content, string expected)
    {
        using var dir = new TempDir();
        var copy = CopyOf(dir, source);
        File.WriteAllText(Path.Combine(copy, file), content);
        var r = InProcess.Run("import", "--source", source, "--from", copy, "--out", dir.File("out"), "--key-file", KeyFile(dir));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void A_mapping_naming_a_missing_column_is_refused_at_its_json_path()
    {
        using var dir = new TempDir();
        var mapping = File.ReadAllText(Path.Combine(Fixture("mapped"), "helpdesk.mapping.json")).Replace("\"column\": \"Body\"", "\"column\": \"Message body\"");
        File.WriteAllText(dir.File("m.json"), mapping);
        var r = InProcess.Run("import", "--source", "mapped", "--from", Fixture("mapped"), "--mapping", dir.File("m.json"), "--out", dir.File("out"), "--key-file", KeyFile(dir));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("m.json: $.events.fields.text: helpdesk_conversations.csv has no column 'Message body'", r.Stderr);
    }

    static string CopyOf(TempDir dir, string source)
    {
        var copy = dir.File("export");
        foreach (var f in Directory.GetFiles(Fixture(source), "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(Fixture(source), f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return copy;
    }

    [Fact]
    public void A_slack_message_repeated_in_the_next_days_file_counts_once_and_one_far_from_its_date_is_refused()
    {
        using var dir = new TempDir();
        var copy = CopyOf(dir, "slack");
        // The last message of 06-01 listed again at the top of 06-02.
        var first = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "support", "2026-06-01.json")))!.AsArray();
        var second = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "support", "2026-06-02.json")))!.AsArray();
        second.Insert(0, first[^1]!.DeepClone());
        File.WriteAllText(Path.Combine(copy, "support", "2026-06-02.json"), second.ToJsonString());
        var r = InProcess.Run("import", "--source", "slack", "--from", copy, "--out", dir.File("out"), "--key-file", KeyFile(dir), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        Assert.Equal(31, json.RootElement.GetProperty("tables").GetProperty("events").GetProperty("rows").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("skipped").GetProperty("by_reason").GetProperty("duplicate_message").GetInt32());

        second.Add(System.Text.Json.Nodes.JsonNode.Parse("""{"type": "message", "user": "U06A1B2C3D4", "ts": "1000000000.000100", "text": "from 2001"}"""));
        File.WriteAllText(Path.Combine(copy, "support", "2026-06-02.json"), second.ToJsonString());
        var far = InProcess.Run("import", "--source", "slack", "--from", copy, "--out", dir.File("out2"), "--key-file", KeyFile(dir));
        Assert.Equal(2, far.ExitCode);
        Assert.Contains("is not within a day of its file's date (2026-06-02)", far.Stderr);
    }

    [Fact]
    public void A_directory_employee_without_events_is_still_redacted_in_text()
    {
        using var dir = new TempDir();
        var copy = CopyOf(dir, "teams");
        var users = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "users.json")))!;
        users["value"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{"id": "0b1c2d3e-0000-4000-8000-000000000099", "displayName": "Yolanda Quist", "mail": "yolanda.quist@fabrikam.example", "userPrincipalName": "yolanda.quist@fabrikam.example"}"""));
        File.WriteAllText(Path.Combine(copy, "users.json"), users.ToJsonString());
        var page = Path.Combine(copy, "messages", "platform-engineering-general-page1.json");
        File.WriteAllText(page, File.ReadAllText(page).Replace("\"content\": \"<p>", "\"content\": \"<p>Ask Yolanda Quist (yolanda.quist@fabrikam.example). "));
        var r = InProcess.Run("import", "--source", "teams", "--from", copy, "--out", dir.File("out"), "--key-file", KeyFile(dir), "--table-format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var events = File.ReadAllText(dir.File("out/events.csv"));
        Assert.Contains("Ask p", events);
        Assert.DoesNotContain("Quist", events);
        Assert.DoesNotContain("yolanda.quist", events);
    }

    [Fact]
    public void A_jira_comment_by_an_account_of_unknown_type_is_skipped_and_counted()
    {
        using var dir = new TempDir();
        var copy = CopyOf(dir, "jira");
        var file = Path.Combine(copy, "issues", "search-v2-page-001.json");
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        var comment = root["issues"]![0]!["fields"]!["comment"]!["comments"]![0]!;
        comment["author"]!["accountType"] = "unknown";
        comment["author"]!["accountId"] = "557058:0000-unknown-account"; // seen nowhere else
        File.WriteAllText(file, root.ToJsonString());
        var r = InProcess.Run("import", "--source", "jira", "--from", copy, "--out", dir.File("out"), "--key-file", KeyFile(dir), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("skipped").GetProperty("by_reason").GetProperty("unknown_author").GetInt32());
    }
}
