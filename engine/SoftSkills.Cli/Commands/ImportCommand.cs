using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Data.Connectors;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Validation;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills import</c>: validate real exports, pseudonymise identifiers, decide each attribute column, redact names in texts.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "folder of CSV or Parquet exports, or a vendor export (a folder; Slack also a .zip)", Required = true };
        var source = new Option<string>("--source") { Description = "tables (our CSV/Parquet tables, the default), slack, teams, jira, zendesk, or mapped (any CSV through --mapping)", DefaultValueFactory = _ => "tables" };
        source.AcceptOnlyFromAmong(["tables", .. ConnectorImport.Sources]);
        var mapping = new Option<FileInfo?>("--mapping") { Description = "with --source mapped: the mapping file (JSON) naming which column fills which field" };
        var to = new Option<DirectoryInfo>("--out") { Description = "folder to write the pseudonymised tables to (replaced as a whole)", Required = true };
        var key = new Option<FileInfo>("--key-file") { Description = "file holding the pseudonymisation key (at least 16 bytes; never written anywhere)", Required = true };
        var drop = new Option<string[]>("--drop-attr") { Description = "an attr_* column to leave out (repeatable)", AllowMultipleArgumentsPerToken = false };
        var pseudonymise = new Option<string[]>("--pseudonymise-attr") { Description = "an attr_* column whose values become pseudonyms (repeatable)", AllowMultipleArgumentsPerToken = false };
        var keep = new Option<string[]>("--keep-attr") { Description = "an attr_* column to keep as it is although it looks identifying (repeatable)", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--table-format") { Description = "parquet (default) or csv (for R and Python users)", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var lenient = CommonOptions.Lenient();
        var command = new Command("import", "Validate and pseudonymise a folder of exports and write it as Parquet (or CSV).") { from, source, mapping, to, key, drop, pseudonymise, keep, format, lenient };
        command.SetAction(parse =>
        {
            var keyFile = Inputs.File(parse.GetValue(key)!, "key file");
            Pseudonymiser pseudonymiser;
            try { pseudonymiser = Pseudonymiser.FromKeyFile(keyFile.FullName); }
            catch (ArgumentException ex) { throw new BadInputException($"{keyFile.Name}: {ex.Message}"); }
            var outDir = Inputs.OutputFolder(parse.GetValue(to)!, "--out");
            if (parse.GetValue(source) is { } vendor && vendor != "tables")
            {
                if ((parse.GetValue(drop)?.Length ?? 0) + (parse.GetValue(pseudonymise)?.Length ?? 0) + (parse.GetValue(keep)?.Length ?? 0) > 0 || parse.GetValue(lenient))
                    throw new BadInputException($"--drop-attr, --pseudonymise-attr, --keep-attr and --lenient apply to our own tables, not to --source {vendor} (docs/design.md §15)");
                return Connector(parse, vendor, parse.GetValue(from)!, parse.GetValue(mapping), outDir, pseudonymiser, parse.GetValue(format) == "csv");
            }
            if (parse.GetValue(mapping) is not null) throw new BadInputException("--mapping goes with --source mapped");
            var folder = Inputs.Folder(new DirectoryInfo(parse.GetValue(from)!));
            var options = new ImportOptions
            {
                Read = new ReadOptions(parse.GetValue(lenient)),
                DropAttributes = (parse.GetValue(drop) ?? []).ToHashSet(),
                PseudonymiseAttributes = (parse.GetValue(pseudonymise) ?? []).ToHashSet(),
                KeepAttributes = (parse.GetValue(keep) ?? []).ToHashSet(),
                Csv = parse.GetValue(format) == "csv",
            };
            var result = Importer.Import(folder.Path, outDir, pseudonymiser, options);
            Report.PrintIssues(result.Tables.Values);
            if (CommonOptions.Json(parse))
            {
                var tables = new JsonObject();
                foreach (var (table, r) in result.Tables)
                    tables[table] = new JsonObject { ["rows"] = r.RowsAccepted, ["rows_read"] = r.RowsRead, ["rows_written"] = r.RowsAccepted, ["rows_rejected"] = r.RowsRejected };
                JsonOut.Print(new JsonObject
                {
                    ["out"] = outDir, ["tables"] = tables,
                    ["skipped"] = new JsonObject { ["total"] = result.Tables.Values.Sum(r => r.RowsRejected) },
                    ["dropped_columns"] = new JsonArray([.. result.DroppedColumns.Select(c => (JsonNode)c)]),
                    ["pseudonymised_columns"] = new JsonArray([.. result.PseudonymisedColumns.Select(c => (JsonNode)c)]),
                    ["texts_redacted"] = result.TextsRedacted,
                });
            }
            else
            {
                TextOut.Table(null, ["table", "rows written", "rows rejected"], result.Tables.Select(t => (IReadOnlyList<string>)[t.Key, t.Value.RowsAccepted.ToString("N0"), t.Value.RowsRejected.ToString("N0")]), "rows written", "rows rejected");
                if (result.DroppedColumns.Count > 0) TextOut.Line($"dropped: {string.Join(", ", result.DroppedColumns)}");
                if (result.PseudonymisedColumns.Count > 0) TextOut.Line($"pseudonymised: {string.Join(", ", result.PseudonymisedColumns)}");
                if (result.TextsRedacted > 0) TextOut.Line($"{result.TextsRedacted:N0} texts had employees' names, addresses or ids replaced by pseudonyms");
                TextOut.Line($"pseudonymised tables in {outDir}");
            }
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Imports a vendor export and prints its summary (docs/design.md §10 and §15).</summary>
    static int Connector(ParseResult parse, string source, string from, FileInfo? mapping, string outDir, Pseudonymiser pseudonymiser, bool csv)
    {
        if (!System.IO.File.Exists(from) && !Directory.Exists(from)) throw new BadInputException($"--from '{from}' does not exist");
        if (System.IO.File.Exists(from) && source != "slack") throw new BadInputException($"--from '{from}' is a file: a {source} export is a folder");
        if (source == "mapped" && mapping is null) throw new BadInputException("--source mapped needs --mapping FILE (see docs/design.md §15.6)");
        if (source != "mapped" && mapping is not null) throw new BadInputException("--mapping goes with --source mapped");
        var mappingPath = mapping is null ? null : Inputs.File(mapping, "mapping file").FullName;
        var summary = ConnectorImport.Run(source, from, outDir, pseudonymiser, csv, mappingPath);
        if (CommonOptions.Json(parse))
        {
            var tables = new JsonObject();
            foreach (var (table, rows) in summary.Tables)
            {
                var t = new JsonObject { ["rows"] = rows };
                if (table == "events") t["by_kind"] = new JsonObject(summary.EventsByKind.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value)));
                tables[table] = t;
            }
            JsonOut.Print(new JsonObject
            {
                ["source"] = source, ["out"] = outDir, ["tables"] = tables,
                ["skipped"] = new JsonObject
                {
                    ["total"] = summary.Skipped,
                    ["by_reason"] = new JsonObject(summary.SkippedByReason.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))),
                },
                ["texts_redacted"] = summary.TextsRedacted,
            });
            return ExitCode.Ok;
        }
        TextOut.Table(null, ["table", "rows written"], summary.Tables.Select(t => (IReadOnlyList<string>)[t.Key, t.Value.ToString("N0")]), "rows written");
        TextOut.Line("events by kind: " + string.Join(", ", summary.EventsByKind.Select(k => $"{k.Key} {k.Value:N0}")));
        TextOut.Line(summary.Skipped == 0 ? "nothing skipped"
            : $"skipped {summary.Skipped:N0}: " + string.Join(", ", summary.SkippedByReason.Select(k => $"{k.Key} {k.Value:N0}")));
        if (summary.TextsRedacted > 0) TextOut.Line($"{summary.TextsRedacted:N0} texts had people's names, addresses or mentions replaced");
        TextOut.Line($"pseudonymised tables in {outDir}");
        return ExitCode.Ok;
    }
}
