using SoftSkills.Data;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills kpis</c>: the four KPIs by group and period, with baselines and targets.</summary>
public static class KpisCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data folder (employees, events, ratings as CSV or Parquet)", Required = true };
        var by = new Option<string>("--by") { Description = "organisation, team, employee, role or an attr_* column", DefaultValueFactory = _ => "team" };
        var period = new Option<string>("--period") { Description = "day, week or window", DefaultValueFactory = _ => "window" };
        period.AcceptOnlyFromAmong("day", "week", "window");
        var output = new Option<FileInfo?>("--out") { Description = "also write the result to a .json or .csv file" };
        var from = CommonOptions.Day("--from", "first day of the window (yyyy-MM-dd, UTC)");
        var to = CommonOptions.Day("--to", "last day of the window (yyyy-MM-dd, inclusive)");
        var baselineDays = new Option<int>("--baseline-days") { Description = "days at the start of the window that form the baseline", DefaultValueFactory = _ => 60 };
        var uplift = new Option<double>("--uplift") { Description = "target = baseline + this many points", DefaultValueFactory = _ => 5 };
        var minGroup = CommonOptions.MinGroupSize();
        var lenient = CommonOptions.Lenient();
        var command = new Command("kpis", "Compute the four KPIs (RES, CI, DQR, HSR) by group and period.")
        {
            data, by, period, output, from, to, baselineDays, uplift, minGroup, lenient,
        };
        command.SetAction(parse =>
        {
            var minSize = CommonOptions.MinGroup(parse, minGroup);
            Inputs.Range("--baseline-days", parse.GetValue(baselineDays), 1, SizeLimits.Days);
            Inputs.Range("--uplift", parse.GetValue(uplift), -100, 100);
            if (parse.GetValue(from) is { } first && parse.GetValue(to) is { } last && first > last)
                throw new BadInputException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}");
            var options = new KpiOptions
            {
                GroupBy = parse.GetValue(by)!,
                Period = Enum.Parse<PeriodKind>(parse.GetValue(period)!, ignoreCase: true),
                MinGroupSize = minSize,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                BaselineDays = parse.GetValue(baselineDays),
                TargetUplift = parse.GetValue(uplift),
            };
            var folder = new DataFolder(parse.GetValue(data)!.FullName, new ReadOptions(parse.GetValue(lenient)));
            KpiRun result;
            try { result = KpiRun.Compute(folder, options); }
            catch (ArgumentException ex) { throw new BadInputException(ex.Message); } // a grouping the data does not have
            Report.PrintIssues(folder.Reports.Values);
            var json = KpiJson.Of(result);
            if (parse.GetValue(output) is { } file)
            {
                if (file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
                    AtomicOutputs.WriteText(file.FullName, KpiCsv.Of(result.Report));
                else
                    AtomicOutputs.WriteText(file.FullName, JsonOut.Text(json));
            }
            if (CommonOptions.Json(parse)) JsonOut.Print(json);
            else KpiText.Print(result);
            return ExitCode.Ok;
        });
        return command;
    }
}

static class KpiJson
{
    public static JsonObject Of(KpiRun run)
    {
        var rows = new JsonArray();
        foreach (var r in run.Report.Rows)
        {
            var row = new JsonObject
            {
                ["group_by"] = r.GroupBy,
                ["group"] = r.Group,
                ["period"] = r.Period.ToString().ToLowerInvariant(),
                ["period_start"] = Day(r.PeriodStart),
                ["period_end"] = Day(PeriodEnd(run.Report, r)),
                ["employees"] = r.Suppressed ? null : r.Employees,   // a small group's size is itself not published
                ["suppressed"] = r.Suppressed,
                ["res"] = JsonOut.Number(r.Res),
                ["ci"] = JsonOut.Number(r.Ci),
                ["dqr"] = JsonOut.Number(r.Dqr),
                ["hsr"] = JsonOut.Number(r.Hsr),
                ["res_n"] = r.ResN,
                ["ci_n"] = r.CiN,
                ["dqr_n"] = r.DqrN,
                ["hsr_n"] = r.HsrN,
                ["res_people"] = r.ResPeople,
                ["ci_people"] = r.CiPeople,
                ["dqr_people"] = r.DqrPeople,
                ["hsr_people"] = r.HsrPeople,
                ["res_unrated"] = r.ResUnrated,
                ["ci_reciprocity"] = JsonOut.Number(r.CiReciprocity),
                ["ci_responsiveness"] = JsonOut.Number(r.CiResponsiveness),
                ["ci_cross_team_reach"] = JsonOut.Number(r.CiCrossTeamReach),
            };
            if (r.Suppressed) row["withheld"] = new JsonObject { ["all"] = $"fewer than {run.Report.MinGroupSize} employees took part" };
            else if (r.Withheld is { Count: > 0 } w)
                row["withheld"] = new JsonObject(w.OrderBy(x => x.Key).Select(x => KeyValuePair.Create(EnumNames.Of(x.Key), (JsonNode?)x.Value)));
            if (r.DqrByType is { } types) row["dqr_by_type"] = Shares(types);
            if (r.ResByChannel is { } channels) row["res_by_channel"] = Shares(channels);
            if (!r.Suppressed && run.Baselines.TryGetValue(r.Group, out var b) && !b.Suppressed)
            {
                row["res_baseline"] = JsonOut.Number(b.Res);
                row["res_target"] = JsonOut.Number(b.ResTarget);
                row["ci_baseline"] = JsonOut.Number(b.Ci);
                row["ci_target"] = JsonOut.Number(b.CiTarget);
                row["dqr_baseline"] = JsonOut.Number(b.Dqr);
                row["dqr_target"] = JsonOut.Number(b.DqrTarget);
                row["hsr_baseline"] = JsonOut.Number(b.Hsr);
                row["hsr_target"] = JsonOut.Number(b.HsrTarget);
            }
            rows.Add(row);
        }
        return new JsonObject
        {
            ["rows"] = rows,
            ["first_day"] = run.Report.FirstDay is { } f ? Day(f) : null,
            ["last_day"] = run.Report.LastDay is { } l ? Day(l) : null,
            ["baseline_from"] = run.BaselineWindow is { } bw ? Day(bw.From) : null,
            ["baseline_to"] = run.BaselineWindow is { } bw2 ? Day(bw2.To) : null,
            ["min_group_size"] = run.Report.MinGroupSize,
            ["rows_read"] = run.Quality.RowsRead,
            ["rows_rejected"] = run.Quality.RowsRejected,
        };
    }

    static JsonObject Shares(IReadOnlyDictionary<string, Share> shares) =>
        new(shares.OrderBy(t => t.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)(kv.Value.Withheld is { } why
            ? new JsonObject { ["value"] = null, ["n"] = null, ["people"] = null, ["withheld"] = why }
            : new JsonObject { ["value"] = JsonOut.Number(kv.Value.Percent), ["n"] = kv.Value.Denominator, ["people"] = kv.Value.People }))));

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The last day a row covers: its period's end, cut to the data window.</summary>
    public static DateOnly PeriodEnd(KpiReport report, KpiRow r)
    {
        var end = r.Period switch { PeriodKind.Day => r.PeriodStart, PeriodKind.Week => r.PeriodStart.AddDays(6), _ => report.LastDay ?? r.PeriodStart };
        return report.LastDay is { } last && end > last ? last : end;
    }
}

static class KpiCsv
{
    const string Header = "group_by,group,period,period_start,employees,suppressed,res,ci,dqr,hsr,res_n,ci_n,dqr_n,hsr_n,res_unrated,period_end,res_people,ci_people,dqr_people,hsr_people,withheld\n";

    /// <summary>The rows as CSV: numbers at full precision, empty where withheld or absent, text cells safe from spreadsheet formulas.</summary>
    public static string Of(KpiReport report)
    {
        var sb = new StringBuilder(Header);
        static string N(double? v) => v is { } x ? CsvFormat.Real(x) : "";
        foreach (var r in report.Rows)
        {
            var withheld = r.Suppressed ? $"all: fewer than {report.MinGroupSize} employees took part"
                : string.Join("; ", (r.Withheld ?? new Dictionary<Data.Schema.Kpi, string>()).OrderBy(x => x.Key).Select(x => $"{EnumNames.Of(x.Key)}: {x.Value}"));
            sb.Append(string.Join(",", CsvFormat.Escape(r.GroupBy), CsvFormat.Escape(r.Group), r.Period.ToString().ToLowerInvariant(),
                CsvFormat.Date(r.PeriodStart), r.Suppressed ? "" : r.Employees.ToString(CultureInfo.InvariantCulture), r.Suppressed ? "true" : "false",
                N(r.Res), N(r.Ci), N(r.Dqr), N(r.Hsr), r.ResN, r.CiN, r.DqrN, r.HsrN, r.ResUnrated,
                CsvFormat.Date(KpiJson.PeriodEnd(report, r)), r.ResPeople, r.CiPeople, r.DqrPeople, r.HsrPeople, CsvFormat.Escape(withheld))).Append('\n');
        }
        return sb.ToString();
    }
}

static class KpiText
{
    public static void Print(KpiRun run)
    {
        var report = run.Report;
        Console.WriteLine($"KPIs from {report.FirstDay:yyyy-MM-dd} to {report.LastDay:yyyy-MM-dd} ({report.EventsUsed:N0} events); values resting on fewer than {report.MinGroupSize} people are withheld (–)");
        Console.WriteLine($"{"group",-16} {"period",-10} {"people",6}  {"RES %",7} {"CI",7} {"DQR %",7} {"HSR %",7}");
        static string F(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "–";
        foreach (var r in report.Rows)
        {
            var values = r.Suppressed ? "suppressed (fewer than the minimum group size)" : $"{F(r.Res),7} {F(r.Ci),7} {F(r.Dqr),7} {F(r.Hsr),7}";
            Console.WriteLine($"{Trim(r.Group),-16} {r.PeriodStart:yyyy-MM-dd} {(r.Suppressed ? $"<{report.MinGroupSize}" : r.Employees.ToString(CultureInfo.InvariantCulture)),6}  {values}");
        }
        var withheld = report.Rows.Where(r => !r.Suppressed && r.Withheld is { Count: > 0 }).ToList();
        foreach (var r in withheld)
            Console.WriteLine($"  {Trim(r.Group)} {r.PeriodStart:yyyy-MM-dd}: {string.Join("; ", r.Withheld!.OrderBy(x => x.Key).Select(x => $"{KpiNames.Title(x.Key)} {x.Value}"))}");
        var unrated = report.Rows.Where(r => !r.Suppressed).Sum(r => r.ResUnrated ?? 0);
        if (unrated > 0) Console.WriteLine($"{unrated:N0} replies have no human or auto rating: RES counts only rated replies");
    }

    static string Trim(string s) { s = Printable.Of(s); return s.Length <= 16 ? s : s[..15] + "…"; }
}
