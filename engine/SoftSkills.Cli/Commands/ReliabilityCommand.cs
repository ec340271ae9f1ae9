using SoftSkills.Data;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Reliability;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Validation;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills reliability</c>: agreement and reliability of ratings in long form (item_id, rater_id, score).</summary>
public static class ReliabilityCommand
{
    public static Command Create()
    {
        var ratings = new Option<FileInfo>("--ratings") { Description = "CSV with item_id, rater_id, score (Cronbach: item_id = respondent, rater_id = item)", Required = true };
        var metric = new Option<string>("--metric") { Description = "percent, cohen, fleiss, krippendorff, icc or cronbach", Required = true };
        metric.AcceptOnlyFromAmong("percent", "cohen", "fleiss", "krippendorff", "icc", "cronbach");
        var level = new Option<string>("--level") { Description = "Krippendorff's level: nominal, ordinal, interval or ratio", DefaultValueFactory = _ => "interval" };
        level.AcceptOnlyFromAmong("nominal", "ordinal", "interval", "ratio");
        var weights = new Option<string>("--weights") { Description = "Cohen's kappa weights: none, linear or quadratic", DefaultValueFactory = _ => "none" };
        weights.AcceptOnlyFromAmong("none", "linear", "quadratic");
        var bootstrap = new Option<int>("--bootstrap") { Description = "bootstrap resamples for Krippendorff's interval", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "seed of the bootstrap", DefaultValueFactory = _ => 1 };
        var source = new Option<string>("--source")
        {
            Description = "with a rater_kind column (a data folder's ratings.csv): human raters only (default), the auto-coder only, or all",
            DefaultValueFactory = _ => "human",
        };
        source.AcceptOnlyFromAmong("human", "auto", "all");
        var command = new Command("reliability", "Inter-rater reliability: percent agreement, Cohen, Fleiss, Krippendorff, ICC, Cronbach.")
        {
            ratings, metric, level, weights, bootstrap, seed, source,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(ratings)!;
            if (!file.Exists) throw new BadInputException($"ratings file '{file.FullName}' does not exist");
            var resamples = Inputs.Range("--bootstrap", parse.GetValue(bootstrap), 100, SizeLimits.Resamples);
            var from = parse.GetValue(source)!;
            var (matrix, items, raters) = RatingsFile.Read(file.FullName, from);
            var name = parse.GetValue(metric)!;
            if (raters.Count == 0) throw new BadInputException($"{file.Name}: no ratings");
            if (raters.Count < 2 && name != "cronbach") throw new BadInputException($"{file.Name}: only one rater ({raters[0]}): reliability needs two or more");
            JsonObject result;
            try { result = Compute(name, matrix, raters, parse.GetValue(level)!, parse.GetValue(weights)!, resamples, parse.GetValue(seed)); }
            catch (ArgumentException ex) { throw new BadInputException($"{file.Name}: {ex.Message}"); }
            result["source"] = from;
            if (CommonOptions.Json(parse)) JsonOut.Print(result);
            else Console.WriteLine(result["undefined"] is { } why ? $"{name}: undefined ({why}; {items.Count} items, {raters.Count} raters)"
                : $"{name}: {result["value"]} ({items.Count} items, {raters.Count} raters)");
            return ExitCode.Ok;
        });
        return command;
    }

    static JsonArray Ci(double lo, double hi) => new(JsonOut.Number(lo), JsonOut.Number(hi));

    static JsonObject Compute(string metric, double[,] x, IReadOnlyList<string> raters, string level, string weights, int resamples, int seed)
    {
        switch (metric)
        {
            case "percent":
                var p = Agreement.Percent(x);
                return new JsonObject { ["metric"] = metric, ["value"] = JsonOut.Number(p.Value), ["units"] = p.Items, ["pairs"] = p.Pairs, ["raters"] = raters.Count };
            case "fleiss":
                var f = Agreement.Fleiss(x);
                return new JsonObject { ["metric"] = metric, ["value"] = JsonOut.Number(f.Value), ["observed_agreement"] = JsonOut.Number(f.ObservedAgreement),
                    ["chance_agreement"] = JsonOut.Number(f.ChanceAgreement), ["se0"] = JsonOut.Number(f.StandardErrorUnderNull), ["z"] = JsonOut.Number(f.Z),
                    ["per_category"] = new JsonObject(f.CategoryValues.Select((c, i) => KeyValuePair.Create(c.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)JsonOut.Number(f.CategoryKappas[i])))),
                    ["units"] = f.Subjects, ["raters"] = f.RatersPerSubject, ["categories"] = f.Categories, ["undefined"] = f.Undefined };
            case "cohen":
                if (raters.Count != 2) throw new ArgumentException($"Cohen's kappa compares two raters, the file has {raters.Count} (use fleiss or krippendorff)");
                var w = Enum.Parse<KappaWeights>(weights, ignoreCase: true);
                var k = CohenKappa.Compute(Column(x, 0), Column(x, 1), w);
                return new JsonObject { ["metric"] = metric, ["weights"] = weights, ["value"] = JsonOut.Number(k.Value), ["se"] = JsonOut.Number(k.StandardError),
                    ["ci95"] = Ci(k.Lower, k.Upper), ["units"] = k.Items, ["raters"] = 2, ["categories"] = k.Categories, ["undefined"] = k.Undefined };
            case "krippendorff":
                var lv = Enum.Parse<MeasurementLevel>(level, ignoreCase: true);
                var a = resamples > 0 ? KrippendorffAlpha.Bootstrap(x, lv, resamples, seed) : KrippendorffAlpha.Compute(x, lv);
                return new JsonObject { ["metric"] = metric, ["level"] = level, ["value"] = JsonOut.Number(a.Value),
                    ["observed_disagreement"] = JsonOut.Number(a.ObservedDisagreement), ["expected_disagreement"] = JsonOut.Number(a.ExpectedDisagreement),
                    ["units"] = a.Units, ["raters"] = a.Raters, ["pairable_values"] = a.PairableValues,
                    ["ci95"] = a.Lower is { } lo && a.Upper is { } hi ? Ci(lo, hi) : null, ["bootstrap_resamples"] = resamples, ["seed"] = seed,
                    ["undefined"] = a.Undefined };
            case "icc":
                var icc = IntraclassCorrelation.Compute(x);
                var forms = new JsonObject();
                foreach (var form in icc.Forms)
                    forms[form.Name] = new JsonObject { ["value"] = JsonOut.Number(form.Value), ["f"] = JsonOut.Number(form.F), ["df1"] = form.Df1,
                        ["df2"] = JsonOut.Number(form.Df2), ["p"] = JsonOut.Number(form.P), ["ci95"] = Ci(form.Lower, form.Upper) };
                return new JsonObject { ["metric"] = metric, ["value"] = JsonOut.Number(icc["ICC2"].Value), ["forms"] = forms,
                    ["units"] = icc.Targets, ["raters"] = icc.Judges, ["units_dropped_for_missing"] = icc.TargetsDropped, ["undefined"] = icc.Undefined };
            default:
                var c = CronbachAlpha.Compute(x);
                return new JsonObject { ["metric"] = "cronbach", ["value"] = JsonOut.Number(c.Value), ["ci95"] = Ci(c.Lower, c.Upper),
                    ["respondents"] = c.Respondents, ["items"] = c.Items, ["respondents_dropped_for_missing"] = c.RespondentsDropped, ["undefined"] = c.Undefined };
        }
    }

    static double[] Column(double[,] x, int j) => Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, j]).ToArray();
}

/// <summary>
/// Reads ratings in long form into an items × raters matrix (NaN where a rater did not rate an item). A file with a
/// <c>rater_kind</c> column (a data folder's ratings) keeps the rows of the source asked for: <c>human</c> raters,
/// the <c>auto</c>-coder, or <c>all</c> (mixing the coder in as one more rater changes what the coefficient means).
/// </summary>
public static class RatingsFile
{
    public static (double[,] Matrix, List<string> Items, List<string> Raters) Read(string path, string source = "all")
    {
        var name = Path.GetFileName(path);
        using var reader = CsvRecordReader.Open(path);
        var header = new List<string>();
        if (!reader.Read(header)) throw new DataValidationException(new RowLocation(name, 1, 1, "item_id"), "the file is empty");
        int Col(string c) => header.IndexOf(c) is var i and >= 0 ? i
            : throw new DataValidationException(new RowLocation(name, 1, header.Count + 1, c), $"missing column '{c}'");
        var (itemCol, raterCol, scoreCol) = (Col("item_id"), Col("rater_id"), Col("score"));
        var kindCol = header.IndexOf("rater_kind");
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var raters = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int, int), double>();
        var fields = new List<string>();
        while (reader.Read(fields))
        {
            var line = reader.RecordLine;
            if (fields.Count != header.Count) throw new DataValidationException(new RowLocation(name, line, Math.Min(fields.Count, header.Count) + 1, "?"), $"row has {fields.Count} fields, the header has {header.Count}");
            if (kindCol >= 0 && source != "all" && fields[kindCol] != source) continue;
            if (!double.TryParse(fields[scoreCol], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
                throw new DataValidationException(new RowLocation(name, line, scoreCol + 1, "score"), $"score '{fields[scoreCol]}' is not a number");
            if (fields[itemCol].Length == 0) throw new DataValidationException(new RowLocation(name, line, itemCol + 1, "item_id"), "item_id is empty");
            if (fields[raterCol].Length == 0) throw new DataValidationException(new RowLocation(name, line, raterCol + 1, "rater_id"), "rater_id is empty");
            if (!items.TryGetValue(fields[itemCol], out var i)) items[fields[itemCol]] = i = items.Count;
            if (!raters.TryGetValue(fields[raterCol], out var r)) raters[fields[raterCol]] = r = raters.Count;
            if (!cells.TryAdd((i, r), score))
                throw new DataValidationException(new RowLocation(name, line, raterCol + 1, "rater_id"), $"rater '{fields[raterCol]}' rated item '{fields[itemCol]}' twice");
        }
        if (items.Count == 0)
            throw new DataValidationException(new RowLocation(name, 2, 1, "item_id"), kindCol >= 0 && source != "all" ? $"no ratings with rater_kind '{source}' (see --source)" : "no ratings");
        var matrix = new double[items.Count, raters.Count];
        for (var a = 0; a < items.Count; a++) for (var b = 0; b < raters.Count; b++) matrix[a, b] = double.NaN;
        foreach (var ((i, r), v) in cells) matrix[i, r] = v;
        return (matrix, items.Keys.ToList(), raters.Keys.ToList());
    }
}
