using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Benchmarks;

/// <summary>
/// The four KPIs by team and ISO week computed by DuckDB in SQL over the <c>kpis</c> benchmark's Parquet log (the same
/// rules: working-hours deadlines, censoring, distinct pairs, cross-team reach), timed in a fresh process, then checked
/// value by value against the project's computation (docs/benchmarks.md, KPI speed).
/// </summary>
static class DuckDbKpis
{
    // Working hours Monday–Friday 09:00–17:00 UTC and a 4-hour limit, as WorkingHours.Deadline: a request outside them
    // starts at the next opening; a limit that runs out exactly at closing time extends to the next opening.
    const string Macros = """
        CREATE MACRO next_workday(d) AS d + CASE isodow(d) WHEN 5 THEN 3 WHEN 6 THEN 2 ELSE 1 END;
        CREATE MACRO work_start(t) AS CASE
            WHEN isodow(t) >= 6 OR t >= t::DATE + INTERVAL 17 HOUR THEN next_workday(t::DATE) + INTERVAL 9 HOUR
            WHEN t < t::DATE + INTERVAL 9 HOUR THEN t::DATE + INTERVAL 9 HOUR
            ELSE t END;
        CREATE MACRO deadline_from(s) AS CASE
            WHEN s + INTERVAL 4 HOUR < s::DATE + INTERVAL 17 HOUR THEN s + INTERVAL 4 HOUR
            WHEN s + INTERVAL 4 HOUR = s::DATE + INTERVAL 17 HOUR THEN next_workday(s::DATE) + INTERVAL 9 HOUR
            ELSE next_workday(s::DATE) + INTERVAL 9 HOUR + ((s + INTERVAL 4 HOUR) - (s::DATE + INTERVAL 17 HOUR)) END;
        """;

    const string Query = """
        WITH emp AS (SELECT employee_id AS id, team_id AS team FROM read_parquet('{employees}')),
        members AS (SELECT team, count(*) AS n FROM emp GROUP BY team),
        ev AS (
            SELECT event_id, make_timestamp(epoch_us("timestamp")) AS ts, kind,
                   nullif(actor_id, '') AS actor, nullif(counterpart_id, '') AS cp, text, nullif(response_to, '') AS response_to,
                   outcome, reversed, handoff_accepted, context_complete, reworked
            FROM read_parquet('{events}')),
        wk AS (SELECT *, date_trunc('week', ts)::DATE AS week FROM ev),
        last_ts AS (SELECT max(ts) AS m FROM ev),
        contacts AS (SELECT DISTINCT actor AS a, cp AS b, week FROM wk WHERE kind IN ('message', 'handoff') AND actor IS NOT NULL AND cp IS NOT NULL AND actor <> cp),
        requests AS (SELECT event_id, ts, cp AS who, week, deadline_from(work_start(ts)) AS deadline FROM wk WHERE kind = 'request' AND cp IS NOT NULL),
        answered AS (
            SELECT DISTINCT r.event_id FROM requests r JOIN wk p
              ON p.kind = 'reply' AND p.response_to = r.event_id AND p.actor = r.who AND p.ts >= r.ts AND p.ts <= r.deadline),
        closed AS (
            SELECT r.who, r.week, a.event_id IS NOT NULL AS ok FROM requests r LEFT JOIN answered a USING (event_id)
            WHERE a.event_id IS NOT NULL OR r.deadline <= (SELECT m FROM last_ts)),
        people AS (
            SELECT actor AS id, week FROM wk WHERE actor IS NOT NULL
            UNION SELECT b, week FROM contacts
            UNION SELECT who, week FROM closed),
        contributors AS (SELECT e.team, p.week, count(*) AS n FROM people p JOIN emp e ON e.id = p.id GROUP BY ALL),
        pairs AS (
            SELECT e.team, c.week, count(*) AS n, count(r.a) AS back
            FROM contacts c JOIN emp e ON e.id = c.a LEFT JOIN contacts r ON r.a = c.b AND r.b = c.a AND r.week = c.week GROUP BY ALL),
        reqs AS (SELECT e.team, c.week, count(*) AS n, count(*) FILTER (WHERE ok) AS ok FROM closed c JOIN emp e ON e.id = c.who GROUP BY ALL),
        ends AS (
            SELECT c.a AS id, c.week, ea.team <> eb.team AS cross_team FROM contacts c JOIN emp ea ON ea.id = c.a JOIN emp eb ON eb.id = c.b
            UNION ALL
            SELECT c.b, c.week, ea.team <> eb.team FROM contacts c JOIN emp ea ON ea.id = c.a JOIN emp eb ON eb.id = c.b),
        reach AS (
            SELECT e.team, x.week, count(DISTINCT x.id) AS contacts, count(DISTINCT x.id) FILTER (WHERE x.cross_team) AS reachers
            FROM ends x JOIN emp e ON e.id = x.id GROUP BY ALL),
        decisions AS (
            SELECT e.team, w.week, count(*) AS n, count(*) FILTER (WHERE outcome = 'good' AND reversed IS NOT TRUE) AS good
            FROM wk w JOIN emp e ON e.id = w.actor WHERE kind = 'decision' AND outcome IS NOT NULL AND outcome <> '' GROUP BY ALL),
        handoffs AS (
            SELECT e.team, w.week, count(*) AS n,
                   count(*) FILTER (WHERE handoff_accepted IS TRUE AND context_complete IS TRUE AND reworked IS NOT TRUE) AS ok
            FROM wk w JOIN emp e ON e.id = w.actor WHERE kind = 'handoff' GROUP BY ALL),
        replies AS (SELECT e.team, w.week, count(*) AS n FROM wk w JOIN emp e ON e.id = w.actor WHERE kind = 'reply' AND coalesce(text, '') <> '' GROUP BY ALL)
        SELECT c.team, c.week, c.n AS employees,
               100.0 * p.back / nullif(p.n, 0) AS reciprocity,
               100.0 * q.ok / nullif(q.n, 0) AS responsiveness,
               CASE WHEN x.contacts > 0 THEN 100.0 * x.reachers / m.n END AS reach,
               100.0 * d.good / nullif(d.n, 0) AS dqr,
               100.0 * h.ok / nullif(h.n, 0) AS hsr,
               coalesce(r.n, 0) AS res_unrated
        FROM contributors c JOIN members m USING (team)
        LEFT JOIN pairs p USING (team, week) LEFT JOIN reqs q USING (team, week) LEFT JOIN reach x USING (team, week)
        LEFT JOIN decisions d USING (team, week) LEFT JOIN handoffs h USING (team, week) LEFT JOIN replies r USING (team, week)
        ORDER BY c.week, c.team
        """;

    sealed record Row(string Team, DateOnly Week, int Employees, double? Reciprocity, double? Responsiveness, double? Reach, double? Dqr, double? Hsr, long ResUnrated)
    {
        /// <summary>CI: the mean of the parts present, as <see cref="KpiCalculator"/> takes it.</summary>
        public double? Ci => new[] { Reciprocity, Responsiveness, Reach }.Where(v => v.HasValue).Select(v => v!.Value).ToList() is { Count: > 0 } parts ? parts.Average() : null;
    }

    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var count = args.GetLong("--events", 10_000_000);
        var employeesCount = (int)args.GetLong("--employees", 20_000);
        var threads = (int)args.GetLong("--threads", 1);
        var folder = Path.Combine(args.Get("--dir", Path.Combine(Path.GetTempPath(), "softskills-bench")), $"kpis-{count}-{employeesCount}");
        if (!File.Exists(Path.Combine(folder, "events.parquet")))
        {
            Console.Error.WriteLine($"{folder} has no events.parquet: run `kpis --events {count}` first, which generates it");
            return 2;
        }
        var timer = Stopwatch.StartNew();
        var rows = new List<Row>();
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            Execute(connection, $"SET threads = {threads}; SET preserve_insertion_order = false;" + Macros);
            using var command = connection.CreateCommand();
            command.CommandText = Query.Replace("{employees}", Path.Combine(folder, "employees.parquet")).Replace("{events}", Path.Combine(folder, "events.parquet"));
            using var reader = command.ExecuteReader();
            double? Real(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            while (reader.Read())
                rows.Add(new Row(reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), (int)reader.GetInt64(2),
                    Real(3), Real(4), Real(5), Real(6), Real(7), reader.GetInt64(8)));
        }
        var seconds = timer.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        // The project's values for the same log, after the timing: every team-week compared.
        var data = new DataFolder(folder);
        var options = new KpiOptions { GroupBy = "team", Period = PeriodKind.Week, MinGroupSize = 1 };
        var ours = KpiCalculator.ComputeMany(data, ItemLevels.Empty, [(new Grouping(data.Employees(), "team"), options)])[0].Rows
            .ToDictionary(r => (r.Group, r.PeriodStart));
        int exact = 0, close = 0;
        foreach (var d in rows)
        {
            if (!ours.TryGetValue((d.Team, d.Week), out var o)) continue;
            double?[] a = [o.CiReciprocity, o.CiResponsiveness, o.CiCrossTeamReach, o.Ci, o.Dqr, o.Hsr];
            double?[] b = [d.Reciprocity, d.Responsiveness, d.Reach, d.Ci, d.Dqr, d.Hsr];
            var same = o.Employees == d.Employees && o.ResUnrated == d.ResUnrated && o.Res is null;
            if (same && a.Zip(b).All(x => x.First == x.Second)) exact++;
            if (same && a.Zip(b).All(x => x.First is null == x.Second is null && (x.First is null || Math.Abs(x.First.Value - x.Second!.Value) < 1e-9))) close++;
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "kpis by team and week in DuckDB",
            events = count, threads, seconds = Math.Round(seconds, 2), events_per_second = Math.Round(count / seconds),
            peak_working_set_mb = Math.Round(peak / 1048576.0),
            team_weeks = rows.Count, project_team_weeks = ours.Count, equal_to_1e9 = close, bit_identical = exact,
        }));
        return close == rows.Count && rows.Count == ours.Count ? 0 : 1;
    }

    static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
