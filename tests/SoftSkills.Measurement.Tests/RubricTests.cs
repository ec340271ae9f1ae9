using System.Text.Json;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Rubrics;

namespace SoftSkills.Measurement.Tests;

public class RubricTests
{
    [Fact]
    public void The_four_committed_rubrics_load()
    {
        var rubrics = RubricLoader.LoadFolder(RepoPaths.Rubrics);
        Assert.Equal([Kpi.Res, Kpi.Ci, Kpi.Dqr, Kpi.Hsr], rubrics.Keys.Order());
        foreach (var r in rubrics.Values)
        {
            Assert.Equal(Rubric.LevelNames, r.Levels.Select(l => l.Name));
            Assert.All(r.Levels, l => Assert.InRange(l.Indicators.Count, 2, 4));
            Assert.Equal("1.0.0", r.Version);
        }
    }

    static Rubric Res() => RubricLoader.Load(Path.Combine(RepoPaths.Rubrics, "res.json"));

    [Fact]
    public void Levels_build_on_each_other()
    {
        var rubric = Res();
        // Level 2 needs 2 of 3 (majority) and level 1 met as well.
        var competent = RubricScorer.Score(rubric, ["res.1.stock_phrase", "res.1.polite_tone", "res.2.names_feeling", "res.2.next_step"]);
        Assert.Equal(2, competent.Level);
        Assert.Equal("Competent", competent.LevelName);
        Assert.Equal("1.0.0", competent.RubricVersion);
        Assert.Contains("res.2.next_step", competent.Evidence);
        // Level-3 indicators alone do not make level 3 when level 1 and 2 are not met.
        Assert.Equal(0, RubricScorer.Score(rubric, ["res.3.validates", "res.3.explores"]).Level);
        // Exactly at the threshold of level 1: 2 of 3.
        Assert.Equal(1, RubricScorer.Score(rubric, ["res.1.stock_phrase", "res.1.polite_tone"]).Level);
        Assert.Equal(0, RubricScorer.Score(rubric, ["res.1.stock_phrase"]).Level);
        Assert.Equal(3, RubricScorer.Score(rubric,
            ["res.1.stock_phrase", "res.1.polite_tone", "res.2.names_feeling", "res.2.next_step", "res.3.validates", "res.3.explores"]).Level);
        Assert.Throws<ArgumentException>(() => RubricScorer.Score(rubric, ["res.9.nothing"]));
    }

    static string Mutate(Action<Dictionary<string, object?>> change)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Rubrics, "res.json"));
        var doc = JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;
        change(doc);
        return JsonSerializer.Serialize(doc);
    }

    [Theory]
    [InlineData("kpi", "\"xyz\"", "$.kpi")]
    [InlineData("version", "\"one\"", "$.version")]
    [InlineData("levels", "[]", "$.levels")]
    public void A_malformed_rubric_names_the_json_path(string field, string value, string path)
    {
        var text = Mutate(d => d[field] = JsonDocument.Parse(value).RootElement);
        var ex = Assert.Throws<RubricException>(() => RubricLoader.Parse("res.json", JsonDocument.Parse(text).RootElement));
        Assert.Equal(path, ex.JsonPath);
    }

    [Fact]
    public void Too_many_indicators_and_a_wrong_level_name_are_located()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Rubrics, "res.json"));
        var five = json.Replace("\"res.3.follow_up\",", "\"res.3.follow_up\",").Replace(
            "{\n          \"id\": \"res.3.follow_up\"",
            "{ \"id\": \"res.3.extra\", \"text\": \"x\" },\n        {\n          \"id\": \"res.3.follow_up\"");
        var ex = Assert.Throws<RubricException>(() => RubricLoader.Parse("res.json", JsonDocument.Parse(five).RootElement));
        Assert.Equal("$.levels[3].indicators", ex.JsonPath);
        Assert.Contains("2–4", ex.Message);
        var renamed = json.Replace("\"Emerging\"", "\"Beginner\"");
        ex = Assert.Throws<RubricException>(() => RubricLoader.Parse("res.json", JsonDocument.Parse(renamed).RootElement));
        Assert.Equal("$.levels[1].name", ex.JsonPath);
    }
}
