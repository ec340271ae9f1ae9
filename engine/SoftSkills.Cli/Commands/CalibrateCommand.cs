using SoftSkills.Data.Csv;
using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Calibration;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills calibrate</c>: one round of the empathy coder's human-in-the-loop calibration.</summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var auto = new Option<FileInfo>("--auto") { Description = "CSV of auto-coded items: item_id, score (0–3) and stratum columns", Required = true };
        var human = new Option<FileInfo>("--human") { Description = "CSV of the human labels so far: item_id, score (0–3), optional rater_id, rated_at", Required = true };
        var statePath = new Option<FileInfo?>("--state") { Description = "the calibration state file: read when it exists, then rewritten (resumable, auditable)" };
        var sampleOut = new Option<FileInfo?>("--sample-out") { Description = "write the items chosen for human review to this CSV" };
        var strata = new Option<string>("--strata") { Description = "comma-separated stratum columns (those present are used)", DefaultValueFactory = _ => "team_id,attr_first_language" };
        var bar = new Option<double>("--bar") { Description = "precision of level ≥ 2 to reach (new state only)", DefaultValueFactory = _ => 0.8 };
        var minimum = new Option<int>("--min-reviewed") { Description = "reviewed items needed before switching to audits (new state only)", DefaultValueFactory = _ => 100 };
        var review = new Option<double>("--review-share") { Description = "share of new items reviewed while calibrating (new state only)", DefaultValueFactory = _ => 0.9 };
        var audit = new Option<double>("--audit-share") { Description = "share of new items audited per period (new state only)", DefaultValueFactory = _ => 0.05 };
        var rubric = new Option<string>("--rubric-version") { Description = "rubric version the reviewers use (new state only)", DefaultValueFactory = _ => "res/1" };
        var seed = new Option<int>("--seed") { Description = "sampling seed (new state only)", DefaultValueFactory = _ => 1 };
        var command = new Command("calibrate", "One calibration round: precision of level ≥ 2 with a Wilson interval, the mode, and the next review sample.")
        {
            auto, human, statePath, sampleOut, strata, bar, minimum, review, audit, rubric, seed,
        };
        command.SetAction(parse =>
        {
            foreach (var f in new[] { parse.GetValue(auto)!, parse.GetValue(human)! })
                if (!f.Exists) throw new BadInputException($"file '{f.FullName}' does not exist");
            var policy = new CalibrationPolicy(
                Inputs.Range("--bar", parse.GetValue(bar), 0.01, 0.99), Inputs.Range("--min-reviewed", parse.GetValue(minimum), 1, 1_000_000),
                Inputs.Range("--review-share", parse.GetValue(review), 0.001, 1), Inputs.Range("--audit-share", parse.GetValue(audit), 0.001, 1),
                2, parse.GetValue(rubric)!, parse.GetValue(seed));
            var stateFile = parse.GetValue(statePath);
            var state = stateFile is { Exists: true } ? CalibrationState.Load(stateFile.FullName) : CalibrationState.New(policy);
            var items = CalibrationFiles.ReadAuto(parse.GetValue(auto)!.FullName, parse.GetValue(strata)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var labels = CalibrationFiles.ReadHuman(parse.GetValue(human)!.FullName);
            var outcome = CalibrationRound.Run(state, items, labels, DateTime.UtcNow);

            // The sample is created first so it is moved into place before the state that records the round (commit order
            // is creation order): a state file never records a round whose sample was not written.
            using (var outputs = new AtomicOutputs())
            {
                if (parse.GetValue(sampleOut) is { } sample)
                    outputs.Write(sample.FullName, s => s.Write(Encoding.UTF8.GetBytes(
                        "item_id,stratum,auto_score\n" + string.Concat(outcome.Sample.Select(r => $"{CsvFormat.Escape(r.ItemId)},{CsvFormat.Escape(r.Stratum)},{r.AutoLevel}\n")))));
                if (stateFile is not null) outputs.Write(stateFile.FullName, s => s.Write(Encoding.UTF8.GetBytes(outcome.State.ToJson())));
                outputs.Commit();
            }
            var r = outcome.Round;
            var result = new JsonObject
            {
                ["round"] = r.Round, ["mode"] = Name(r.Mode), ["next_mode"] = Name(r.NextMode),
                ["precision"] = double.IsNaN(r.Precision) ? null : JsonOut.Number(r.Precision),
                ["ci95"] = new JsonArray(JsonOut.Number(r.Lower), JsonOut.Number(r.Upper)),
                ["precision_items"] = r.PrecisionTrials, ["bar"] = outcome.State.Policy.PrecisionBar,
                ["new_items"] = r.NewItems, ["sampled"] = r.Sampled, ["next_review_share"] = r.ReviewShare, ["strata"] = r.Strata,
                ["rubric_version"] = outcome.State.Policy.RubricVersion,
                ["threshold"] = JsonOut.Number(r.Threshold), ["negative_threshold"] = JsonOut.Number(r.NegativeThreshold),
                ["auto_labelled"] = r.AutoLabelled, ["auto_share"] = JsonOut.Number(r.NewItems == 0 ? null : r.AutoShare),
            };
            if (CommonOptions.Json(parse)) JsonOut.Print(result);
            else
            {
                Console.WriteLine($"round {r.Round}: precision {(double.IsNaN(r.Precision) ? "n/a" : r.Precision.ToString("F3"))} [{r.Lower:F3}, {r.Upper:F3}] on {r.PrecisionTrials} items; {Name(r.Mode)} → {Name(r.NextMode)}; {r.Sampled} of {r.NewItems} new items to review, {r.AutoLabelled} labelled by the coder alone ({r.AutoShare:P0})");
                if (r.Threshold is not null || r.NegativeThreshold is not null)
                    Console.WriteLine($"the coder labels its level ≥ 2 calls with confidence ≥ {(r.Threshold is { } t ? t.ToString("F2") : "– (all go to people)")} and its level < 2 calls with confidence ≥ {(r.NegativeThreshold is { } n ? n.ToString("F2") : "– (all go to people)")}");
            }
            return ExitCode.Ok;
        });
        return command;
    }

    static string Name(CalibrationMode m) => m == CalibrationMode.Calibrating ? "calibrating" : "auditing";
}
