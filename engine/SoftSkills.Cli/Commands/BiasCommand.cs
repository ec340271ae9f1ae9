using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Bias;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Validation;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills bias</c>: group fairness of a flag (selection rates, four-fifths, equalized odds) and score gaps.</summary>
public static class BiasCommand
{
    public static Command Create()
    {
        var scores = new Option<FileInfo>("--scores") { Description = "CSV with one row per case", Required = true };
        var group = new Option<string>("--group") { Description = "the column that names each case's group (e.g. attr_first_language)", Required = true };
        var pred = new Option<string?>("--pred") { Description = "a binary column: the flag or prediction (true/false or 1/0), e.g. needs_coaching" };
        var truth = new Option<string?>("--truth") { Description = "a binary column: the true label (e.g. the human rating is level 2 or more)" };
        var score = new Option<string?>("--score") { Description = "a numeric column: score gaps as standardised mean differences" };
        var seed = new Option<int>("--seed") { Description = "seed of the bootstrap intervals", DefaultValueFactory = _ => 1 };
        var minGroup = CommonOptions.MinGroupSize();
        var command = new Command("bias", "Fairness across groups: selection rates, four-fifths rule, equalized odds, score gaps.")
        {
            scores, group, pred, truth, score, seed, minGroup,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scores)!;
            if (!file.Exists) throw new BadInputException($"scores file '{file.FullName}' does not exist");
            var (predName, truthName, scoreName) = (parse.GetValue(pred), parse.GetValue(truth), parse.GetValue(score));
            if (predName is null && scoreName is null) throw new BadInputException("give --pred (a flag) or --score (a numeric column), or both");
            if (truthName is not null && predName is null) throw new BadInputException("--truth needs --pred: error rates compare the flag with the truth");
            var table = Table.Read(file.FullName);
            var groups = table.Text(parse.GetValue(group)!);
            var result = new JsonObject();
            try
            {
                if (predName is not null)
                {
                    var f = FairnessMetrics.Compute(groups, table.Flags(predName), truthName is null ? null : table.Flags(truthName),
                        scoreName is null ? null : table.Numbers(scoreName), CommonOptions.MinGroup(parse, minGroup));
                    var g = new JsonObject();
                    foreach (var row in f.Groups)
                        g[row.Group] = new JsonObject { ["n"] = row.N, ["selection_rate"] = JsonOut.Number(row.SelectionRate), ["tpr"] = JsonOut.Number(row.Tpr),
                            ["fpr"] = JsonOut.Number(row.Fpr), ["mean_score"] = JsonOut.Number(row.MeanScore) };
                    result["groups"] = g;
                    result["demographic_parity_difference"] = JsonOut.Number(f.DemographicParityDifference);
                    result["demographic_parity_ratio"] = JsonOut.Number(f.DemographicParityRatio);
                    result["equalized_odds_difference"] = JsonOut.Number(f.EqualizedOddsDifference);
                    result["equalized_odds_ratio"] = JsonOut.Number(f.EqualizedOddsRatio);
                    result["four_fifths_pass"] = f.FourFifthsPass;
                    var ratios = new JsonObject();
                    foreach (var (name, ratio) in f.SelectionRateRatios) ratios[name] = JsonOut.Number(ratio);
                    result["selection_rate_ratios"] = ratios;
                    result["suppressed_groups"] = f.Suppressed.Count;   // how many, never their labels (a small group's name can identify it)
                }
                if (scoreName is not null)
                {
                    result["score_gaps"] = new JsonArray([.. ScoreGaps.Compute(groups, table.Numbers(scoreName), null, CommonOptions.MinGroup(parse, minGroup), 1000, parse.GetValue(seed))
                        .Select(x => (JsonNode)new JsonObject
                        {
                            ["group"] = x.Group, ["reference"] = x.Reference, ["n"] = x.N, ["reference_n"] = x.ReferenceN,
                            ["gap"] = JsonOut.Number(x.Gap), ["smd"] = JsonOut.Number(x.Smd), ["ci95"] = new JsonArray(JsonOut.Number(x.Lower), JsonOut.Number(x.Upper)),
                        })]);
                }
            }
            catch (ArgumentException ex) { throw new BadInputException($"{file.Name}: {ex.Message}"); }
            if (CommonOptions.Json(parse)) JsonOut.Print(result);
            else PrintText(result, file.Name, CommonOptions.MinGroup(parse, minGroup));
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>The readable summary: rates per group with the four-fifths verdict, then score gaps with their intervals.</summary>
    static void PrintText(JsonObject r, string file, int minGroup)
    {
        static double? D(JsonNode? n) => n is null ? null : (double)n;
        static string Pct(JsonNode? n) => D(n) is { } v ? TextOut.Number(100 * v) + "%" : "–";
        if (r["groups"] is JsonObject groups)
        {
            var ratios = r["selection_rate_ratios"]!.AsObject();
            TextOut.Table($"Fairness of the flag across groups ({file})", ["group", "cases", "selected", "ratio to most selected", "true-positive rate", "false-positive rate"],
                groups.Select(g => (IReadOnlyList<string>)[g.Key, ((int)g.Value!["n"]!).ToString(CultureInfo.InvariantCulture), Pct(g.Value["selection_rate"]),
                    TextOut.Number(D(ratios[g.Key]), 2), Pct(g.Value["tpr"]), Pct(g.Value["fpr"])]),
                "cases", "selected", "ratio to most selected", "true-positive rate", "false-positive rate");
            TextOut.Line((bool?)r["four_fifths_pass"] switch
            {
                true => "Four-fifths rule: passed (every group is selected at 80% or more of the most-selected group's rate).",
                false => "Four-fifths rule: FAILED (a group is selected at less than 80% of the most-selected group's rate).",
                null => "Four-fifths rule: not decidable (fewer than two groups with cases).",
            });
            TextOut.Line($"Demographic parity difference {TextOut.Number(100 * D(r["demographic_parity_difference"]))} points; equalized odds difference {TextOut.Number(100 * D(r["equalized_odds_difference"]))} points.");
            if ((int?)r["suppressed_groups"] is > 0 and var hidden)
                TextOut.Line($"Not shown (fewer than {minGroup} cases): {hidden} group(s).");
        }
        if (r["score_gaps"] is JsonArray gaps)
            TextOut.Table($"Score gaps against the reference group ({file}): standardised mean difference with a 95% bootstrap interval",
                ["group", "reference", "n", "reference n", "gap", "SMD", "95% interval"],
                gaps.Select(g => (IReadOnlyList<string>)[(string)g!["group"]!, (string)g["reference"]!, ((int)g["n"]!).ToString(CultureInfo.InvariantCulture),
                    ((int)g["reference_n"]!).ToString(CultureInfo.InvariantCulture), TextOut.Signed(D(g["gap"]), 2), TextOut.Signed(D(g["smd"]), 2),
                    TextOut.Interval(D(g["ci95"]![0]), D(g["ci95"]![1]), 2)]),
                "n", "reference n", "gap", "SMD", "95% interval");
    }

    /// <summary>A small CSV table read whole, with typed column access that names file, line and column on bad values.</summary>
    sealed class Table(string file, List<string> header, List<(long Line, List<string> Fields)> rows)
    {
        public static Table Read(string path)
        {
            using var reader = CsvRecordReader.Open(path);
            var header = new List<string>();
            if (!reader.Read(header)) throw new DataValidationException(new RowLocation(Path.GetFileName(path), 1, 1, "?"), "the file is empty");
            var rows = new List<(long, List<string>)>();
            var fields = new List<string>();
            while (reader.Read(fields)) rows.Add((reader.RecordLine, [.. fields]));
            return new Table(Path.GetFileName(path), header, rows);
        }

        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i
            : throw new BadInputException($"{file}: column '{name}' does not exist (columns: {string.Join(", ", header)})");

        T[] Parse<T>(string name, Func<string, (bool Ok, T Value)> parse, string expected)
        {
            var c = Column(name);
            return rows.Select(r => c < r.Fields.Count && parse(r.Fields[c]) is { Ok: true } v ? v.Value
                : throw new DataValidationException(new RowLocation(file, r.Line, c + 1, name), $"'{(c < r.Fields.Count ? r.Fields[c] : "")}' is not {expected}")).ToArray();
        }

        public string[] Text(string name) => Parse(name, s => (s.Length > 0, s), "a group name");
        public bool[] Flags(string name) => Parse(name, s => CsvFormat.TryBoolean(s, out var b) ? (true, b) : (false, false), "true/false or 1/0");
        public double[] Numbers(string name) => Parse(name, s => s.Length == 0 ? (true, double.NaN)
            : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (true, d) : (false, 0), "a number");
    }
}
