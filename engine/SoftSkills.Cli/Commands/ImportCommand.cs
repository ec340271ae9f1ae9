using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Validation;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills import</c>: validate real exports, pseudonymise identifiers, decide each attribute column, redact names in texts.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "folder of CSV or Parquet exports", Required = true };
        var to = new Option<DirectoryInfo>("--out") { Description = "folder to write the pseudonymised tables to (replaced as a whole)", Required = true };
        var key = new Option<FileInfo>("--key-file") { Description = "file holding the pseudonymisation key (at least 16 bytes; never written anywhere)", Required = true };
        var drop = new Option<string[]>("--drop-attr") { Description = "an attr_* column to leave out (repeatable)", AllowMultipleArgumentsPerToken = false };
        var pseudonymise = new Option<string[]>("--pseudonymise-attr") { Description = "an attr_* column whose values become pseudonyms (repeatable)", AllowMultipleArgumentsPerToken = false };
        var keep = new Option<string[]>("--keep-attr") { Description = "an attr_* column to keep as it is although it looks identifying (repeatable)", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--table-format") { Description = "parquet (default) or csv (for R and Python users)", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var lenient = CommonOptions.Lenient();
        var command = new Command("import", "Validate and pseudonymise a folder of exports and write it as Parquet (or CSV).") { from, to, key, drop, pseudonymise, keep, format, lenient };
        command.SetAction(parse =>
        {
            var keyFile = Inputs.File(parse.GetValue(key)!, "key file");
            Pseudonymiser pseudonymiser;
            try { pseudonymiser = Pseudonymiser.FromKeyFile(keyFile.FullName); }
            catch (ArgumentException ex) { throw new BadInputException($"{keyFile.Name}: {ex.Message}"); }
            var source = Inputs.Folder(parse.GetValue(from)!);
            var outDir = Inputs.OutputFolder(parse.GetValue(to)!, "--out");
            var options = new ImportOptions
            {
                Read = new ReadOptions(parse.GetValue(lenient)),
                DropAttributes = (parse.GetValue(drop) ?? []).ToHashSet(),
                PseudonymiseAttributes = (parse.GetValue(pseudonymise) ?? []).ToHashSet(),
                KeepAttributes = (parse.GetValue(keep) ?? []).ToHashSet(),
                Csv = parse.GetValue(format) == "csv",
            };
            var result = Importer.Import(source.Path, outDir, pseudonymiser, options);
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
}
