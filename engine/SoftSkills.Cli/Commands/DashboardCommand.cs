using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Coaching;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Reporting.Dashboard;
using SoftSkills.Studies;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills dashboard</c>: the offline coaching dashboard of a data folder.</summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data folder (employees, events, ratings, ...)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "the HTML file to write", Required = true };
        var triggers = new Option<FileInfo?>("--triggers") { Description = "trigger rules JSON (default: data/triggers/default.json)" };
        var floor = new Option<int>("--min-observations") { Description = "values resting on fewer observations are shown, flagged and not ranked", DefaultValueFactory = _ => 10 };
        var minGroup = CommonOptions.MinGroupSize();
        var lenient = CommonOptions.Lenient();
        var command = new Command("dashboard", "Write the offline coaching dashboard: which team needs coaching today?") { data, output, triggers, floor, minGroup, lenient };
        command.SetAction(parse =>
        {
            var minSize = CommonOptions.MinGroup(parse, minGroup);
            var outPath = Inputs.OutputFile(parse.GetValue(output)!, "--out");
            var folder = Inputs.Folder(parse.GetValue(data)!, parse.GetValue(lenient));
            var rules = LoadRules(parse.GetValue(triggers));
            var options = new DashboardOptions(Inputs.Range("--min-observations", parse.GetValue(floor), 0, 1_000_000));
            // A data folder of a pilot (interventions naming both arms) shows the pilot's arms and effects too.
            DashboardModel model;
            if (folder.Interventions().Any(i => i.Arm == SoftSkills.Data.Schema.Arm.Control))
            {
                var (design, published) = PilotStudy.Publish(folder, minSize);
                model = DashboardBuilder.Build(published, rules, options, PilotStudy.FromPublished(published, design, null, new PilotOptions(minSize)));
            }
            else model = DashboardBuilder.Build(PublishedKpis.Compute(folder, new KpiOptions { MinGroupSize = minSize }), rules, options);
            AtomicOutputs.WriteText(outPath, DashboardPage.Html(model));
            Report.PrintIssues(folder.Reports.Values);
            var summary = new JsonObject
            {
                ["out"] = outPath, ["bytes"] = new FileInfo(outPath).Length, ["teams"] = model.Teams.Count,
                ["current_week"] = model.CurrentWeek?.Monday, ["top_team"] = model.Ranking.FirstOrDefault()?.Team,
                ["not_ranked"] = model.NotRanked.Count,
            };
            if (CommonOptions.Json(parse)) JsonOut.Print(summary);
            else TextOut.Line($"dashboard of {model.Teams.Count} teams ({model.FirstDay} to {model.LastDay}; current week {model.CurrentWeek?.From ?? "none"} to {model.CurrentWeek?.To ?? ""}) written to {outPath}; "
                + $"top team: {model.Ranking.FirstOrDefault()?.Team ?? "none"}{(model.NotRanked.Count > 0 ? $"; {model.NotRanked.Count} team(s) shown but not ranked" : "")}");
            return ExitCode.Ok;
        });
        return command;
    }

    public static TriggerRules LoadRules(FileInfo? file)
    {
        var path = file?.FullName ?? ScenarioFiles.DefaultTriggers;
        Inputs.File(new FileInfo(path), "trigger rules");
        try { return TriggerRules.Load(path); }
        catch (TriggerRulesException ex) { throw new BadInputException($"{Path.GetFileName(path)}: {ex.Message}"); }
    }
}
