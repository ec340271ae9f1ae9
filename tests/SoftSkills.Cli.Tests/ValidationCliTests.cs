namespace SoftSkills.Cli.Tests;

/// <summary>Every kind of bad input exits 2 with file, line and column, and leaves no output file behind.</summary>
public class ValidationCliTests
{
    static void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text);
        File.WriteAllText(file, text.Replace(from, to));
    }

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // file, text to replace, replacement, expected location in the message
        { "events.csv", "event_id,timestamp,kind", "event_id,time,kind", "events.csv:1:18 (timestamp): missing column 'timestamp'" },
        { "events.csv", "e0195,2026-03-02T09:00:00Z", "e0195,2026-03-02 09:00", "events.csv:2:2 (timestamp): bad timestamp" },
        { "events.csv", "e0195,2026-03-02T09:00:00Z,meeting", "e0195,2026-03-02T09:00:00Z,lunch", "events.csv:2:3 (kind): unknown value 'lunch'" },
        { "events.csv", "e0205,2026-03-02T09:00:00Z", "e0195,2026-03-02T09:00:00Z", "events.csv:3:1 (event_id): duplicate event_id 'e0195'" },
        { "events.csv", "e0195,2026-03-02T09:00:00Z,meeting,S1,", "e0195,2026-03-02T09:00:00Z,meeting,X9,", "events.csv:2:4 (actor_id): 'X9' names no employee" },
        { "ratings.csv", "human,res,,1,", "human,res,,5,", "ratings.csv:2:6 (score): score 5 is outside 0–3" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_rejects_bad_input_with_its_location_and_writes_nothing(string file, string from, string to, string expected)
    {
        using var dir = new TempDir();
        var data = dir.CopyOfSample();
        Replace(Path.Combine(data, file), from, to);
        File.WriteAllText(dir.File("key"), "a-test-key-of-enough-length");
        var outDir = dir.File("out");
        var r = Softskills.Run("import", "--from", data, "--out", outDir, "--key-file", dir.File("key"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "a failed import left files behind");
    }

    [Fact]
    public void Kpis_reject_bad_input_too_and_lenient_skips_with_a_count()
    {
        using var dir = new TempDir();
        var data = dir.CopyOfSample();
        Replace(Path.Combine(data, "events.csv"), "e0195,2026-03-02T09:00:00Z,meeting", "e0195,2026-03-02T09:00:00Z,lunch");
        var strict = Softskills.Run("kpis", "--data", data, "--out", dir.File("k.json"));
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("events.csv:2:3 (kind)", strict.Stderr);
        Assert.False(File.Exists(dir.File("k.json")));

        var lenient = Softskills.Run("kpis", "--data", data, "--lenient", "--format", "json");
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("skipped events.csv:2:3 (kind): unknown value 'lunch'", lenient.Stderr);
        Assert.Contains("1 row(s) skipped", lenient.Stderr);
        Assert.Contains("\"rows_rejected\": 1", lenient.Stdout);
    }

    [Fact]
    public void Import_writes_parquet_that_kpis_read()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("key"), "a-test-key-of-enough-length");
        var import = Softskills.Run("import", "--from", Softskills.Sample, "--out", dir.File("out"), "--key-file", dir.File("key"), "--format", "json");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("\"events\"", import.Stdout);
        var kpis = Softskills.Run("kpis", "--data", dir.File("out"), "--format", "json");
        var raw = Softskills.Run("kpis", "--data", Softskills.Sample, "--format", "json");
        Assert.Equal(raw.Stdout, kpis.Stdout);
    }

    [Fact]
    public void A_missing_or_short_key_is_bad_input()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("key"), "short");
        Assert.Equal(2, Softskills.Run("import", "--from", Softskills.Sample, "--out", dir.File("o"), "--key-file", dir.File("key")).ExitCode);
        Assert.Equal(2, Softskills.Run("import", "--from", Softskills.Sample, "--out", dir.File("o"), "--key-file", dir.File("none")).ExitCode);
        Assert.Equal(2, Softskills.Run("kpis", "--data", dir.File("nowhere")).ExitCode);
    }
}
