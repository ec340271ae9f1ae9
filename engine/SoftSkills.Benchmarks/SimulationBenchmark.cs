using System.Diagnostics;
using System.Text.Json;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Benchmarks;

/// <summary>The default pilot rescaled to N employees × D days, simulated and written to Parquet: employee-days per second and peak memory.</summary>
static class SimulationBenchmark
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv);
        var engineName = args.Get("--engine", "reference");
        var employees = (int)args.GetLong("--employees", 10_000);
        var days = (int)args.GetLong("--days", 150);
        var dir = Path.Combine(args.Get("--dir", Path.Combine(Path.GetTempPath(), "softskills-bench")), $"sim-{engineName}-{employees}-{days}");
        var scenario = ScenarioRescale.Rescale(ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", "default-pilot.json")), employees, days);
        await using ISimulationEngine engine = engineName == "orleans" ? await OrleansEngine.StartInProcessAsync() : new ReferenceEngine();
        var timer = Stopwatch.StartNew();
        long eventCount;
        long? liveMidRun = null;
        if (args.Has("--sink-only"))
        {
            // The writing alone: every day simulated into memory first (untimed), then written as the simulator writes them.
            await engine.StartAsync(scenario, Roster.Of(scenario));
            var results = new List<DayResult>();
            for (var day = 0; day < days; day++) results.Add(await engine.RunDayAsync(day));
            GC.Collect();
            timer.Restart();
            using var outputs = new SoftSkills.Data.Files.AtomicOutputs();
            using (var sink = new SoftSkills.Simulation.Output.SimulationSink(outputs, dir, Roster.Of(scenario)))
            {
                foreach (var r in results) await sink.AddAsync(r);
                eventCount = (await sink.CompleteAsync())["events.parquet"].Rows;
            }
        }
        else if (args.Has("--no-files"))
        {
            // The model alone: every day simulated, its results dropped (what a fit's in-memory run costs before summaries).
            await engine.StartAsync(scenario, Roster.Of(scenario));
            eventCount = 0;
            for (var day = 0; day < days; day++)
            {
                var today = await engine.RunDayAsync(day);
                foreach (var e in today.Employees) eventCount += e.Events.Count;
                if (day == days / 2 && args.Has("--live")) liveMidRun = GC.GetTotalMemory(forceFullCollection: true); // with one day's results held
                today.Release();
            }
        }
        else
        {
            var liveAt = args.Has("--live") ? new LiveMemoryAt(days / 2) : null;
            eventCount = (await Simulator.RunAsync(scenario, dir, engine, liveAt)).Files["events.parquet"].Rows;
            liveMidRun = liveAt?.Bytes;
        }
        var seconds = timer.Elapsed.TotalSeconds;
        var result = new
        {
            benchmark = "simulate",
            engine = engineName,
            employees,
            days,
            seconds = Math.Round(seconds, 2),
            employee_days_per_second = Math.Round(employees * (double)days / seconds),
            events = eventCount,
            events_per_second = Math.Round(eventCount / seconds),
            peak_working_set_mb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
            gc_pause_seconds = Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 2),
            gc_committed_mb_at_end = Math.Round(GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0),
            gc_heap_mb_at_end = Math.Round(GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0),
            live_mb_mid_run = liveMidRun is { } live ? Math.Round(live / 1048576.0) : (double?)null,
            sim_event_bytes = System.Runtime.CompilerServices.Unsafe.SizeOf<SimEvent>(),
            parquet_pool = ParquetSharp.MemoryPool.GetDefaultMemoryPool().BackendName,
            parquet_pool_peak_mb = Math.Round(ParquetSharp.MemoryPool.GetDefaultMemoryPool().MaxMemory / 1048576.0),
            allocated_mb = Math.Round(GC.GetTotalAllocatedBytes() / 1048576.0),
            gen0_collections = GC.CollectionCount(0),
            gen2_collections = GC.CollectionCount(2),
            // The JIT's share: methods compiled (every tier) and the time spent compiling, on any thread.
            jit_methods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            jit_seconds = Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalSeconds, 2),
            cpu_seconds = Math.Round(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, 2),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        return 0;
    }

    /// <summary>The live heap (after a full collection) once a given number of days is simulated, reported synchronously by the simulator.</summary>
    sealed class LiveMemoryAt(int day) : IProgress<int>
    {
        public long? Bytes { get; private set; }

        public void Report(int value)
        {
            if (value == day) Bytes = GC.GetTotalMemory(forceFullCollection: true);
        }
    }
}
