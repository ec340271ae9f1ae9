using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Validation;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills import</c>: validate real exports, pseudonymise identifiers, convert to Parquet.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "folder of CSV or Parquet exports", Required = true };
        var to = new Option<DirectoryInfo>("--out") { Description = "folder to write Parquet tables to", Required = true };
        var key = new Option<FileInfo>("--key-file") { Description = "file holding the pseudonymisation key (at least 16 bytes; never written anywhere)", Required = true };
        var lenient = CommonOptions.Lenient();
        var command = new Command("import", "Validate and pseudonymise a folder of exports and write it as Parquet.") { from, to, key, lenient };
        command.SetAction(parse =>
        {
            var keyFile = parse.GetValue(key)!;
            if (!keyFile.Exists) throw new BadInputException($"key file '{keyFile.FullName}' does not exist");
            Pseudonymiser pseudonymiser;
            try { pseudonymiser = Pseudonymiser.FromKeyFile(keyFile.FullName); }
            catch (ArgumentException ex) { throw new BadInputException($"{keyFile.Name}: {ex.Message}"); }
            var reports = Importer.Import(parse.GetValue(from)!.FullName, parse.GetValue(to)!.FullName, pseudonymiser,
                new ReadOptions(parse.GetValue(lenient)));
            Report.PrintIssues(reports.Values);
            if (CommonOptions.Json(parse))
            {
                var tables = new JsonObject();
                foreach (var (table, r) in reports)
                    tables[table] = new JsonObject { ["rows_read"] = r.RowsRead, ["rows_written"] = r.RowsAccepted, ["rows_rejected"] = r.RowsRejected };
                JsonOut.Print(new JsonObject { ["out"] = parse.GetValue(to)!.FullName, ["tables"] = tables });
            }
            else
            {
                foreach (var (table, r) in reports)
                    Console.WriteLine($"{table,-14} {r.RowsAccepted,10:N0} rows written{(r.RowsRejected > 0 ? $", {r.RowsRejected:N0} rejected" : "")}");
                Console.WriteLine($"pseudonymised Parquet tables in {parse.GetValue(to)!.FullName}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
