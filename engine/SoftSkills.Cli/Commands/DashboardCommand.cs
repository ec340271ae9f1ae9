using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Coaching;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;
using SoftSkills.Reporting.Dashboard;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills dashboard</c>: the offline coaching dashboard of a data folder.</summary>
public static class DashboardCommand
{
    public static string DefaultTriggers => Path.Combine(AppContext.BaseDirectory, "triggers", "default.json");

    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data folder (employees, events, ratings, ...)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "the HTML file to write", Required = true };
        var triggers = new Option<FileInfo?>("--triggers") { Description = "trigger rules JSON (default: data/triggers/default.json)" };
        var minGroup = CommonOptions.MinGroupSize();
        var lenient = CommonOptions.Lenient();
        var command = new Command("dashboard", "Write the offline coaching dashboard: which team needs coaching today?") { data, output, triggers, minGroup, lenient };
        command.SetAction(parse =>
        {
            var minSize = parse.GetValue(minGroup);
            if (minSize < 1) throw new BadInputException("--min-group-size must be at least 1");
            var folder = new DataFolder(parse.GetValue(data)!.FullName, new ReadOptions(parse.GetValue(lenient)));
            var summary = Write(folder, parse.GetValue(output)!.FullName, LoadRules(parse.GetValue(triggers)), minSize);
            Report.PrintIssues(folder.Reports.Values);
            if (CommonOptions.Json(parse)) JsonOut.Print(summary);
            else Console.WriteLine($"dashboard of {summary["teams"]} teams written to {summary["out"]} ({summary["bytes"]} bytes); top team: {summary["top_team"] ?? "none"}");
            return ExitCode.Ok;
        });
        return command;
    }

    public static TriggerRules LoadRules(FileInfo? file)
    {
        var path = file?.FullName ?? DefaultTriggers;
        if (!File.Exists(path)) throw new BadInputException($"trigger rules '{path}' do not exist");
        try { return TriggerRules.Load(path); }
        catch (TriggerRulesException ex) { throw new BadInputException($"{Path.GetFileName(path)}: {ex.Message}"); }
    }

    /// <summary>Computes the dashboard's aggregates and writes the page atomically; returns a small summary.</summary>
    public static JsonObject Write(DataFolder folder, string outPath, TriggerRules rules, int minGroupSize)
    {
        var data = DashboardData.Compute(folder, rules, minGroupSize);
        var html = DashboardPage.Html(data);
        AtomicOutputs.WriteText(outPath, html);
        var ranking = data["ranking"]!.AsArray();
        return new JsonObject
        {
            ["out"] = outPath,
            ["bytes"] = new FileInfo(outPath).Length,
            ["teams"] = data["teams"]!.AsArray().Count,
            ["top_team"] = ranking.Count > 0 ? ranking[0]!["team"]!.GetValue<string>() : null,
        };
    }
}
