using System.Text.Json.Nodes;
using static SoftSkills.Notebooks.Tests.NotebookFiles;

namespace SoftSkills.Notebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly NotebookFiles _files = new();
    private readonly StringWriter _log = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Passing_notebook_writes_outputs_next_to_it()
    {
        var path = _files.Write("passing.ipynb",
            Markdown("# A title"),
            Code("Console.WriteLine(\"hello from a cell\");"),
            Code("var answer = 40;\nSystem.IO.Directory.GetCurrentDirectory()"),
            Code("answer + 2"));
        var before = Environment.CurrentDirectory;

        var result = await NotebookRunner.RunAsync(path, new Dictionary<string, string>(), null, _log, CancellationToken.None);

        Assert.True(result.Succeeded, _log.ToString());
        Assert.Equal(Path.Combine(_files.Directory, "passing.executed.ipynb"), result.OutputPath);
        Assert.Equal([1, 2, 3], result.Cells.Select(c => c.Index));
        Assert.All(result.Cells, c => Assert.Equal(CellStatus.Ok, c.Status));
        var outputs = CodeCellOutputs(result.OutputPath);
        Assert.Contains("hello from a cell", outputs[0]);
        Assert.Contains(_files.Directory, outputs[1]);
        Assert.Contains("42", outputs[2]);
        Assert.Equal(before, Environment.CurrentDirectory);
        Assert.Matches(@"^cell 1/3 ok \d+\.\d s$", _log.ToString().Split(Environment.NewLine)[0]);
        Assert.Equal("markdown", JsonNode.Parse(File.ReadAllText(result.OutputPath))!["cells"]![0]!["cell_type"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(_files.Directory, "*.tmp"));
    }

    [Fact]
    public async Task Failing_cell_stops_the_run_and_skips_the_rest()
    {
        var path = _files.Write("failing.ipynb",
            Code("var x = 1;"),
            Code("throw new InvalidOperationException(\"boom\");"),
            Code("Console.WriteLine(\"never\");"));
        var output = Path.Combine(_files.Directory, "out", "failing.ipynb");

        var result = await NotebookRunner.RunAsync(path, new Dictionary<string, string>(), output, _log, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal([CellStatus.Ok, CellStatus.Failed, CellStatus.Skipped], result.Cells.Select(c => c.Status));
        Assert.Contains("boom", result.Cells[1].Error);
        Assert.Contains("cell 2/3 FAILED: System.InvalidOperationException: boom", _log.ToString());
        Assert.Contains("cell 3/3 skipped", _log.ToString());
        var outputs = CodeCellOutputs(output);
        Assert.Contains("InvalidOperationException: boom", outputs[1]);
        Assert.Equal("", outputs[2]);
    }

    [Fact]
    public async Task Parameters_are_injected_after_the_parameters_cell()
    {
        var path = _files.Write("parameters.ipynb",
            Code("var seed = 42;\nvar dataDir = \"../data/sample\";\ndouble uplift = 0.02;", ParameterInjection.ParametersTag),
            Code("Console.WriteLine($\"{seed + 1}|{dataDir}|{uplift * 2}\");"));
        var parameters = new Dictionary<string, string> { ["seed"] = "7", ["dataDir"] = "C:\\data \"quoted\"" };

        var result = await NotebookRunner.RunAsync(path, parameters, null, _log, CancellationToken.None);

        Assert.True(result.Succeeded, _log.ToString());
        Assert.Equal(3, result.Cells.Count);
        Assert.Contains("8|C:\\data \"quoted\"|0.04", CodeCellOutputs(result.OutputPath)[2]);
        var cells = JsonNode.Parse(File.ReadAllText(result.OutputPath))!["cells"]!.AsArray();
        Assert.Equal([ParameterInjection.ParametersTag], Tags(cells[0]!));
        Assert.Equal([ParameterInjection.InjectedParametersTag], Tags(cells[1]!));
    }

    [Fact]
    public async Task Unknown_parameter_or_missing_parameters_cell_is_an_error()
    {
        var withCell = _files.Write("with.ipynb", Code("var seed = 42;", ParameterInjection.ParametersTag));
        var withoutCell = _files.Write("without.ipynb", Code("var seed = 42;"));
        var unknown = new Dictionary<string, string> { ["sead"] = "7" };

        var error = await Assert.ThrowsAsync<NotebookParameterException>(
            () => NotebookRunner.RunAsync(withCell, unknown, null, _log, CancellationToken.None));
        await Assert.ThrowsAsync<NotebookParameterException>(
            () => NotebookRunner.RunAsync(withoutCell, new Dictionary<string, string> { ["seed"] = "7" }, null, _log, CancellationToken.None));

        Assert.Contains("'sead'", error.Message);
        Assert.Empty(Directory.GetFiles(_files.Directory, "*.executed.ipynb"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_notebook_is_refused_by_name()
    {
        var array = _files.Write("array.ipynb");
        File.WriteAllText(array, "[]");
        var latin1 = _files.Write("latin1.ipynb");
        File.WriteAllBytes(latin1, [.. "{\"cells\": [], \"x\": \"caf"u8, 0xE9, .. "\"}"u8]);
        var notJson = await Assert.ThrowsAsync<InvalidDataException>(() => NotebookRunner.RunAsync(array, new Dictionary<string, string>(), null, _log, CancellationToken.None));
        Assert.StartsWith("array.ipynb: not a Jupyter notebook (", notJson.Message);
        var notUtf8 = await Assert.ThrowsAsync<InvalidDataException>(() => NotebookRunner.RunAsync(latin1, new Dictionary<string, string>(), null, _log, CancellationToken.None));
        Assert.Equal("latin1.ipynb: not valid UTF-8 (save the notebook as UTF-8)", notUtf8.Message);
    }

    /// <summary>Charts are the project's figures, registered by the notebook itself (as in Jupyter): plotly.js inlined once per notebook, never a CDN.</summary>
    [Fact]
    public async Task Charts_inline_plotly_js_once_per_run_and_never_a_cdn()
    {
        var reporting = Path.Combine(AppContext.BaseDirectory, "SoftSkills.Reporting.dll");
        const string chart = "new Figure(\"t\", \"x\", \"y\").Line(new[] { 1, 2 }, new double?[] { 3, 4 }, \"a\", Figure.ColorAt(0))";
        var path = _files.Write("charts.ipynb",
            Code($"#r \"{reporting}\"\nusing Microsoft.DotNet.Interactive.Formatting;\nusing SoftSkills.Reporting.Charts;\nFigure.NewNotebook();\n"
                + "Formatter.Register<Figure>((f, w) => w.Write(f.ToNotebookHtml()), \"text/html\");"),
            Code($"display({chart});"),
            Code(chart));
        const string marker = "plotly.js v2.28.0";

        // Twice in one process: the second run must inline plotly.js again.
        foreach (var run in new[] { "first.ipynb", "second.ipynb" })
        {
            var output = Path.Combine(_files.Directory, run);
            var result = await NotebookRunner.RunAsync(path, new Dictionary<string, string>(), output, _log, CancellationToken.None);

            Assert.True(result.Succeeded, _log.ToString());
            var json = File.ReadAllText(output);
            var outputs = CodeCellOutputs(output);
            Assert.Equal(1, Occurrences(string.Concat(outputs), marker));
            Assert.Equal(1, Occurrences(outputs[1], marker));
            Assert.Equal(1, Occurrences(outputs[2], "class=\"chart\""));
            Assert.DoesNotContain("cdnjs", json);
            Assert.DoesNotContain("cdn.plot.ly/plotly-", json);
            Assert.DoesNotContain("src=\\\"http", json);
        }
    }

    [Fact]
    public async Task Cancellation_stops_the_cell_and_writes_nothing()
    {
        var path = _files.Write("slow.ipynb", Code("await Task.Delay(TimeSpan.FromMinutes(5));"), Code("1"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var before = Environment.CurrentDirectory;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => NotebookRunner.RunAsync(path, new Dictionary<string, string>(), null, _log, cts.Token));

        Assert.Empty(Directory.GetFiles(_files.Directory, "*.executed.ipynb"));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
