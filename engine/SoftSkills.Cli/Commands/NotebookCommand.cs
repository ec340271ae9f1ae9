using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Notebooks;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills notebook run</c>: execute a notebook headlessly and save it with its outputs.</summary>
public static class NotebookCommand
{
    public static Command Create()
    {
        var notebook = new Argument<FileInfo>("NB") { Description = "the .ipynb to run" };
        var param = new Option<string[]>("--param") { Description = "name=value for the cell tagged 'parameters' (repeatable)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<FileInfo?>("--out") { Description = "where to write the executed notebook (default: NAME.executed.ipynb beside it)" };
        var run = new Command("run", "Execute a notebook in process; exits non-zero when a cell fails.") { notebook, param, output };
        run.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(notebook)!;
            if (!file.Exists) throw new BadInputException($"notebook '{file.FullName}' does not exist");
            var parameters = ParseParameters(parse.GetValue(param) ?? []);
            var json = CommonOptions.Json(parse);
            var result = await NotebookRunner.RunAsync(file.FullName, parameters, parse.GetValue(output)?.FullName, json ? Console.Error : Console.Out, ct);
            if (json)
            {
                var cells = new JsonArray();
                foreach (var c in result.Cells)
                    cells.Add(new JsonObject { ["index"] = c.Index, ["status"] = c.Status.ToString().ToLowerInvariant(), ["seconds"] = Math.Round(c.Duration.TotalSeconds, 3), ["error"] = c.Error });
                JsonOut.Print(new JsonObject { ["notebook"] = file.FullName, ["output"] = result.OutputPath, ["succeeded"] = result.Succeeded, ["cells"] = cells });
            }
            else
            {
                Console.WriteLine(result.Succeeded ? $"ok: {result.OutputPath}" : $"FAILED: {result.OutputPath}");
            }
            return result.Succeeded ? ExitCode.Ok : ExitCode.Failure;
        });
        return new Command("notebook", "Run notebooks headlessly.") { run };
    }

    static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new BadInputException($"--param '{pair}' is not name=value");
            result[pair[..eq]] = pair[(eq + 1)..];
        }
        return result;
    }
}
