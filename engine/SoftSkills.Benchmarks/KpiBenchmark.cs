using System.Diagnostics;
using System.Text.Json;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Benchmarks;

/// <summary>The four KPIs by team and week over a generated Parquet event log: events per second and peak memory.</summary>
static class KpiBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var count = args.GetLong("--events", 10_000_000);
        var employeesCount = (int)args.GetLong("--employees", 20_000);
        var dir = args.Get("--dir", Path.Combine(Path.GetTempPath(), "softskills-bench"));
        var folder = Path.Combine(dir, $"kpis-{count}-{employeesCount}");
        var employees = SyntheticLog.Employees(employeesCount);
        if (!File.Exists(Path.Combine(folder, "events.parquet")))
        {
            var sw = Stopwatch.StartNew();
            TableFile.Write(Path.Combine(folder, "employees.parquet"), new EmployeeCodec(["attr_first_language"]), employees);
            var written = TableFile.Write(Path.Combine(folder, "events.parquet"), new EventCodec(), SyntheticLog.Events(employees, count));
            // The generator's event ids are unique by construction: the manifest vouches for them (as simulate and import do).
            FolderManifest.Write(folder, new Dictionary<string, long> { ["events.parquet"] = written }, new Dictionary<string, string> { ["events.parquet"] = "event_id" });
            Console.Error.WriteLine($"generated {count:N0} events in {sw.Elapsed.TotalSeconds:0.0} s");
        }
        // Measure from a clean heap: the generator's garbage must not count.
        GC.Collect();
        var data = new DataFolder(folder);
        // --decode-only: the floor set by the Parquet library (every column decoded, nothing else);
        // --read-only: decoding plus validation and building the event records, without the KPIs;
        // --columns-only: the column-wise read (the columns the KPIs need, checked) without the KPIs.
        if (argv.Contains("--decode-only"))
        {
            var t1 = Stopwatch.StartNew();
            ParquetDecodeFloor.Run(Path.Combine(folder, "events.parquet")).GetAwaiter().GetResult();
            Console.WriteLine($"decoded {count:N0} rows in {t1.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        if (argv.Contains("--columns-only"))
        {
            var t0 = Stopwatch.StartNew();
            var reader = data.ColumnarEvents(null) ?? throw new InvalidOperationException("the folder does not allow a column-wise read");
            long n = 0;
            foreach (var chunk in reader.Chunks()) n += chunk.Count;
            Console.WriteLine($"read {n:N0} events column-wise in {t0.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        if (argv.Contains("--read-only"))
        {
            var t0 = Stopwatch.StartNew();
            long n = 0;
            foreach (var _ in data.Events()) n++;
            Console.WriteLine($"read {n:N0} events in {t0.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        // --rows: the row-by-row read (every column decoded into event records) instead of the column-wise one.
        var rows = argv.Contains("--rows");
        var timer = Stopwatch.StartNew();
        var options = new KpiOptions { GroupBy = "team", Period = PeriodKind.Week };
        var job = new[] { (new Grouping(data.Employees(), "team"), options) };
        var report = (rows ? KpiCalculator.ComputeMany(data.Events(), ItemLevels.Empty, job) : KpiCalculator.ComputeMany(data, ItemLevels.Empty, job))[0];
        var seconds = timer.Elapsed.TotalSeconds;
        var result = new
        {
            benchmark = "kpis by team and week",
            read = data.Reports["events"].Columnar ? "columns" : "rows",
            events = report.EventsUsed,
            employees = employeesCount,
            rows = report.Rows.Count,
            seconds = Math.Round(seconds, 2),
            events_per_second = Math.Round(report.EventsUsed / seconds),
            peak_working_set_mb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
            allocated_gb = Math.Round(GC.GetTotalAllocatedBytes() / 1073741824.0, 2),
            file_mb = Math.Round(new FileInfo(Path.Combine(folder, "events.parquet")).Length / 1048576.0),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
