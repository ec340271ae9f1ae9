using System.Text.Json;

namespace SoftSkills.Cli.Tests;

public class ReliabilityCliTests
{
    /// <summary>Krippendorff's (2011) example in long form: 4 observers, 12 units.</summary>
    static string KrippendorffCsv()
    {
        double?[][] rows =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
            [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
        ];
        var lines = new List<string> { "item_id,rater_id,score" };
        for (var r = 0; r < rows.Length; r++)
            for (var u = 0; u < rows[r].Length; u++)
                if (rows[r][u] is { } v) lines.Add($"u{u + 1},{"ABCD"[r]},{v}");
        return string.Join("\n", lines) + "\n";
    }

    [Theory]
    [InlineData("nominal", 0.743)]
    [InlineData("ordinal", 0.815)]
    [InlineData("interval", 0.849)]
    [InlineData("ratio", 0.797)]
    public void Krippendorff_json_has_the_documented_fields(string level, double published)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("r.csv"), KrippendorffCsv());
        var r = Softskills.Run("reliability", "--ratings", dir.File("r.csv"), "--metric", "krippendorff", "--level", level, "--format", "json", "--bootstrap", "200");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("krippendorff", root.GetProperty("metric").GetString());
        Assert.Equal(level, root.GetProperty("level").GetString());
        Assert.Equal(published, Math.Round(root.GetProperty("value").GetDouble(), 3));
        Assert.Equal(11, root.GetProperty("units").GetInt32());
        Assert.Equal(4, root.GetProperty("raters").GetInt32());
        Assert.Equal(2, root.GetProperty("ci95").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("observed_disagreement").ValueKind);
    }

    [Fact]
    public void Icc_and_cohen_json()
    {
        using var dir = new TempDir();
        double[,] sf = { { 9, 2, 5, 8 }, { 6, 1, 3, 2 }, { 8, 4, 6, 8 }, { 7, 1, 2, 6 }, { 10, 5, 6, 9 }, { 6, 2, 4, 7 } };
        var lines = new List<string> { "item_id,rater_id,score" };
        for (var i = 0; i < 6; i++) for (var j = 0; j < 4; j++) lines.Add($"s{i},j{j},{sf[i, j]}");
        File.WriteAllText(dir.File("sf.csv"), string.Join("\n", lines) + "\n");
        var icc = Softskills.Run("reliability", "--ratings", dir.File("sf.csv"), "--metric", "icc", "--format", "json");
        Assert.True(icc.ExitCode == 0, icc.Stderr);
        using var doc = JsonDocument.Parse(icc.Stdout);
        var forms = doc.RootElement.GetProperty("forms");
        Assert.Equal(0.71, Math.Round(forms.GetProperty("ICC3").GetProperty("value").GetDouble(), 2));
        Assert.Equal(11.03, Math.Round(forms.GetProperty("ICC3").GetProperty("f").GetDouble(), 2));
        foreach (var f in new[] { "ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k" })
            Assert.Equal(2, forms.GetProperty(f).GetProperty("ci95").GetArrayLength());

        var cohen = Softskills.Run("reliability", "--ratings", dir.File("sf.csv"), "--metric", "cohen", "--format", "json");
        Assert.Equal(2, cohen.ExitCode); // four judges: Cohen's kappa compares two
        Assert.Contains("two raters", cohen.Stderr);
    }

    [Theory]
    [InlineData("item_id,rater_id,score\na,r1,2\na,r2,high\n", "r.csv:3:3 (score): score 'high' is not a number")]
    [InlineData("item_id,rater_id,score\na,r1,2\nb,r1,3\n", "only one rater")]
    [InlineData("item_id,rater,score\na,r1,2\n", "missing column 'rater_id'")]
    [InlineData("item_id,rater_id,score\na,r1,2\na,r1,3\n", "rated item 'a' twice")]
    public void Bad_input_exits_2_with_a_clear_message(string csv, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("r.csv"), csv);
        var r = Softskills.Run("reliability", "--ratings", dir.File("r.csv"), "--metric", "percent");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    /// <summary>
    /// A data folder's ratings hold human raters and the auto-coder: by default only humans are compared (3 raters; 3 of
    /// the sample's items have two human ratings); --source all adds the coder as a fourth rater (4 items then have two
    /// or more ratings); the coder alone is one rater.
    /// </summary>
    [Fact]
    public void A_data_folders_ratings_compare_human_raters_unless_asked_otherwise()
    {
        var ratings = Path.Combine(Softskills.Sample, "ratings.csv");
        var human = System.Text.Json.Nodes.JsonNode.Parse(Softskills.Run("reliability", "--ratings", ratings, "--metric", "krippendorff", "--format", "json").Stdout)!;
        Assert.Equal((3, 3, "human"), ((int)human["raters"]!, (int)human["units"]!, (string)human["source"]!));
        var all = System.Text.Json.Nodes.JsonNode.Parse(Softskills.Run("reliability", "--ratings", ratings, "--metric", "krippendorff", "--source", "all", "--format", "json").Stdout)!;
        Assert.Equal((4, 4), ((int)all["raters"]!, (int)all["units"]!));
        var auto = Softskills.Run("reliability", "--ratings", ratings, "--metric", "krippendorff", "--source", "auto");
        Assert.Equal(2, auto.ExitCode);
        Assert.Contains("only one rater", auto.Stderr);
    }
}
