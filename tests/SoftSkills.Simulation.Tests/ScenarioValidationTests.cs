using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Tests;

/// <summary>Each kind of bad scenario is rejected with the JSON path of the bad field and the rule.</summary>
public class ScenarioValidationTests
{
    static string Default => File.ReadAllText(Scenarios.DefaultPilotFile);

    [Theory]
    [InlineData("\"size\": 10, \"roles\": { \"lead\": 1, \"agent\": 9 }, \"customer_facing\": true },\n    { \"name\": \"support-west\"", "\"size\": 0, \"roles\": {}, \"customer_facing\": true },\n    { \"name\": \"support-west\"", "teams[2].size", "must be between 1 and")]
    [InlineData("\"name\": \"sales\"", "\"name\": \"support-north\"", "teams[4].name", "duplicate team name")]
    [InlineData("{ \"lead\": 1, \"operator\": 7 }", "{ \"lead\": 1, \"operator\": 9 }", "teams[7].roles", "more than the team size 8")]
    [InlineData("\"complaint_share\": 0.3", "\"complaint_share\": 1.3", "workload.complaint_share", "between 0 and 1")]
    [InlineData("{ \"from\": \"product\", \"to\": \"engineering\"", "{ \"from\": \"product\", \"to\": \"legal\"", "workload.handoff_routes[6].to", "'legal' is not a team")]
    [InlineData("\"control_teams\": [\"support-south\", \"support-west\"]", "\"control_teams\": [\"support-south\", \"support-north\"]", "pilot.control_teams[1]", "also a treatment team")]
    [InlineData("\"baseline_days\": 60", "\"baseline_days\": 0", "pilot.baseline_days", "at least 1")]
    [InlineData("\"empathy\": { \"mean\": 0.5", "\"empathy_level\": { \"mean\": 0.5", "traits.empathy_level", "unknown trait")]
    [InlineData("\"attr_region\"", "\"region\"", "cohorts.region", "must start with attr_")]
    [InlineData("\"ticket\": 2.0", "\"fax\": 2.0", "workload.customer_requests_per_day.fax", "unknown channel")]
    [InlineData("\"threshold\": 2", "\"threshold\": 5", "interventions.realtime_feedback.threshold", "rubric level")]
    [InlineData("\"seed\": 20260105", "\"seed\": 20260105, \"colour\": \"blue\"", "colour", "unknown field")]
    [InlineData("\"size\": 12, \"roles\": { \"lead\": 1, \"agent\": 11 }, \"customer_facing\": true },\n    { \"name\": \"support-south\"", "\"size\": \"twelve\", \"roles\": { \"lead\": 1, \"agent\": 11 }, \"customer_facing\": true },\n    { \"name\": \"support-south\"", "teams[0].size", "must be a whole number")]
    public void Bad_field_is_named_by_its_path(string from, string to, string path, string rule)
    {
        var json = Default;
        Assert.Contains(from, json);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json.Replace(from, to)));
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(rule, ex.Message);
        Assert.StartsWith($"{path}: ", ex.Message);
    }

    [Fact]
    public void The_default_scenario_is_valid_and_mid_sized()
    {
        var s = Scenarios.DefaultPilot;
        Assert.Equal(8, s.Teams.Count);
        Assert.All(s.Teams, t => Assert.InRange(t.Size, 8, 15));
        Assert.Equal(2, s.Pilot.TreatmentTeams.Count);
        Assert.Equal(2, s.Pilot.ControlTeams.Count);
        Assert.Equal(60, s.Pilot.BaselineDays);
        Assert.Equal(90, s.Pilot.PilotDays);
    }
}
