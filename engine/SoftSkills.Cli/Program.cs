using System.Runtime;

// Batch jobs collect without background collections, which let the heap grow while they mark (100,000 employees ×
// 150 days: 1.23 GB within the first minute against 0.97 GB for the whole run, at the same speed; docs/benchmarks.md).
// A silo keeps them, so a long blocking collection cannot stall it past the cluster's failure detection.
if (!args.Contains("silo")) GCSettings.LatencyMode = GCLatencyMode.Batch;
return await SoftSkills.Cli.App.RunAsync(args);
