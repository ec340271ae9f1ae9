using System.Text.Json;

namespace SoftSkills.Cli.Tests;

public class SimulationCliTests
{
    static string DefaultScenario => Path.Combine(Softskills.RepoRoot, "data", "scenarios", "default-pilot.json");

    [Fact]
    public void Simulate_prints_the_manifest_and_kpis_read_its_output()
    {
        using var dir = new TempDir();
        var r = Softskills.Run("simulate", "--scenario", DefaultScenario, "--out", dir.File("sim"), "--employees", "30", "--days", "20",
            "--engine", "reference", "--seed", "7", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var manifest = JsonDocument.Parse(r.Stdout);
        Assert.Equal(7UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal("reference", manifest.RootElement.GetProperty("engine").GetString());
        var files = manifest.RootElement.GetProperty("files");
        foreach (var table in new[] { "employees", "events", "ratings", "outcomes", "interventions", "truth" })
        {
            var entry = files.GetProperty(table + ".parquet");
            Assert.Matches("^[0-9a-f]{64}$", entry.GetProperty("sha256").GetString());
            var bytes = File.ReadAllBytes(dir.File($"sim/{table}.parquet"));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), entry.GetProperty("sha256").GetString());
        }
        Assert.Equal(30, files.GetProperty("employees.parquet").GetProperty("rows").GetInt32());
        Assert.Equal(r.Stdout.Trim(), File.ReadAllText(dir.File("sim/manifest.json")).Trim());
        var kpis = Softskills.Run("kpis", "--data", dir.File("sim"), "--format", "json");
        Assert.Equal(0, kpis.ExitCode);
        Assert.Contains("\"group\": \"support-north\"", kpis.Stdout);
    }

    [Theory]
    [InlineData("\"size\": 9,", "\"size\": 0,", "teams[5].size: must be between 1 and")]
    [InlineData("\"nps_response_rate\": 0.3", "\"nps_response_rate\": -1", "raters.nps_response_rate: must be between 0 and 1")]
    [InlineData("\"to\": \"operations\", \"per_day\": 0.3 },\n      { \"from\": \"support-south\"", "\"to\": \"ops\", \"per_day\": 0.3 },\n      { \"from\": \"support-south\"", "workload.handoff_routes[0].to: 'ops' is not a team")]
    public void A_bad_scenario_exits_2_with_the_path(string from, string to, string expected)
    {
        using var dir = new TempDir();
        var text = File.ReadAllText(DefaultScenario);
        Assert.Contains(from, text);
        File.WriteAllText(dir.File("bad.json"), text.Replace(from, to));
        foreach (var verb in new[] { "simulate", "pilot" })
        {
            var args = verb == "simulate"
                ? new[] { verb, "--scenario", dir.File("bad.json"), "--out", dir.File("out") }
                : [verb, "--scenario", dir.File("bad.json"), "--out", dir.File("out")];
            var r = Softskills.Run(args);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"bad.json: {expected}", r.Stderr);
            Assert.False(Directory.Exists(dir.File("out")));
        }
    }

    [Fact]
    public void Pilot_reports_effects_with_intervals_and_true_effects()
    {
        using var dir = new TempDir();
        var r = Softskills.Run("pilot", "--out", dir.File("pilot"), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("orleans", doc.RootElement.GetProperty("manifest").GetProperty("engine").GetString());
        foreach (var kpi in new[] { "res", "ci", "dqr", "hsr" })
        {
            var e = doc.RootElement.GetProperty("effects").GetProperty(kpi);
            var ci = e.GetProperty("ci95").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(2, ci.Length);
            Assert.True(ci[0] <= e.GetProperty("estimate").GetDouble() && e.GetProperty("estimate").GetDouble() <= ci[1]);
            Assert.Equal(JsonValueKind.Number, e.GetProperty("true").ValueKind);
            // CR2 with Bell–McCaffrey degrees of freedom (2 + 2 teams): a real number between 1 and G − 1 = 3.
            Assert.InRange(e.GetProperty("df").GetDouble(), 1, 3);
            Assert.Contains("CR2", e.GetProperty("method").GetString());
            Assert.InRange(e.GetProperty("holm_p").GetDouble(), e.GetProperty("p").GetDouble(), 1);
            Assert.Equal(1.0 / 3, e.GetProperty("permutation_smallest_p").GetDouble(), 12);
        }
        using var effects = JsonDocument.Parse(File.ReadAllText(dir.File("pilot/effects.json")));
        Assert.True(effects.RootElement.TryGetProperty("hsr", out _));
        Assert.True(File.Exists(dir.File("pilot/simulation/manifest.json")));
        Assert.True(File.Exists(dir.File("pilot/counterfactual/events.parquet")));
        // validity on the same folder: RES moves with NPS, and the MTMM summary is there.
        var validity = Softskills.Run("validity", "--data", dir.File("pilot/simulation"), "--format", "json");
        Assert.True(validity.ExitCode == 0, validity.Stderr);
        using var validityDoc = JsonDocument.Parse(validity.Stdout);
        var resNps = validityDoc.RootElement.GetProperty("convergent").EnumerateArray()
            .Single(c => c.GetProperty("kpi").GetString() == "res" && c.GetProperty("outcome").GetString() == "nps");
        Assert.True(resNps.GetProperty("pearson").GetProperty("value").GetDouble() > 0.3);
        Assert.True(validityDoc.RootElement.GetProperty("mtmm").GetProperty("people").GetInt32() > 50);
        // did on the pilot's own data folder gives the same effects.
        var did = Softskills.Run("did", "--data", dir.File("pilot/simulation"), "--counterfactual", dir.File("pilot/counterfactual"), "--format", "json");
        Assert.True(did.ExitCode == 0, did.Stderr);
        using var didDoc = JsonDocument.Parse(did.Stdout);
        Assert.Equal(doc.RootElement.GetProperty("effects").GetProperty("hsr").GetProperty("estimate").GetDouble(),
            didDoc.RootElement.GetProperty("effects").GetProperty("hsr").GetProperty("estimate").GetDouble());
        Assert.Equal(6, didDoc.RootElement.GetProperty("effects").GetProperty("hsr").GetProperty("permutation_assignments").GetInt32());
        // The pilot ends with the break-even month implied by the measured effects.
        var roi = doc.RootElement.GetProperty("roi");
        Assert.Equal(10_000, roi.GetProperty("monte_carlo_draws").GetInt32());
        Assert.Equal(JsonValueKind.Number, roi.GetProperty("probability_break_even").ValueKind);
        Assert.True(roi.GetProperty("productivity_uplift").GetProperty("low").GetDouble() <= roi.GetProperty("productivity_uplift").GetProperty("high").GetDouble());
    }

    [Fact]
    public void Power_replicates_each_design_over_recorded_seeds()
    {
        var args = new[] { "power", "--seeds", "2", "--teams-per-arm", "2", "--days", "30", "--format", "json" };
        var r = Softskills.Run(args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var design = doc.RootElement.GetProperty("designs")[0];
        Assert.Equal(2, design.GetProperty("teams_per_arm").GetInt32());
        Assert.Equal(3, design.GetProperty("cluster_df").GetInt32());
        Assert.Equal(2, design.GetProperty("replication_seeds").GetArrayLength());
        foreach (var kpi in new[] { "res", "ci", "dqr", "hsr" })
            Assert.InRange(design.GetProperty("kpis").GetProperty(kpi).GetProperty("power").GetDouble(), 0, 1);
        Assert.Equal(r.Stdout, Softskills.Run(args).Stdout); // seeded: the same command gives the same answer
        Assert.Equal(2, Softskills.Run("power", "--teams-per-arm", "3").ExitCode);
    }
}
