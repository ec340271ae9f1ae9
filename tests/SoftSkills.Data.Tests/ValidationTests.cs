using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Tests;

/// <summary>Each kind of bad row is located by file, line and column; lenient reading skips and reports it.</summary>
public class ValidationTests
{
    const string Employees = "employee_id,team_id,manager_id,role,tenure_months,attr_first_language\nA,t1,,agent,3,native\nB,t1,A,agent,5,non_native\n";
    const string Header = "event_id,timestamp,kind,actor_id,counterpart_id,team_id,thread_id,channel,text,response_to,decision_type,outcome,reversed,handoff_accepted,context_complete,reworked,duration_minutes";
    const string Good = "e1,2026-01-05T09:00:00Z,message,A,B,t1,,chat,hi,,,,,,,,";

    static DataValidationException ReadEvents(TempDir dir, string body)
    {
        File.WriteAllText(dir.File("employees.csv"), Employees);
        File.WriteAllText(dir.File("events.csv"), body);
        var folder = new DataFolder(dir.Path);
        return Assert.Throws<DataValidationException>(() => folder.Events().ToList());
    }

    [Theory]
    [InlineData("e2,2026-13-05T09:00:00Z,message,A,B,t1,,chat,hi,,,,,,,,", 3, 2, "timestamp", "bad timestamp")]
    [InlineData("e2,2026-01-05 09:00,message,A,B,t1,,chat,hi,,,,,,,,", 3, 2, "timestamp", "bad timestamp")]
    [InlineData("e2,2026-01-05T09:00:00Z,gossip,A,B,t1,,chat,hi,,,,,,,,", 3, 3, "kind", "unknown value 'gossip'")]
    [InlineData("e1,2026-01-05T09:00:00Z,message,A,B,t1,,chat,hi,,,,,,,,", 3, 1, "event_id", "duplicate event_id 'e1'")]
    [InlineData("e2,2026-01-05T09:00:00Z,message,A,Z,t1,,chat,hi,,,,,,,,", 3, 5, "counterpart_id", "'Z' names no employee")]
    [InlineData("e2,2026-01-05T09:00:00Z,message,,B,t1,,chat,hi,,,,,,,,", 3, 4, "actor_id", "actor_id is empty")]
    [InlineData("e2,2026-01-05T09:00:00Z,handoff,A,B,t1,,chat,,,,,maybe,,,,", 3, 13, "reversed", "bad boolean")]
    [InlineData("e2,2026-01-05T09:00:00Z,message,A,B,t1,,pigeon,hi,,,,,,,,", 3, 8, "channel", "unknown value 'pigeon'")]
    [InlineData("e2,2026-01-05T09:00:00Z,message,A,B,t1,,chat,hi,,,,,,,", 3, 17, "duration_minutes", "16 fields")]
    public void Each_bad_event_names_file_line_and_column(string row, int line, int column, string name, string reason)
    {
        using var dir = new TempDir();
        var ex = ReadEvents(dir, $"{Header}\n{Good}\n{row}\n");
        Assert.Equal("events.csv", ex.Where.File);
        Assert.Equal(line, ex.Where.Line);
        Assert.Equal(column, ex.Where.ColumnNumber);
        Assert.Equal(name, ex.Where.Column);
        Assert.Contains(reason, ex.Message);
        Assert.StartsWith($"events.csv:{line}:{column} ({name})", ex.Message);
    }

    /// <summary>The quick pass for the first and last day names what is wrong rather than finding "no events".</summary>
    [Theory]
    [InlineData(Header + "\ne1,2026/01/05 09:00,message,A,B,t1,,chat,hi,,,,,,,,\n", "events.csv:2:2 (timestamp)")]
    [InlineData("event_id,kind\ne1,message\n", "events.csv:1:3 (timestamp)")]
    public void The_event_days_of_unreadable_events_name_the_cell_or_column(string body, string where)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("employees.csv"), Employees);
        File.WriteAllText(dir.File("events.csv"), body);
        var error = Assert.Throws<DataValidationException>(() => new DataFolder(dir.Path).EventDays());
        Assert.StartsWith(where, error.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        using var dir = new TempDir();
        var ex = ReadEvents(dir, Header.Replace(",channel", "") + "\n");
        Assert.Equal(1, ex.Where.Line);
        Assert.Equal("channel", ex.Where.Column);
        Assert.Contains("missing column 'channel'", ex.Message);
    }

    [Fact]
    public void Lines_count_quoted_line_breaks()
    {
        using var dir = new TempDir();
        var multi = "e2,2026-01-05T09:00:00Z,reply,A,B,t1,,chat,\"two\nlines\",,,,,,,,";
        var ex = ReadEvents(dir, $"{Header}\n{multi}\ne3,bad,message,A,B,t1,,chat,,,,,,,,,\n");
        Assert.Equal(4, ex.Where.Line);
    }

    [Fact]
    public void A_score_outside_the_rubric_is_rejected()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("r.csv"), "item_id,rater_id,rater_kind,kpi,indicator,score,rated_at\ni,r,human,res,,4,2026-01-05T09:00:00Z\n");
        var ex = Assert.Throws<DataValidationException>(() => TableFile.Read(dir.File("r.csv"), new RatingCodec()).ToList());
        Assert.Equal(new RowLocation("r.csv", 2, 6, "score"), ex.Where);
        Assert.Contains("outside 0–3", ex.Message);
    }

    [Fact]
    public void Parquet_errors_name_the_row_and_column()
    {
        using var dir = new TempDir();
        var rows = new[] { new Rating("i", "r", RaterKind.Human, Kpi.Res, null, 2, DateTime.UtcNow), new Rating("j", "r", RaterKind.Human, Kpi.Res, null, 7, DateTime.UtcNow) };
        // The writer does not validate (the simulator and importer only write validated rows): write a bad one on purpose.
        TableFile.Write(dir.File("ratings.parquet"), new RatingCodec(), rows);
        var ex = Assert.Throws<DataValidationException>(() => TableFile.Read(dir.File("ratings.parquet"), new RatingCodec()).ToList());
        Assert.Equal(new RowLocation("ratings.parquet", 2, 6, "score", IsParquetRow: true), ex.Where);
        Assert.Equal("ratings.parquet: row 2, column 6 (score): score 7 is outside 0–3", ex.Message);
    }

    [Fact]
    public void Lenient_reading_skips_and_reports_each_bad_row()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("employees.csv"), Employees);
        File.WriteAllText(dir.File("events.csv"), $"{Header}\n{Good}\ne2,never,message,A,B,t1,,chat,,,,,,,,,\n{Good}\ne4,2026-01-05T09:00:00Z,message,A,B,t1,,chat,,,,,,,,,\n");
        var folder = new DataFolder(dir.Path, new ReadOptions(Lenient: true));
        var events = folder.Events().ToList();
        Assert.Equal(["e1", "e4"], events.Select(e => e.EventId));
        var report = folder.Reports["events"];
        Assert.Equal(4, report.RowsRead);
        Assert.Equal(2, report.RowsRejected);
        Assert.Equal([3L, 4L], report.Issues.Select(i => i.Where.Line));
        Assert.Contains("duplicate event_id", report.Issues[1].Reason);
    }

    [Fact]
    public void A_failed_write_leaves_no_file()
    {
        using var dir = new TempDir();
        IEnumerable<Rating> Failing()
        {
            yield return new Rating("i", "r", RaterKind.Human, Kpi.Res, null, 2, DateTime.UtcNow);
            throw new InvalidOperationException("boom");
        }
        Assert.Throws<InvalidOperationException>(() => TableFile.Write(dir.File("ratings.csv"), new RatingCodec(), Failing()));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
