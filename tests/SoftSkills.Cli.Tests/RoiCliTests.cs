using System.Text.Json;

namespace SoftSkills.Cli.Tests;

public class RoiCliTests
{
    static string MidSize => Path.Combine(Softskills.RepoRoot, "data", "scenarios", "roi-mid-size.json");

    [Fact]
    public void Roi_json_carries_the_documented_fields_and_a_self_contained_report()
    {
        using var dir = new TempDir();
        var r = Softskills.Run("roi", "--scenario", MidSize, "--monte-carlo", "2000", "--seed", "3", "--format", "json", "--report", dir.File("roi.html"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var scenarios = doc.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["conservative", "base", "optimistic"], scenarios.Select(s => s.GetProperty("name").GetString()));
        var base_ = scenarios[1];
        Assert.Equal(9, base_.GetProperty("break_even_month").GetInt32());
        Assert.Equal(36, base_.GetProperty("cumulative_net_benefit").GetArrayLength());
        foreach (var field in new[] { "roi_percent", "benefit_cost_ratio", "npv", "probability_break_even" })
            Assert.Equal(JsonValueKind.Number, base_.GetProperty(field).ValueKind);
        Assert.True(base_.GetProperty("break_even_p10").GetInt32() <= base_.GetProperty("break_even_p50").GetInt32());
        Assert.Equal(JsonValueKind.Null, scenarios[0].GetProperty("break_even_month").ValueKind); // conservative: not within 36 months

        var html = File.ReadAllText(dir.File("roi.html"));
        Assert.Equal(1, CountOf(html, "plotly.js v2.28.0"));
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("id=\"tornado\"", html);
        Assert.Contains("id=\"break-even-distribution\"", html);
        Assert.Contains("In the base scenario the programme breaks even in month 9", html);

        var again = Softskills.Run("roi", "--scenario", MidSize, "--monte-carlo", "2000", "--seed", "3", "--format", "json");
        Assert.Equal(r.Stdout, again.Stdout);
    }

    static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [Theory]
    [InlineData("\"members\": { \"low\": 180, \"mode\": 200, \"high\": 220 }", "\"members\": -3", "$.members: must be positive")]
    [InlineData("\"productivity_uplift\": { \"low\": 0.01, \"mode\": 0.02, \"high\": 0.03 }", "\"productivity_uplift\": 1.2", "$.scenarios[1].productivity_uplift: must be between -1 and 1")]
    [InlineData("\"ramp_months\": { \"low\": 3, \"mode\": 4, \"high\": 6 }", "\"ramp_months\": 40", "$.scenarios[2].ramp_months: a ramp of 40 months is longer than the horizon")]
    public void Invalid_input_exits_2_with_the_json_path(string from, string to, string expected)
    {
        using var dir = new TempDir();
        var text = File.ReadAllText(MidSize);
        Assert.Contains(from, text);
        File.WriteAllText(dir.File("bad.json"), text.Replace(from, to));
        var r = Softskills.Run("roi", "--scenario", dir.File("bad.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"bad.json: {expected}", r.Stderr);
    }
}
