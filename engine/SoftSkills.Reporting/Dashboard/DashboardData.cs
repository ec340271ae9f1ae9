using System.Text.Json.Nodes;
using SoftSkills.Analysis.Coaching;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Reporting.Dashboard;

/// <summary>
/// Everything the coaching dashboard shows, aggregated before charting (never raw events, never an employee id): the
/// organisation's and each team's weekly KPIs with baselines and targets, segments by role and <c>attr_*</c>, the
/// coaching ranking, data quality and, for a pilot, its arms and effects. Groups below the minimum size carry no values.
/// </summary>
public static class DashboardData
{
    public static JsonObject Compute(DataFolder folder, TriggerRules rules, int minGroupSize = 5, int baselineDays = 60, double uplift = 5)
    {
        var employees = folder.Employees();
        var levels = ItemLevels.FromRatings(folder.Ratings());
        var options = new KpiOptions { MinGroupSize = minGroupSize, BaselineDays = baselineDays, TargetUplift = uplift };
        var segmentColumns = new List<string> { "role" };
        segmentColumns.AddRange(folder.AttributeColumns());
        (Grouping, KpiOptions) Job(string groupBy, PeriodKind period, Func<Employee, string>? key = null) =>
            (key is null ? new Grouping(employees, groupBy) : new Grouping(employees, groupBy, key), options with { GroupBy = groupBy, Period = period });

        // One read of the events for every grouping the page needs, a second for the baselines (which need the first day).
        var jobs = new List<(Grouping, KpiOptions)>
        {
            Job("organisation", PeriodKind.Week), Job("organisation", PeriodKind.Window), Job("team", PeriodKind.Week), Job("team", PeriodKind.Window),
        };
        jobs.AddRange(segmentColumns.Select(c => Job($"team+{c}", PeriodKind.Window,
            e => $"{e.TeamId}\u001f{(c == "role" ? e.Role : e.Attribute(c) ?? Grouping.Unknown)}")));
        var reports = KpiCalculator.ComputeMany(folder.Events(), levels, jobs);
        var orgWeeks = reports[0];
        var orgWindow = reports[1].Rows.SingleOrDefault();
        var teamWeeks = reports[2];
        var teamWindow = reports[3].Rows.ToDictionary(r => r.Group);
        var segments = segmentColumns.Select((c, i) => (c, reports[4 + i].Rows)).ToDictionary(x => x.c, x => x.Rows);
        var first = orgWeeks.FirstDay ?? throw new InvalidDataException("the data folder has no events");
        var baselineWindow = Baselines.Window(options, first);
        var baselineReports = KpiCalculator.ComputeMany(folder.Events(), levels,
            [(new Grouping(employees, "organisation"), baselineWindow with { GroupBy = "organisation" }), (new Grouping(employees, "team"), baselineWindow with { GroupBy = "team" })]);
        var orgBaseline = baselineReports[0].Rows.Select(r => Baselines.Of(r, uplift)).SingleOrDefault();
        var teamBaselines = baselineReports[1].Rows.Select(r => Baselines.Of(r, uplift)).ToDictionary(b => b.Group);
        var weeks = orgWeeks.Rows.Select(r => r.PeriodStart).Concat(teamWeeks.Rows.Select(r => r.PeriodStart)).Distinct().Order().ToList();

        var series = new List<TeamSeries>();
        var teams = new JsonArray();
        foreach (var (team, rows) in teamWeeks.Rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToList())))
        {
            var window = teamWindow.GetValueOrDefault(team);
            var baseline = teamBaselines.GetValueOrDefault(team) is { Suppressed: false } b ? b : null;
            var ts = Series(team, rows, weeks, baseline);
            var suppressed = window is null or { Suppressed: true };
            if (!suppressed) series.Add(ts);
            var node = new JsonObject
            {
                ["name"] = team,
                ["employees"] = suppressed ? null : window!.Employees, // a small group's size is not shown either
                ["suppressed"] = suppressed,
            };
            if (!suppressed)
            {
                AddKpis(node, ts, baseline);
                node["dqr_by_type"] = Shares(window!.DqrByType);
                node["res_by_channel"] = Shares(window.ResByChannel);
                var segs = new JsonObject();
                foreach (var (column, segRows) in segments)
                {
                    segs[column] = new JsonArray([.. segRows.Where(r => r.Group.StartsWith(team + "\u001f", StringComparison.Ordinal))
                        .OrderBy(r => r.Group, StringComparer.Ordinal)
                        .Select(r => (JsonNode)Row(r, r.Group[(team.Length + 1)..]))]);
                }
                node["segments"] = segs;
            }
            teams.Add(node);
        }

        var org = new JsonObject { ["name"] = "organisation", ["employees"] = orgWindow?.Employees, ["suppressed"] = orgWindow is null or { Suppressed: true } };
        var orgSeries = Series("organisation", orgWeeks.Rows.ToList(), weeks, orgBaseline is { Suppressed: false } ob ? ob : null);
        AddKpis(org, orgSeries, orgBaseline is { Suppressed: false } ? orgBaseline : null);

        var ranking = new JsonArray([.. Triggers.Rank(rules, series).Select(n => (JsonNode)new JsonObject
        {
            ["team"] = n.Team,
            ["score"] = Math.Round(n.Score, 2),
            ["kpi"] = Key(n.DrivingKpi),
            ["triggers"] = new JsonArray([.. n.Fired.Select(f => (JsonNode)f.Rule.Message)]),
        })]);

        return new JsonObject
        {
            ["first_day"] = first.ToString("yyyy-MM-dd"),
            ["last_day"] = orgWeeks.LastDay?.ToString("yyyy-MM-dd"),
            ["min_group_size"] = minGroupSize,
            ["weeks"] = new JsonArray([.. weeks.Select(w => (JsonNode)w.ToString("yyyy-MM-dd"))]),
            ["kpis"] = new JsonArray([.. KpiNames.All.Select(k => (JsonNode)new JsonObject { ["key"] = Key(k), ["title"] = KpiNames.Title(k), ["unit"] = KpiNames.Unit(k) })]),
            ["organisation"] = org,
            ["teams"] = teams,
            ["ranking"] = ranking,
            ["segment_columns"] = new JsonArray([.. segmentColumns.Select(c => (JsonNode)c)]),
            ["quality"] = Quality(folder, levels, orgWindow),
            ["pilot"] = Pilot(folder, minGroupSize),
            ["triggers_version"] = rules.Version,
        };
    }

    static string Key(Kpi k) => EnumNames.Of(k);

    static TeamSeries Series(string name, List<KpiRow> rows, List<DateOnly> weeks, KpiBaseline? baseline)
    {
        var byWeek = rows.ToDictionary(r => r.PeriodStart);
        var weekly = KpiNames.All.ToDictionary(k => k, k => (IReadOnlyList<WeekValue>)weeks
            .Select(w => new WeekValue(w, byWeek.TryGetValue(w, out var r) && !r.Suppressed ? r.Value(k) : null)).ToList());
        return new TeamSeries(name, weekly,
            KpiNames.All.ToDictionary(k => k, k => baseline?.Baseline(k)),
            KpiNames.All.ToDictionary(k => k, k => baseline?.Target(k)));
    }

    static void AddKpis(JsonObject node, TeamSeries s, KpiBaseline? baseline)
    {
        var current = new JsonObject();
        var seriesNode = new JsonObject();
        var baselineNode = new JsonObject();
        var targetNode = new JsonObject();
        foreach (var k in KpiNames.All)
        {
            var values = s.Weekly[k];
            current[Key(k)] = Round(values.LastOrDefault(w => w.Value.HasValue).Value);
            seriesNode[Key(k)] = new JsonArray([.. values.Select(w => Round(w.Value))]);
            baselineNode[Key(k)] = Round(baseline?.Baseline(k));
            targetNode[Key(k)] = Round(baseline?.Target(k));
        }
        node["current"] = current;
        node["series"] = seriesNode;
        node["baseline"] = baselineNode;
        node["target"] = targetNode;
    }

    static JsonNode? Round(double? v) => v is { } x ? JsonValue.Create(Math.Round(x, 1)) : null;

    static JsonObject Row(KpiRow r, string label)
    {
        var o = new JsonObject { ["value"] = label, ["employees"] = r.Suppressed ? null : r.Employees, ["suppressed"] = r.Suppressed };
        foreach (var k in KpiNames.All) o[Key(k)] = r.Suppressed ? null : Round(r.Value(k));
        return o;
    }

    static JsonObject? Shares(IReadOnlyDictionary<string, Share>? shares)
    {
        if (shares is null) return null;
        var o = new JsonObject();
        foreach (var (name, share) in shares.OrderBy(s => s.Key, StringComparer.Ordinal))
            o[name] = new JsonObject { ["value"] = Round(share.Percent), ["n"] = share.Denominator };
        return o;
    }

    /// <summary>Rows read and rejected, the share of replies a human rated, and the auto-coder's precision of "level ≥ 2" against humans.</summary>
    static JsonObject Quality(DataFolder folder, ItemLevels levels, KpiRow? orgWindow)
    {
        var report = folder.TotalReport();
        var human = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var auto = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in folder.Ratings())
        {
            if (r.Kpi != Kpi.Res || !string.IsNullOrEmpty(r.Indicator)) continue;
            if (r.RaterKind == RaterKind.Human) { if (!human.TryGetValue(r.ItemId, out var l)) human[r.ItemId] = l = []; l.Add(r.Score); }
            else if (r.RaterKind == RaterKind.Auto) auto[r.ItemId] = r.Score;
        }
        int tp = 0, fp = 0;
        foreach (var (item, scores) in human)
        {
            if (!auto.TryGetValue(item, out var a) || a < 2) continue;
            if (ItemLevels.LowerMedian(scores) >= 2) tp++; else fp++;
        }
        var replies = orgWindow is null ? 0 : (orgWindow.ResN ?? 0) + (orgWindow.ResUnrated ?? 0);
        return new JsonObject
        {
            ["rows_read"] = report.RowsRead,
            ["rows_rejected"] = report.RowsRejected,
            ["replies_with_text"] = replies,
            ["human_rated_share"] = replies > 0 ? Math.Round((double)levels.HumanRated / replies, 4) : null,
            ["auto_precision"] = tp + fp > 0 ? Math.Round((double)tp / (tp + fp), 4) : null,
            ["auto_precision_n"] = tp + fp,
        };
    }

    static JsonObject? Pilot(DataFolder folder, int minGroupSize)
    {
        if (!folder.Interventions().Any(i => i.SubjectKind == SubjectKind.Team && i.Arm == Arm.Control)) return null;
        PilotReport report;
        try { report = PilotStudy.Analyse(folder, null, minGroupSize); }
        catch (ArgumentException) { return null; } // a pilot without data in every arm and period: nothing to compare yet
        return new JsonObject
        {
            ["pilot_start"] = report.Design.PilotStart.ToString("yyyy-MM-dd"),
            ["treatment_teams"] = new JsonArray([.. report.Design.TreatmentTeams.Select(t => (JsonNode)t)]),
            ["control_teams"] = new JsonArray([.. report.Design.ControlTeams.Select(t => (JsonNode)t)]),
            ["arms"] = new JsonArray([.. report.Arms.Select(a => (JsonNode)Row(a.Row, $"{a.Arm} · {a.Period}"))]),
            ["effects"] = new JsonArray([.. report.Effects.Select(e => (JsonNode)new JsonObject
            {
                ["kpi"] = Key(e.Kpi), ["estimate"] = Math.Round(e.Did.Estimate, 2), ["lower"] = Math.Round(e.Did.Lower, 2), ["upper"] = Math.Round(e.Did.Upper, 2),
            })]),
        };
    }
}
