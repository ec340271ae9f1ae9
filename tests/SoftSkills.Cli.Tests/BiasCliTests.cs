using System.Text.Json;

namespace SoftSkills.Cli.Tests;

public class BiasCliTests
{
    const string Cases = "case,language,needs_coaching,human_competent,res_score\n"
        + "1,a,1,1,2\n2,a,0,1,1\n3,a,1,0,3\n4,a,1,0,2\n5,b,1,1,3\n6,b,1,1,2\n7,b,0,0,1\n8,b,0,0,2\n";

    [Fact]
    public void Bias_json_reproduces_the_design_example()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("cases.csv"), Cases);
        var r = Softskills.Run("bias", "--scores", dir.File("cases.csv"), "--group", "language", "--pred", "needs_coaching",
            "--truth", "human_competent", "--score", "res_score", "--min-group-size", "1", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        var a = root.GetProperty("groups").GetProperty("a");
        Assert.Equal(4, a.GetProperty("n").GetInt32());
        Assert.Equal(0.75, a.GetProperty("selection_rate").GetDouble());
        Assert.Equal(0.5, a.GetProperty("tpr").GetDouble());
        Assert.Equal(1.0, a.GetProperty("fpr").GetDouble());
        Assert.Equal(0.25, root.GetProperty("demographic_parity_difference").GetDouble());
        Assert.Equal(0.5 / 0.75, root.GetProperty("demographic_parity_ratio").GetDouble()); // full precision
        Assert.Equal(1.0, root.GetProperty("equalized_odds_difference").GetDouble());
        Assert.Equal(0.0, root.GetProperty("equalized_odds_ratio").GetDouble());
        Assert.False(root.GetProperty("four_fifths_pass").GetBoolean());
        Assert.Equal(1, root.GetProperty("score_gaps").GetArrayLength());
    }

    [Theory]
    [InlineData("--group", "region", "column 'region' does not exist")]
    [InlineData("--pred", "res_score", "cases.csv:2:5 (res_score): '2' is not true/false or 1/0")]
    public void Bad_input_exits_2(string option, string value, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("cases.csv"), Cases);
        var args = new List<string> { "bias", "--scores", dir.File("cases.csv"), "--group", "language", "--pred", "needs_coaching", "--min-group-size", "1" };
        var i = args.IndexOf(option);
        args[i + 1] = value;
        var r = Softskills.Run([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void Groups_below_the_default_minimum_cannot_be_compared()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("cases.csv"), Cases);
        var r = Softskills.Run("bias", "--scores", dir.File("cases.csv"), "--group", "language", "--pred", "needs_coaching");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("at least two groups of 5 or more", r.Stderr);
    }
}
