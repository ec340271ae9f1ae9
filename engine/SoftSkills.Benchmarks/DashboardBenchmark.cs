using System.Diagnostics;
using System.Text.Json;
using SoftSkills.Analysis.Coaching;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Reporting.Dashboard;

namespace SoftSkills.Benchmarks;

/// <summary>The coaching dashboard of a large organisation (default 100,000 employees in 2,000 teams): aggregation time, page time, page size.</summary>
static class DashboardBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var count = args.GetLong("--events", 2_000_000);
        var employeesCount = (int)args.GetLong("--employees", 100_000);
        var teamSize = (int)args.GetLong("--team-size", 50);
        var folder = Path.Combine(args.Get("--dir", Path.Combine(Path.GetTempPath(), "softskills-bench")), $"dashboard-{count}-{employeesCount}-{teamSize}");
        var employees = SyntheticLog.Employees(employeesCount, teamSize);
        if (!File.Exists(Path.Combine(folder, "events.parquet")))
        {
            TableFile.Write(Path.Combine(folder, "employees.parquet"), new EmployeeCodec(["attr_first_language"]), employees);
            var written = TableFile.Write(Path.Combine(folder, "events.parquet"), new EventCodec(), SyntheticLog.Events(employees, count));
            // The generator's event ids are unique by construction: the manifest vouches for them (as simulate and import do).
            FolderManifest.Write(folder, new Dictionary<string, long> { ["events.parquet"] = written }, new Dictionary<string, string> { ["events.parquet"] = "event_id" });
        }
        GC.Collect();
        var rules = TriggerRules.Load(Path.Combine(AppContext.BaseDirectory, "triggers", "default.json"));
        var timer = Stopwatch.StartNew();
        var data = DashboardBuilder.Build(PublishedKpis.Compute(new DataFolder(folder), new KpiOptions()), rules);
        var aggregate = timer.Elapsed.TotalSeconds;
        timer.Restart();
        var html = DashboardPage.Html(data);
        var outPath = Path.Combine(folder, "dashboard.html");
        AtomicOutputs.WriteText(outPath, html);
        var page = timer.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "dashboard", employees = employeesCount, teams = data.Teams.Count, events = count,
            aggregate_seconds = Math.Round(aggregate, 2), page_seconds = Math.Round(page, 2),
            page_mb = Math.Round(new FileInfo(outPath).Length / 1048576.0, 2),
            peak_working_set_mb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
            gc_pause_seconds = Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 2), gen2_collections = GC.CollectionCount(2),
        }));
        return 0;
    }
}
