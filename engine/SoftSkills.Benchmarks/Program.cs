using SoftSkills.Benchmarks;

// Benchmarks that need fresh processes and large inputs (peak memory per run); see docs/benchmarks.md.
return args.FirstOrDefault() switch
{
    "kpis" => KpiBenchmark.Run(args[1..]),
    "kpis-duckdb" => DuckDbKpis.Run(args[1..]),
    "simulate" => await SimulationBenchmark.RunAsync(args[1..]),
    "roi" => RoiBenchmark.Run(args[1..]),
    "dashboard" => DashboardBenchmark.Run(args[1..]),
    "reliability" => ReliabilityBenchmark.Run(args[1..]),
    "empathy" => EmpathyBenchmark.Run(args[1..]),
    "coverage" => await CoverageBenchmark.RunAsync(args[1..]),
    "dif" => DifBenchmark.Run(args[1..]),
    "empathy-variants" => EmpathyVariants.Run(args[1..]),
    "import-slack" => SlackImportBenchmark.Run(args[1..]),
    "twin-recovery" => await TwinRecoveryBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SoftSkills.Benchmarks kpis [--events N] [--dir DIR] [--employees N] [--rows|--decode-only|--read-only]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks kpis-duckdb [--events N] [--dir DIR] [--employees N] [--threads N] (after kpis generated the log)");
    Console.Error.WriteLine("       SoftSkills.Benchmarks roi [--draws N]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks reliability [--units N] [--raters N]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks empathy [--data EPITOME_DIR] [--replies N] [--model F (skip training)]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks dashboard [--events N] [--employees N] [--team-size N]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks dif [--n N] [--items N]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks empathy-variants [--data EPITOME_DIR] [--only NAME,NAME] [--per-class] [--seed N] [--cv-train K]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks import-slack [--messages N] [--users N] [--channels N] [--dir DIR]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks twin-recovery [--runs N] [--budget N] [--particles N] [--employees N] [--fit PATH[,PATH…]]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks coverage [--replications N] [--parallel N] [--dir DIR]");
    Console.Error.WriteLine("       SoftSkills.Benchmarks simulate [--engine reference|orleans] [--employees N] [--days N] [--dir DIR] [--no-files | --sink-only] [--live]");
    return 2;
}
