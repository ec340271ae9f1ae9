using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;
using KernelInfo = Microsoft.DotNet.Interactive.Documents.KernelInfo;

namespace SoftSkills.Notebooks;

/// <summary>Executes the C# cells of a Jupyter notebook in process and writes the notebook back with its outputs.</summary>
public static class NotebookRunner
{
    // The current directory, Console and the formatters are process-wide: runs take turns.
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    /// <summary>
    /// Runs the notebook with its folder as current directory, stopping at the first failed cell, and writes it to
    /// <paramref name="outputPath"/> (default: <c>name.executed.ipynb</c> next to it). Cancelling writes nothing.
    /// </summary>
    /// <exception cref="NotebookParameterException">A parameter the parameters cell does not declare, or no such cell.</exception>
    public static async Task<NotebookRunResult> RunAsync(
        string notebookPath,
        IReadOnlyDictionary<string, string> parameters,
        string? outputPath,
        TextWriter log,
        CancellationToken ct)
    {
        notebookPath = Path.GetFullPath(notebookPath);
        var directory = Path.GetDirectoryName(notebookPath)!;
        outputPath = Path.GetFullPath(
            outputPath ?? Path.Combine(directory, Path.GetFileNameWithoutExtension(notebookPath) + ".executed.ipynb"));

        var kernelInfos = new KernelInfoCollection { new KernelInfo("csharp", "C#", ["c#", "C#", "cs"]) };
        var notebook = Read(await File.ReadAllBytesAsync(notebookPath, ct), Path.GetFileName(notebookPath), kernelInfos);
        ParameterInjection.Inject(notebook, parameters);

        await OneRunAtATime.WaitAsync(ct);
        try
        {
            var cells = await ExecuteAsync(notebook, directory, log, ct);
            ct.ThrowIfCancellationRequested();
            await WriteAtomicallyAsync(outputPath, Notebook.ToJupyterJson(ForOutput(notebook), "C#"), ct);
            return new NotebookRunResult(cells, outputPath);
        }
        finally
        {
            OneRunAtATime.Release();
        }
    }

    private static async Task<IReadOnlyList<CellResult>> ExecuteAsync(
        InteractiveDocument notebook, string directory, TextWriter log, CancellationToken ct)
    {
        var previousDirectory = Environment.CurrentDirectory;
        var (stdout, stderr) = (Console.Out, Console.Error);
        Formatter.ResetToDefault();
        var kernel = CreateKernel();
        try
        {
            Environment.CurrentDirectory = directory;
            var codeCells = notebook.Elements.Where(c => c.KernelName != "markdown").ToList();
            var results = new List<CellResult>();
            var executionCount = 0;
            foreach (var cell in codeCells)
            {
                var label = $"cell {results.Count + 1}/{codeCells.Count}";
                cell.Outputs.Clear();
                cell.ExecutionOrder = 0;
                // Cells without language metadata are C#; saying so makes the output open as C# in Polyglot too.
                cell.KernelName = string.IsNullOrEmpty(cell.KernelName) ? "csharp" : cell.KernelName;
                var isCSharp = cell.KernelName == "csharp";
                if (!isCSharp || results.Any(r => r.Status == CellStatus.Failed))
                {
                    var reason = isCSharp ? null : $"not a C# cell ({cell.KernelName})";
                    results.Add(new CellResult(results.Count + 1, CellStatus.Skipped, TimeSpan.Zero, reason));
                    await log.WriteLineAsync($"{label} skipped{(reason is null ? "" : $" ({reason})")}");
                    continue;
                }

                var stopwatch = Stopwatch.StartNew();
                var code = AssemblyReferenceRewriter.Rewrite(cell.Contents, AppContext.BaseDirectory);
                KernelCommandResult result;
                try
                {
                    result = await kernel.SendAsync(new SubmitCode(code, "csharp"), ct);
                }
                catch (OperationCanceledException)
                {
                    await log.WriteLineAsync($"{label} cancelled");
                    throw;
                }

                cell.ExecutionOrder = ++executionCount;
                var error = CellOutputs.Record(result.Events, cell, cell.ExecutionOrder);
                var duration = stopwatch.Elapsed;
                results.Add(new CellResult(results.Count + 1, error is null ? CellStatus.Ok : CellStatus.Failed, duration, error));
                await log.WriteLineAsync(error is null
                    ? $"{label} ok {duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
                    : $"{label} FAILED: {FirstLine(error)}");
            }

            return results;
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            // A cancelled cell may still run and keep the console redirected to the kernel.
            Console.SetOut(stdout);
            Console.SetError(stderr);
            kernel.Dispose();
            Formatter.ResetToDefault();
        }
    }

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        var extensionPackages = new HashSet<string>(StringComparer.Ordinal);
        csharp.UseNugetDirective(async (k, packages) =>
        {
            k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
            // The library leaves kernel extensions to the host, as the dotnet-interactive tool does for each added package.
            foreach (var package in packages.Where(p => extensionPackages.Add(p.PackageRoot)))
            {
                await PackageExtensionLoader.LoadAsync(package.PackageRoot, kernel);
            }

        });
        return kernel;
    }

    /// <summary>A notebook file as strict UTF-8 JSON; anything else is an <see cref="InvalidDataException"/> naming the file.</summary>
    static InteractiveDocument Read(byte[] bytes, string name, KernelInfoCollection kernelInfos)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;   // a byte-order mark
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException) { throw new InvalidDataException($"{name}: not valid UTF-8 (save the notebook as UTF-8)"); }
        try { return Notebook.Parse(text, kernelInfos); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{name}: not a Jupyter notebook ({ex.Message.Split(" Path:", 2)[0].ReplaceLineEndings(" ")})");
        }
    }

    // ToJupyterJson writes kernelspec and language metadata itself and throws InvalidCastException on the parsed
    // notebook metadata; cells keep only their tags, their language metadata is written from KernelName.
    private static InteractiveDocument ForOutput(InteractiveDocument notebook)
    {
        foreach (var cell in notebook.Elements)
        {
            cell.Metadata = cell.Metadata?.TryGetValue("tags", out var tags) == true
                ? new Dictionary<string, object> { ["tags"] = tags }
                : null;
        }

        return new InteractiveDocument(notebook.Elements);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
