using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Notebooks.Tests;

/// <summary>Writes small .ipynb files into a temporary folder and reads back what a run produced.</summary>
internal sealed class NotebookFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("notebooks-").FullName;

    public static JsonObject Markdown(string source) => Cell("markdown", source);

    public static JsonObject Code(string source, params string[] tags) => Cell("code", source, tags);

    public string Write(string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>All text of the outputs of each code cell, joined per cell.</summary>
    public static IReadOnlyList<string> CodeCellOutputs(string executedPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(executedPath))!;
        return notebook["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => string.Join("\n", c!["outputs"]!.AsArray().Select(OutputText)))
            .ToList();
    }

    public static IReadOnlyList<string> Tags(JsonNode cell) =>
        cell["metadata"]?["tags"]?.AsArray().Select(t => (string)t!).ToList() ?? [];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string OutputText(JsonNode? output) =>
        output!["output_type"]!.GetValue<string>() switch
        {
            "stream" => Lines(output["text"]),
            "error" => $"{output["ename"]}: {output["evalue"]}",
            _ => string.Join("\n", output["data"]!.AsObject().Select(kv => Lines(kv.Value))),
        };

    private static string Lines(JsonNode? node) => node is JsonArray lines
        ? string.Concat(lines.Select(l => (string)l!))
        : node?.GetValue<string>() ?? "";

    private static JsonObject Cell(string type, string source, params string[] tags)
    {
        var cell = new JsonObject
        {
            ["cell_type"] = type,
            ["metadata"] = tags.Length == 0 ? new JsonObject() : new JsonObject { ["tags"] = JsonSerializer.SerializeToNode(tags) },
            ["source"] = source,
        };
        if (type == "code")
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }

        return cell;
    }
}
