using System.Text.Json;

namespace SoftSkills.Cli.Tests;

public class KpisCliTests
{
    /// <summary>A name or cell that would act on a terminal (ESC sequences, a bidi override) prints escaped, not raw.</summary>
    [Fact]
    public void Text_from_data_never_acts_on_the_terminal()
    {
        using var dir = new TempDir();
        const string team = "sup\u001b[2J\u001b]0;pwn\u0007port\u202e";
        foreach (var f in Directory.GetFiles(Softskills.Sample, "*.csv"))
            File.WriteAllText(Path.Combine(dir.Path, Path.GetFileName(f)), string.Join('\n', File.ReadAllText(f).Split('\n')
                .Select(line => string.Join(',', line.Split(',').Select(cell => cell == "support" ? team : cell)))));
        var table = Softskills.Run("kpis", "--data", dir.Path, "--min-group-size", "1");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("sup\\u001B[2J", table.Stdout);
        Assert.DoesNotContain('\u001b', table.Stdout);
        Assert.DoesNotContain('\u202e', table.Stdout);

        var events = Path.Combine(dir.Path, "events.csv");
        var lines = File.ReadAllLines(events);
        var cells = lines[5].Split(',');
        cells[12] = "\u001b[2Jtrue";
        lines[5] = string.Join(',', cells);
        File.WriteAllLines(events, lines);
        var refused = Softskills.Run("kpis", "--data", dir.Path, "--min-group-size", "1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("bad boolean (true|false): '\\u001B[2Jtrue'", refused.Stderr);
        Assert.DoesNotContain('\u001b', refused.Stderr);
    }

    [Fact]
    public void Kpis_json_has_the_documented_fields_and_hand_computed_values()
    {
        // Suppression off: the values the sample was planned for, at full precision.
        var r = Softskills.Run("kpis", "--data", Softskills.Sample, "--format", "json", "--min-group-size", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var support = rows.Single(x => x.GetProperty("group").GetString() == "support");
        Assert.Equal("team", support.GetProperty("group_by").GetString());
        Assert.Equal("window", support.GetProperty("period").GetString());
        Assert.Equal("2026-03-02", support.GetProperty("period_start").GetString());
        Assert.Equal(6, support.GetProperty("employees").GetInt32());
        Assert.False(support.GetProperty("suppressed").GetBoolean());
        Assert.Equal(60.0, support.GetProperty("res").GetDouble());
        Assert.Equal((100.0 * 6 / 9 + 75.0 + 100.0 * 4 / 6) / 3, support.GetProperty("ci").GetDouble());
        Assert.Equal(100.0 * 7 / 9, support.GetProperty("dqr").GetDouble());
        Assert.Equal(2, support.GetProperty("dqr_people").GetInt32());
        Assert.Equal(75.0, support.GetProperty("hsr").GetDouble());
        Assert.Equal(30, support.GetProperty("res_n").GetInt32());
        Assert.Equal(9, support.GetProperty("dqr_n").GetInt32());
        Assert.Equal(12, support.GetProperty("hsr_n").GetInt32());
        Assert.True(support.TryGetProperty("ci_n", out _));
        // The baseline is the first 60 days, which covers the whole four-week sample: target = baseline + 5.
        Assert.Equal(65.0, support.GetProperty("res_target").GetDouble());
    }

    /// <summary>
    /// At the default minimum of 5: support's DQR (77.78% on 9 decisions) is two people's (S1, S2) and the agents' DQR is
    /// S2's alone, so neither is printed, nor their counts: the lead's value cannot be had by subtracting one from the other.
    /// </summary>
    [Fact]
    public void Values_of_fewer_than_five_people_are_null_with_the_reason_in_every_grouping()
    {
        JsonElement Row(string by, string group)
        {
            var r = Softskills.Run("kpis", "--data", Softskills.Sample, "--by", by, "--format", "json");
            Assert.True(r.ExitCode == 0, r.Stderr);
            return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("group").GetString() == group).Clone();
        }
        var support = Row("team", "support");
        Assert.Equal(JsonValueKind.Null, support.GetProperty("dqr").ValueKind);
        Assert.Equal(JsonValueKind.Null, support.GetProperty("dqr_n").ValueKind);
        Assert.Equal("fewer than 5 deciders", support.GetProperty("withheld").GetProperty("dqr").GetString());
        var refund = support.GetProperty("dqr_by_type").GetProperty("refund");
        Assert.Equal(JsonValueKind.Null, refund.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, refund.GetProperty("n").ValueKind);
        var agents = Row("role", "agent");
        Assert.Equal(JsonValueKind.Null, agents.GetProperty("dqr").ValueKind);
        Assert.Equal(JsonValueKind.Null, Row("team", "ops").GetProperty("dqr").ValueKind); // one decider: O1
    }

    [Fact]
    public void Suppressed_groups_carry_null_kpis()
    {
        var r = Softskills.Run("kpis", "--data", Softskills.Sample, "--by", "role", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var lead = doc.RootElement.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("group").GetString() == "lead");
        Assert.True(lead.GetProperty("suppressed").GetBoolean());
        foreach (var kpi in new[] { "res", "ci", "dqr", "hsr" }) Assert.Equal(JsonValueKind.Null, lead.GetProperty(kpi).ValueKind);
        // --min-group-size 1 turns suppression off.
        var open = Softskills.Run("kpis", "--data", Softskills.Sample, "--by", "role", "--min-group-size", "1", "--format", "json");
        Assert.DoesNotContain("\"suppressed\": true", open.Stdout);
    }

    [Fact]
    public void Text_output_and_csv_file()
    {
        using var dir = new TempDir();
        var r = Softskills.Run("kpis", "--data", Softskills.Sample, "--period", "week", "--out", dir.File("kpis.csv"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("support", r.Stdout);
        var lines = File.ReadAllLines(dir.File("kpis.csv"));
        Assert.StartsWith("group_by,group,period,period_start,employees,suppressed,res,ci,dqr,hsr,res_n,ci_n,dqr_n,hsr_n,res_unrated,period_end", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("team,support,week,2026-03-02,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--by", "attr_shoe_size")]
    [InlineData("--by", "attr_region")] // a region held by 3 people may identify them
    [InlineData("--period", "fortnight")]
    [InlineData("--min-group-size", "0")]
    public void Bad_options_exit_2(string option, string value)
    {
        var r = Softskills.Run("kpis", "--data", Softskills.Sample, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.NotEmpty(r.Stderr);
    }
}
