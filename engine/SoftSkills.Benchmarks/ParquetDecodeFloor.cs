using System.Diagnostics;
using Parquet;

namespace SoftSkills.Benchmarks;

/// <summary>Decodes every column of a Parquet file and reports the seconds spent per column: the floor below any reader built on the library.</summary>
static class ParquetDecodeFloor
{
    public static async Task Run(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var times = new Dictionary<string, double>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            foreach (var f in reader.Schema.DataFields)
            {
                var timer = Stopwatch.StartNew();
                if (f.ClrType == typeof(ReadOnlyMemory<char>)) await group.ReadAsync<ReadOnlyMemory<char>>(f, new ReadOnlyMemory<char>?[n]);
                else if (f.ClrType == typeof(DateTime)) await group.ReadAsync<DateTime>(f, new DateTime?[n]);
                else if (f.ClrType == typeof(bool)) await group.ReadAsync<bool>(f, new bool?[n]);
                else if (f.ClrType == typeof(double)) await group.ReadAsync<double>(f, new double?[n]);
                else if (f.ClrType == typeof(int)) await group.ReadAsync<int>(f, new int?[n]);
                times[f.Name] = times.GetValueOrDefault(f.Name) + timer.Elapsed.TotalSeconds;
            }
        }
        foreach (var (column, seconds) in times) Console.WriteLine($"{column,-20} {seconds:0.000} s");
    }
}
