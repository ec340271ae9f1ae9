using System.CommandLine;
using System.Text.Json;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;
using SoftSkills.Measurement.Rubrics;
using SoftSkills.Notebooks;
using SoftSkills.Simulation.Hosting;
using SoftSkills.Studies;

namespace SoftSkills.Cli;

/// <summary>Exit codes (docs/design.md, "Command line").</summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

/// <summary>
/// Runs the command line: parse errors and bad input exit 2 with one line on stderr naming the file (line, column or JSON
/// path) or the option; a cluster that cannot be reached exits 1 with one line; anything else exits 1 with one line too
/// (SOFTSKILLS_DEBUG=1 adds the stack trace for developers).
/// </summary>
public static class Cli
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {Printable.Of(string.Join("; ", parse.Errors.Select(e => Readable(e.Message).ReplaceLineEndings(" "))))}");
            return ExitCode.BadInput;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        // SIGTERM (systemd, docker stop) stops as Ctrl-C does: a silo leaves its cluster cleanly, a run writes no partial file.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
            signal => { signal.Cancel = true; cancel.Cancel(); });
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token);
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            Console.Error.WriteLine($"error: {Printable.Of(OneLine(ex))}");
            return ExitCode.BadInput;
        }
        catch (Exception ex) when (ex is ClusterFailure or ClusterUnavailableException)
        {
            Console.Error.WriteLine($"error: {Printable.Of(ex.Message.ReplaceLineEndings(" "))}");   // already says what failed; the library's inner text is pages long
            return ExitCode.Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: no output was written");
            return ExitCode.Failure;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"failed: {ex.GetType().Name}: {Printable.Of(OneLine(ex))}");
            if (Environment.GetEnvironmentVariable("SOFTSKILLS_DEBUG") == "1") Console.Error.WriteLine(ex);
            return ExitCode.Failure;
        }
    }

    /// <summary>
    /// A parser message as a person reads it: "Cannot parse argument 'x' for option '--seed' as expected type
    /// 'System.Nullable`1[System.UInt64]'." becomes "--seed: 'x' is not a whole number in digits from 0 to 18446744073709551615".
    /// </summary>
    internal static string Readable(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!m.Success) return message;
        var type = m.Groups["type"].Value;
        var kind = type.Contains("UInt64", StringComparison.Ordinal) ? "a whole number in digits from 0 to 18446744073709551615"
            : type.Contains("Int32", StringComparison.Ordinal) ? "a whole number in digits (at most 2147483647 in size)"
            : type.Contains("Int64", StringComparison.Ordinal) ? "a whole number in digits"
            : type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : null;
        return kind is null ? message : $"{m.Groups["option"].Value}: '{m.Groups["value"].Value}' is not {kind}";
    }

    /// <summary>The message on one line (inner messages appended), never a stack trace.</summary>
    static string OneLine(Exception ex) => (ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
        ? $"{ex.Message} ({inner.Message})" : ex.Message).ReplaceLineEndings(" ");

    /// <summary>Errors in what the user gave us, as opposed to failures of the program.</summary>
    public static bool IsBadInput(Exception ex) => ex is DataValidationException or RubricException or NotebookParameterException
        or BadInputException or StudyInputException or OutputPathException or SoftSkills.Analysis.Roi.RoiInputException
        or SoftSkills.Analysis.Coaching.TriggerRulesException or SoftSkills.Simulation.Scenarios.ScenarioException
        or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or JsonException or InvalidDataException
        or System.Text.DecoderFallbackException;
}

/// <summary>A cluster that cannot be reached: a clear one-line failure (exit 1), not a stack trace.</summary>
public sealed class ClusterFailure(string message) : Exception(message);

/// <summary>Bad input detected by the command line itself (an option out of range, a missing file).</summary>
public sealed class BadInputException(string message) : Exception(message);
