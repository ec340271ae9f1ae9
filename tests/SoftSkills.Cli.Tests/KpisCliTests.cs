using System.Text.Json;

namespace SoftSkills.Cli.Tests;

public class KpisCliTests
{
    [Fact]
    public void Kpis_json_has_the_documented_fields_and_hand_computed_values()
    {
        var r = Softskills.Run("kpis", "--data", Softskills.Sample, "--format", "json");
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
        Assert.Equal(69.4444, support.GetProperty("ci").GetDouble());
        Assert.Equal(77.7778, support.GetProperty("dqr").GetDouble());
        Assert.Equal(75.0, support.GetProperty("hsr").GetDouble());
        Assert.Equal(30, support.GetProperty("res_n").GetInt32());
        Assert.Equal(9, support.GetProperty("dqr_n").GetInt32());
        Assert.Equal(12, support.GetProperty("hsr_n").GetInt32());
        Assert.True(support.TryGetProperty("ci_n", out _));
        // The baseline is the first 60 days, which covers the whole four-week sample: target = baseline + 5.
        Assert.Equal(65.0, support.GetProperty("res_target").GetDouble());
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
        Assert.StartsWith("group_by,group,period,period_start,employees,suppressed,res,ci,dqr,hsr", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("team,support,week,2026-03-02,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--by", "attr_shoe_size")]
    [InlineData("--period", "fortnight")]
    [InlineData("--min-group-size", "0")]
    public void Bad_options_exit_2(string option, string value)
    {
        var r = Softskills.Run("kpis", "--data", Softskills.Sample, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.NotEmpty(r.Stderr);
    }
}
