using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SoftSkills.Data;

namespace SoftSkills.Simulation.Scenarios;

/// <summary>A bad scenario: the JSON path of the field and the rule it breaks, e.g. <c>teams[3].size: must be at least 1</c>.</summary>
public sealed class ScenarioException(string path, string rule) : Exception($"{path}: {rule}")
{
    public string JsonPath { get; } = path;
    public string Rule { get; } = rule;
}

/// <summary>Reads, checks and fingerprints scenario files.</summary>
public static class ScenarioLoader
{
    public static readonly string[] TraitNames = ["empathy", "collaboration", "decision_skill", "handoff_diligence"];
    public static readonly string[] Channels = ["ticket", "email", "chat"];

    /// <summary>The largest rate (per employee per day or week) a scenario may ask for.</summary>
    public const double MaxRate = 1_000;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    public static Scenario Load(string path) => Parse(SoftSkills.Data.Files.TextFiles.ReadAllText(path));

    public static Scenario Parse(string json)
    {
        Scenario? scenario;
        try
        {
            using (var document = SoftSkills.Data.Files.JsonText.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }))
                RejectNulls(document.RootElement, "");
            scenario = JsonSerializer.Deserialize<Scenario>(json, Json);
        }
        catch (JsonException ex) when (ex.Path is null or "$" && ex.LineNumber is not null && !ex.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            throw new ScenarioException("(root)", SoftSkills.Data.Files.JsonErrors.Describe(ex));
        }
        catch (JsonException ex)
        {
            var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            var rule = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field" : SoftSkills.Data.Files.JsonErrors.Expected(ex);
            throw new ScenarioException(path.Length == 0 ? "(root)" : path, rule);
        }
        if (scenario is null) throw new ScenarioException("(root)", "must be a JSON object");
        Validate(scenario);
        return scenario;
    }

    /// <summary>No field of a scenario may be null: leave it out to take its default.</summary>
    static void RejectNulls(JsonElement node, string path)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Null: throw new ScenarioException(path.Length == 0 ? "(root)" : path, "must not be null (leave the field out to take its default)");
            case JsonValueKind.Object:
                foreach (var p in node.EnumerateObject()) RejectNulls(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in node.EnumerateArray()) RejectNulls(item, $"{path}[{i++}]");
                break;
        }
    }

    /// <summary>SHA-256 of the scenario as the simulator sees it (canonical JSON), for the manifest.</summary>
    public static string Sha256(Scenario scenario) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(scenario, Json))));

    public static string ToJson(Scenario scenario) => JsonSerializer.Serialize(scenario, Json);

    /// <summary>Checks every rule, naming the first broken one by its JSON path.</summary>
    public static void Validate(Scenario s)
    {
        void Require(bool ok, string path, string rule) { if (!ok) throw new ScenarioException(path, rule); }
        void Share(double v, string path) => Require(v is >= 0 and <= 1 && double.IsFinite(v), path, "must be between 0 and 1");
        void Rate(double v, string path) => Require(v is >= 0 and <= MaxRate, path, $"must be between 0 and {MaxRate}");

        Require(!string.IsNullOrWhiteSpace(s.Name), "name", "must not be empty");
        Require(s.StartDate.Year is >= 1900 and <= 2999, "start_date", "must be a day between 1900 and 2999");
        Require(s.Teams.Count > 0, "teams", "must list at least one team");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Teams.Count; i++)
        {
            var t = s.Teams[i];
            var p = $"teams[{i}]";
            Require(!string.IsNullOrWhiteSpace(t.Name), $"{p}.name", "must not be empty");
            Require(names.Add(t.Name), $"{p}.name", $"duplicate team name '{t.Name}'");
            Require(t.Size is >= 1 and <= SizeLimits.Employees, $"{p}.size", $"must be between 1 and {SizeLimits.Employees:N0}");
            foreach (var (role, count) in t.Roles)
            {
                Require(!string.IsNullOrWhiteSpace(role), $"{p}.roles", "role names must not be empty");
                Require(count >= 0, $"{p}.roles.{role}", "must be zero or more");
            }
            var roles = t.Roles.Values.Sum(c => (long)c);
            Require(roles <= t.Size, $"{p}.roles", $"role counts add up to {roles}, more than the team size {t.Size}");
        }
        var employees = s.Teams.Sum(t => (long)t.Size);
        Require(employees <= SizeLimits.Employees, "teams", $"{employees:N0} employees in all, more than the limit of {SizeLimits.Employees:N0}");
        foreach (var (attr, shares) in s.Cohorts)
        {
            Require(attr.StartsWith("attr_", StringComparison.Ordinal), $"cohorts.{attr}", "cohort columns must start with attr_");
            Require(shares.Count > 0, $"cohorts.{attr}", "must list at least one value");
            foreach (var (value, share) in shares) Rate(share, $"cohorts.{attr}.{value}");
            Require(shares.Values.Sum() > 0, $"cohorts.{attr}", "shares must add up to more than 0");
        }
        foreach (var (trait, spec) in s.Traits)
        {
            Require(TraitNames.Contains(trait), $"traits.{trait}", $"unknown trait (expected {string.Join(", ", TraitNames)})");
            Share(spec.Mean, $"traits.{trait}.mean");
            Require(spec.Sd is >= 0 and <= 1, $"traits.{trait}.sd", "must be between 0 and 1");
        }
        for (var i = 0; i < s.TraitShifts.Count; i++)
        {
            var shift = s.TraitShifts[i];
            Require(s.Cohorts.ContainsKey(shift.Attribute), $"trait_shifts[{i}].attribute", $"'{shift.Attribute}' is not a cohort column");
            Require(TraitNames.Contains(shift.Trait), $"trait_shifts[{i}].trait", $"unknown trait '{shift.Trait}'");
            Require(shift.Shift is >= -1 and <= 1, $"trait_shifts[{i}].shift", "must be between -1 and 1");
        }

        var w = s.Workload;
        foreach (var (channel, rate) in w.CustomerRequestsPerDay)
        {
            Require(Channels.Contains(channel), $"workload.customer_requests_per_day.{channel}", $"unknown channel (expected {string.Join(", ", Channels)})");
            Rate(rate, $"workload.customer_requests_per_day.{channel}");
        }
        Share(w.ComplaintShare, "workload.complaint_share");
        Rate(w.InternalRequestsPerDay, "workload.internal_requests_per_day");
        Rate(w.MessagesPerDay, "workload.messages_per_day");
        Share(w.CrossTeamShare, "workload.cross_team_share");
        Rate(w.MeetingsPerWeek, "workload.meetings_per_week");
        Rate(w.TaskUpdatesPerDay, "workload.task_updates_per_day");
        for (var i = 0; i < w.HandoffRoutes.Count; i++)
        {
            var r = w.HandoffRoutes[i];
            Require(names.Contains(r.From), $"workload.handoff_routes[{i}].from", $"'{r.From}' is not a team");
            Require(names.Contains(r.To), $"workload.handoff_routes[{i}].to", $"'{r.To}' is not a team");
            Rate(r.PerDay, $"workload.handoff_routes[{i}].per_day");
        }
        for (var i = 0; i < w.Decisions.Count; i++)
        {
            Require(!string.IsNullOrWhiteSpace(w.Decisions[i].Type), $"workload.decisions[{i}].type", "must not be empty");
            Rate(w.Decisions[i].PerDay, $"workload.decisions[{i}].per_day");
            Share(w.Decisions[i].BaseQuality, $"workload.decisions[{i}].base_quality");
        }

        var r2 = s.Raters;
        Share(r2.HumanShare, "raters.human_share");
        Require(r2.HumanRatersPerItem >= 1, "raters.human_raters_per_item", "must be at least 1");
        Require(r2.HumanRatersPerItem <= 100, "raters.human_raters_per_item", "must be at most 100");
        Require(r2.HumanRaterPool >= r2.HumanRatersPerItem && r2.HumanRaterPool <= 100_000, "raters.human_rater_pool", "must be at least human_raters_per_item and at most 100,000");
        Rate(r2.HumanNoiseSd, "raters.human_noise_sd");
        Require(r2.HumanLeniency is >= -3 and <= 3, "raters.human_leniency", "must be between -3 and 3");
        Share(r2.ManagerHalo, "raters.manager_halo");
        Rate(r2.ManagerNoiseSd, "raters.manager_noise_sd");
        Require(r2.ManagerRatingEveryDays >= 1, "raters.manager_rating_every_days", "must be at least 1");
        Share(r2.NpsResponseRate, "raters.nps_response_rate");

        var pilot = s.Pilot;
        Require(pilot.BaselineDays >= 1, "pilot.baseline_days", "must be at least 1");
        Require(pilot.PilotDays >= 1, "pilot.pilot_days", "must be at least 1");
        Require((long)pilot.BaselineDays + pilot.PilotDays <= SizeLimits.Days, "pilot", $"baseline_days + pilot_days must be at most {SizeLimits.Days:N0}");
        for (var i = 0; i < pilot.TreatmentTeams.Count; i++)
            Require(names.Contains(pilot.TreatmentTeams[i]), $"pilot.treatment_teams[{i}]", $"'{pilot.TreatmentTeams[i]}' is not a team");
        for (var i = 0; i < pilot.ControlTeams.Count; i++)
        {
            Require(names.Contains(pilot.ControlTeams[i]), $"pilot.control_teams[{i}]", $"'{pilot.ControlTeams[i]}' is not a team");
            Require(!pilot.TreatmentTeams.Contains(pilot.ControlTeams[i]), $"pilot.control_teams[{i}]", $"'{pilot.ControlTeams[i]}' is also a treatment team");
        }

        var c = s.Interventions.CoachingNudge;
        Rate(c.NudgesPerWeek, "interventions.coaching_nudge.nudges_per_week");
        Share(c.LearningRate, "interventions.coaching_nudge.learning_rate");
        Share(c.Decay, "interventions.coaching_nudge.decay");
        for (var i = 0; i < c.Traits.Count; i++)
            Require(TraitNames.Contains(c.Traits[i]), $"interventions.coaching_nudge.traits[{i}]", $"unknown trait '{c.Traits[i]}'");
        var f = s.Interventions.RealtimeFeedback;
        Require(f.Threshold is >= 0 and <= 3, "interventions.realtime_feedback.threshold", "must be a rubric level 0–3");
        Share(f.MarkerBoost, "interventions.realtime_feedback.marker_boost");
        Share(f.EmpathyGain, "interventions.realtime_feedback.empathy_gain");
        Share(f.MarkerDecay, "interventions.realtime_feedback.marker_decay");
        Rate(s.Text.NonNativePhraseFactor, "text.non_native_phrase_factor");
        Require(s.Text.TraitDriftSd is >= 0 and <= 0.2, "text.trait_drift_sd", "must be between 0 and 0.2");
    }
}
