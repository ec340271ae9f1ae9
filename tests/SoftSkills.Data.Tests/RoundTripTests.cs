using SoftSkills.Data.Files;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Tests;

public class RoundTripTests
{
    [Fact]
    public void Csv_to_parquet_to_csv_preserves_every_value_of_every_table()
    {
        using var dir = new TempDir();
        foreach (var table in DataFolder.TableNames)
        {
            var csv = Path.Combine(TempDir.Sample, table + ".csv");
            if (!File.Exists(csv)) continue;
            RoundTrip(csv, dir, table);
        }
    }

    static void RoundTrip(string csv, TempDir dir, string table)
    {
        var parquet = dir.File(table + ".parquet");
        var back = dir.File(table + ".csv");
        switch (table)
        {
            case "employees":
                var codec = new EmployeeCodec(EmployeeCodec.AttributesIn(TableFile.Header(csv)));
                TableFile.Write(parquet, codec, TableFile.Read(csv, codec));
                TableFile.Write(back, new EmployeeCodec(codec.AttributeColumns), TableFile.Read(parquet, new EmployeeCodec(codec.AttributeColumns)));
                break;
            case "events": Copy(csv, parquet, back, () => new EventCodec()); break;
            case "ratings": Copy(csv, parquet, back, () => new RatingCodec()); break;
            case "outcomes": Copy(csv, parquet, back, () => new OutcomeCodec()); break;
            case "interventions": Copy(csv, parquet, back, () => new InterventionCodec()); break;
        }
        Assert.Equal(File.ReadAllText(csv), File.ReadAllText(back));
    }

    static void Copy<T>(string csv, string parquet, string back, Func<TableCodec<T>> codec)
    {
        TableFile.Write(parquet, codec(), TableFile.Read(csv, codec()));
        TableFile.Write(back, codec(), TableFile.Read(parquet, codec()));
    }

    [Fact]
    public void Awkward_values_survive_both_formats()
    {
        using var dir = new TempDir();
        var e = new Event
        {
            EventId = "a,\"b\"", Timestamp = new DateTime(2026, 1, 5, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4560),
            Kind = EventKind.Reply, ActorId = "x", TeamId = "t", Channel = Channel.TaskBoard,
            Text = "line one\nline \"two\", with comma\r\nand ünïcödé ✓", DurationMinutes = 0.1 + 0.2, Reversed = false,
        };
        foreach (var name in new[] { "events.csv", "events.parquet" })
        {
            TableFile.Write(dir.File(name), new EventCodec(), [e]);
            Assert.Equal(e, TableFile.Read(dir.File(name), new EventCodec()).Single());
        }
    }

    [Fact]
    public void An_empty_table_round_trips_with_its_header()
    {
        using var dir = new TempDir();
        TableFile.Write(dir.File("ratings.parquet"), new RatingCodec(), []);
        Assert.Empty(TableFile.Read(dir.File("ratings.parquet"), new RatingCodec()));
        Assert.Contains("score", TableFile.Header(dir.File("ratings.parquet")));
    }

    [Fact]
    public void Parquet_is_written_and_read_in_row_groups()
    {
        using var dir = new TempDir();
        var n = Parquet.ParquetTable.RowGroupSize * 2 + 17;
        var rows = Enumerable.Range(0, n).Select(i => new TruthRow($"e{i % 50}", i, i % 2, 0.5, 0.25, 1));
        TableFile.Write(dir.File("truth.parquet"), new TruthCodec(), rows);
        var back = TableFile.Read(dir.File("truth.parquet"), new TruthCodec()).ToList();
        Assert.Equal(n, back.Count);
        Assert.Equal(new TruthRow("e17", n - 1, 0, 0.5, 0.25, 1), back[^1] with { EmployeeId = "e17" });
        Assert.Equal(n - 1, back[^1].Day);
    }
}
