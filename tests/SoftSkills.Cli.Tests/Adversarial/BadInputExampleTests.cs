using System.Text;
using System.Text.Json.Nodes;

namespace SoftSkills.Cli.Tests.Adversarial;

/// <summary>
/// The bad inputs issue 12 lists (and option values of the wrong kind), one by one: each exits 2 with one line naming the file (and line, column or JSON path)
/// or the option, and writes nothing.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class BadInputExampleTests
{
    static string Sample(string file) => Path.Combine(Softskills.Sample, file);
    static string Scenario => Path.Combine(Softskills.RepoRoot, "data", "scenarios", "default-pilot.json");
    static string Roi => Path.Combine(Softskills.RepoRoot, "data", "scenarios", "roi-mid-size.json");

    static void Refused(TempDir work, string[] args, params string[] named)
    {
        var result = InProcess.RunIn(work.Path, args);
        Assert.True(result.ExitCode == ExitCode.BadInput, $"exit {result.ExitCode}\n{result.Stderr}\n{result.Stdout}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        foreach (var n in named) Assert.Contains(n, line);
        Assert.Empty(Directory.GetFileSystemEntries(work.Path, "out*"));
    }

    /// <summary>A JSON file's text with the value at a path such as <c>teams[0].size</c> replaced.</summary>
    static string With(string file, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var parts = path.Replace("[", ".").Replace("]", "").Split('.');
        var parent = parts[..^1].Aggregate(root, (node, p) => int.TryParse(p, out var i) ? node[i]! : node[p]!);
        if (int.TryParse(parts[^1], out var index)) parent[index] = value; else parent[parts[^1]] = value;
        return root.ToJsonString();
    }

    static string Parquet(TempDir work)
    {
        var key = work.File("key");
        File.WriteAllText(key, "a key of sufficient length for the test");
        var result = InProcess.RunIn(work.Path, "import", "--from", Softskills.Sample, "--out", work.File("parquet"), "--key-file", key);
        Assert.Equal(0, result.ExitCode);
        return work.File("parquet");
    }

    /// <summary>An option value of the wrong kind is named with the kind it takes, not a .NET type name.</summary>
    [Theory]
    [InlineData("--seed", "-5", "--seed: '-5' is not a whole number in digits from 0 to 18446744073709551615")]
    [InlineData("--employees", "1e9", "--employees: '1e9' is not a whole number in digits (at most 2147483647 in size)")]
    public void Option_values_of_the_wrong_kind_name_the_kind(string option, string value, string message)
    {
        using var work = new TempDir();
        Refused(work, ["simulate", "--scenario", Scenario, option, value, "--out", work.File("out")], message);
    }

    [Theory]
    [InlineData("zero-byte")]
    [InlineData("truncated")]
    [InlineData("csv-renamed")]
    public void A_damaged_parquet_file_is_named(string damage)
    {
        using var work = new TempDir();
        var data = Parquet(work);
        var events = Path.Combine(data, "events.parquet");
        var bytes = File.ReadAllBytes(events);
        File.WriteAllBytes(events, damage switch
        {
            "zero-byte" => [],
            "truncated" => bytes[..(bytes.Length / 2)],
            _ => File.ReadAllBytes(Sample("events.csv")),
        });
        Refused(work, ["kpis", "--data", data, "--out", work.File("out.json")], "events.parquet", "Parquet");
    }

    [Theory]
    [InlineData("reliability")]
    [InlineData("calibrate")]
    [InlineData("bias")]
    [InlineData("kpis")]
    public void An_unclosed_quote_is_named_with_its_line(string verb)
    {
        using var work = new TempDir();
        var data = work.CopyOfSample();
        var ratings = Path.Combine(data, "ratings.csv");
        var lines = File.ReadAllLines(ratings);
        lines[3] = "\"" + lines[3];
        File.WriteAllLines(ratings, lines);
        string[] args = verb switch
        {
            "reliability" => ["reliability", "--ratings", ratings, "--metric", "fleiss"],
            "calibrate" => ["calibrate", "--auto", ratings, "--human", ratings, "--state", work.File("out.json")],
            "bias" => ["bias", "--scores", ratings, "--group", "rater_id", "--score", "score"],
            _ => ["kpis", "--data", data],
        };
        Refused(work, args, "ratings.csv:4:", "quote");
    }

    [Theory]
    [InlineData("teams", "teams")]
    [InlineData("teams[0].size", "teams[0].size")]
    [InlineData("pilot.pilot_days", "pilot.pilot_days")]
    [InlineData("workload.decisions[1].type", "workload.decisions[1].type")]
    public void A_null_in_a_scenario_is_named_by_its_json_path(string field, string named)
    {
        using var work = new TempDir();
        File.WriteAllText(work.File("s.json"), With(Scenario, field, null));
        Refused(work, ["simulate", "--scenario", work.File("s.json"), "--engine", "reference", "--out", work.File("out")], "s.json", named, "null");
    }

    [Fact]
    public void Overflowing_role_counts_are_refused()
    {
        using var work = new TempDir();
        var scenario = JsonNode.Parse(File.ReadAllText(Scenario))!;
        scenario["teams"]![0]!["roles"] = new JsonObject { ["lead"] = int.MaxValue, ["agent"] = int.MaxValue };
        File.WriteAllText(work.File("s.json"), scenario.ToJsonString());
        Refused(work, ["simulate", "--scenario", work.File("s.json"), "--engine", "reference", "--out", work.File("out")], "teams[0].roles");
    }

    [Theory]
    [InlineData("$.rules[0].weeks", "null")]
    [InlineData("$.rules[1].points", "\"ten\"")]
    [InlineData("$.rules[0].weight", "1e308")]
    [InlineData("$.rules[3].value", "null")]
    public void A_wrong_value_in_trigger_rules_is_named_by_its_json_path(string path, string value)
    {
        using var work = new TempDir();
        File.WriteAllText(work.File("t.json"), With(Path.Combine(Softskills.RepoRoot, "data", "triggers", "default.json"), path[2..], JsonNode.Parse(value)));
        Refused(work, ["dashboard", "--data", Softskills.Sample, "--triggers", work.File("t.json"), "--out", work.File("out.html")], "t.json", path);
    }

    [Theory]
    [InlineData("$.members", "null")]
    [InlineData("$.horizon_months", "1e308")]
    [InlineData("$.scenarios[1].productivity_uplift", "\"2%\"")]
    [InlineData("$.hourly_rate", "\"NaN\"")]
    public void A_wrong_value_in_an_roi_file_is_named_by_its_json_path(string path, string value)
    {
        using var work = new TempDir();
        File.WriteAllText(work.File("r.json"), With(Roi, path[2..], JsonNode.Parse(value)));
        Refused(work, ["roi", "--scenario", work.File("r.json"), "--report", work.File("out.html")], "r.json", path);
    }

    [Theory]
    [InlineData("simulate --engine reference --days 0", "--days")]
    [InlineData("simulate --engine reference --days 99999", "--days")]
    [InlineData("simulate --engine reference --employees 1000000000", "--employees")]
    [InlineData("sweep --seeds 2000000000", "--seeds")]
    [InlineData("roi --monte-carlo 2000000000", "--monte-carlo")]
    [InlineData("kpis --uplift NaN", "--uplift")]
    [InlineData("kpis --uplift Infinity", "--uplift")]
    [InlineData("kpis --from 2026-03-20 --to 2026-03-01", "--from")]
    [InlineData("kpis --from 03-01-2026", "--from")]
    [InlineData("kpis --to 2026-3-1", "--to")]
    [InlineData("kpis --from 0001-01-01", "--from")]
    [InlineData("kpis --baseline-days 99999", "--baseline-days")]
    [InlineData("reliability --metric krippendorff --bootstrap 2000000000", "--bootstrap")]
    [InlineData("validity --bootstrap 2000000000", "--bootstrap")]
    [InlineData("did --level 1.5", "--level")]
    [InlineData("calibrate --bar NaN", "--bar")]
    public void Absurd_options_are_refused_before_any_work(string command, string named)
    {
        using var work = new TempDir();
        var words = command.Split(' ');
        string[] inputs = words[0] switch
        {
            "simulate" => ["--scenario", Scenario, "--out", work.File("out")],
            "sweep" => ["--out", work.File("out")],
            "roi" => ["--scenario", Roi],
            "reliability" => ["--ratings", Sample("ratings.csv")],
            "calibrate" => ["--auto", Sample("ratings.csv"), "--human", Sample("ratings.csv")],
            _ => ["--data", Softskills.Sample],
        };
        Refused(work, [.. words, .. inputs], named);
    }

    [Fact]
    public void An_output_that_is_a_folder_is_refused()
    {
        using var work = new TempDir();
        Directory.CreateDirectory(work.File("report.html"));
        var result = InProcess.RunIn(work.Path, "dashboard", "--data", Softskills.Sample, "--out", work.File("report.html"));
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Contains("is a folder", result.Stderr);
    }

    [Fact]
    public void Latin1_bytes_are_refused_with_their_line_and_column()
    {
        using var work = new TempDir();
        var data = work.CopyOfSample();
        var employees = Path.Combine(data, "employees.csv");
        var text = File.ReadAllText(employees).Replace("S2,support,S1,agent,12,native,m,amer", "S2,support,S1,agent,12,Ren\u00e8,m,amer");
        File.WriteAllBytes(employees, Encoding.Latin1.GetBytes(text));
        Refused(work, ["kpis", "--data", data, "--by", "attr_first_language"], "employees.csv:3:", "UTF-8");
    }

    [Fact]
    public void A_rating_of_no_event_is_refused_at_its_row()
    {
        using var work = new TempDir();
        var data = work.CopyOfSample();
        var ratings = Path.Combine(data, "ratings.csv");
        var lines = File.ReadAllLines(ratings);
        lines[5] = "e9999" + lines[5][lines[5].IndexOf(',')..];
        File.WriteAllLines(ratings, lines);
        Refused(work, ["kpis", "--data", data], "ratings.csv:6:1", "e9999");
    }

    [Fact]
    public void An_event_of_an_unknown_team_is_refused_at_its_row()
    {
        using var work = new TempDir();
        var data = work.CopyOfSample();
        var events = Path.Combine(data, "events.csv");
        var lines = File.ReadAllLines(events);
        lines[2] = lines[2].Replace(",support,", ",nowhere,");
        File.WriteAllLines(events, lines);
        Refused(work, ["kpis", "--data", data], "events.csv:3:", "nowhere");
    }

    [Theory]
    [InlineData("cohen")]
    [InlineData("fleiss")]
    [InlineData("krippendorff")]
    [InlineData("icc")]
    [InlineData("cronbach")]
    public void Constant_ratings_give_null_with_a_reason(string metric)
    {
        using var work = new TempDir();
        var file = work.File("same.csv");
        File.WriteAllLines(file, ["item_id,rater_id,score", .. Enumerable.Range(1, 6).SelectMany(i => new[] { $"i{i},A,2", $"i{i},B,2" })]);
        var result = InProcess.RunIn(work.Path, "reliability", "--ratings", file, "--metric", metric, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Null(json["value"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["undefined"]));
    }
}
