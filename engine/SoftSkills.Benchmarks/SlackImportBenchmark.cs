using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SoftSkills.Data.Connectors;
using SoftSkills.Data.Privacy;

namespace SoftSkills.Benchmarks;

/// <summary>
/// Slack-format import: generates a seeded workspace export (users, channels, one file per channel and day, a third of the
/// messages thread replies, some mentions, bot and join noise), then imports it to Parquet, reporting the rate and the
/// process's peak memory (docs/benchmarks.md, connectors).
/// </summary>
static class SlackImportBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var messages = args.GetLong("--messages", 1_000_000);
        var dir = args.Get("--dir", Path.Combine(Path.GetTempPath(), $"softskills-bench-slack-{messages}"));
        var t = Stopwatch.StartNew();
        if (!File.Exists(Path.Combine(dir, "users.json"))) Generate(dir, messages, users: (int)args.GetLong("--users", 2_000), channels: (int)args.GetLong("--channels", 100));
        var generate = t.Elapsed.TotalSeconds;
        var output = dir + "-out";
        var key = new Pseudonymiser(Encoding.UTF8.GetBytes("slack-benchmark-key-0123456789"));
        t.Restart();
        var summary = ConnectorImport.Run("slack", dir, output, key, csv: false);
        var seconds = t.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "import-slack", messages, generate_seconds = Math.Round(generate, 1), import_seconds = Math.Round(seconds, 1),
            messages_per_second = Math.Round(messages / seconds), events = summary.Tables["events"], skipped = summary.Skipped,
            peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576,
        }));
        return 0;
    }

    /// <summary>A workspace of <paramref name="users"/> people in <paramref name="channels"/> channels over a year.</summary>
    static void Generate(string dir, long messages, int users, int channels)
    {
        var random = new Random(20261130);
        Directory.CreateDirectory(dir);
        string User(int i) => $"U{i:D8}";
        Write(Path.Combine(dir, "users.json"), w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < users; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", User(i)); w.WriteString("name", $"user.{i}"); w.WriteString("real_name", $"Person{i} Surname{i % 97}");
                w.WriteBoolean("is_bot", false); w.WriteBoolean("deleted", false);
                w.WriteStartObject("profile"); w.WriteString("email", $"user.{i}@corp.example"); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        var membersOf = Enumerable.Range(0, channels).Select(c => Enumerable.Range(0, users).Where(u => u % channels == c || random.NextDouble() < 0.01).ToArray()).ToArray();
        Write(Path.Combine(dir, "channels.json"), w =>
        {
            w.WriteStartArray();
            for (var c = 0; c < channels; c++)
            {
                w.WriteStartObject();
                w.WriteString("id", $"C{c:D8}"); w.WriteString("name", $"team-{c:D3}");
                w.WriteStartArray("members"); foreach (var u in membersOf[c]) w.WriteStringValue(User(u)); w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        const int days = 365;
        var perFile = (int)Math.Max(1, (messages + channels * (long)days - 1) / (channels * (long)days));
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        long written = 0;
        for (var c = 0; c < channels && written < messages; c++)
        {
            var folder = Path.Combine(dir, $"team-{c:D3}");
            Directory.CreateDirectory(folder);
            for (var d = 0; d < days && written < messages; d++)
            {
                var day = start.AddDays(d);
                Write(Path.Combine(folder, day.ToString("yyyy-MM-dd") + ".json"), w =>
                {
                    w.WriteStartArray();
                    string? parent = null, parentUser = null;
                    for (var k = 0; k < perFile && written < messages; k++, written++)
                    {
                        var ts = (new DateTimeOffset(day.AddSeconds(k * 60 + random.Next(50))).ToUnixTimeSeconds()) + $".{k:D6}";
                        var user = User(membersOf[c][random.Next(membersOf[c].Length)]);
                        w.WriteStartObject();
                        w.WriteString("type", "message");
                        if (k % 50 == 7) { w.WriteString("subtype", "channel_join"); w.WriteString("user", user); w.WriteString("ts", ts); w.WriteString("text", $"<@{user}> has joined the channel"); w.WriteEndObject(); continue; }
                        w.WriteString("user", user); w.WriteString("ts", ts);
                        var mention = User(membersOf[c][random.Next(membersOf[c].Length)]);
                        w.WriteString("text", k % 3 == 0 ? $"<@{mention}> could you look at ticket {random.Next(100000)} &amp; reply to the customer today?" : "Thanks, I will take it from here and report back after lunch.");
                        if (parent is not null && k % 3 != 0) { w.WriteString("thread_ts", parent); w.WriteString("parent_user_id", parentUser); }
                        else if (k % 3 == 0) { parent = ts; parentUser = user; w.WriteString("thread_ts", ts); w.WriteNumber("reply_count", 2); }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
            }
        }
    }

    static void Write(string path, Action<Utf8JsonWriter> write)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        write(w);
    }
}
