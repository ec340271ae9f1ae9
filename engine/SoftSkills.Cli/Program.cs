using System.Runtime;

// Batch jobs collect without background collections, which let the heap grow while they mark (100,000 employees ×
// 150 days: a 1.23 GB working set against 0.97 GB, at the same speed; docs/benchmarks.md). A silo keeps them, so a long
// blocking collection cannot stall it past the cluster's failure detection.
if (!args.Contains("silo")) GCSettings.LatencyMode = GCLatencyMode.Batch;
return await SoftSkills.Cli.App.RunAsync(args);
