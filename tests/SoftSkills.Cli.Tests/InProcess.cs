namespace SoftSkills.Cli.Tests;

/// <summary>
/// Runs the command line inside the test process (hundreds of runs in seconds, not minutes): stdout and stderr are routed
/// to this run's buffers through writers installed once, so libraries that captured Console.Out at start still reach them.
/// Runs are serialised: the working directory and console are process-wide.
/// </summary>
static class InProcess
{
    static readonly AsyncLocal<StringWriter?> Out = new(), Err = new();
    static readonly SemaphoreSlim Gate = new(1, 1);

    static InProcess()
    {
        Console.SetOut(new Routed(() => Out.Value, Console.Out));
        Console.SetError(new Routed(() => Err.Value, Console.Error));
    }

    public static Softskills.Result Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    /// <summary>Runs with <paramref name="workingDirectory"/> as the current directory (relative paths resolve there).</summary>
    public static Softskills.Result RunIn(string workingDirectory, params string[] args)
    {
        Gate.Wait();
        var before = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(workingDirectory);
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            Out.Value = stdout;
            Err.Value = stderr;
            try
            {
                var code = Task.Run(() => App.RunAsync(args)).GetAwaiter().GetResult();
                return new Softskills.Result(code, stdout.ToString(), stderr.ToString());
            }
            finally { Out.Value = null; Err.Value = null; }
        }
        finally { Directory.SetCurrentDirectory(before); Gate.Release(); }
    }

    /// <summary>Writes to the current run's buffer, or to the original console outside a run.</summary>
    sealed class Routed(Func<StringWriter?> current, TextWriter fallback) : TextWriter
    {
        public override System.Text.Encoding Encoding => fallback.Encoding;
        TextWriter Target => (TextWriter?)current() ?? fallback;
        public override void Write(char value) { lock (this) Target.Write(value); }
        public override void Write(string? value) { lock (this) Target.Write(value); }
        public override void Write(char[] buffer, int index, int count) { lock (this) Target.Write(buffer, index, count); }
        public override void WriteLine(string? value) { lock (this) Target.WriteLine(value); }
        public override void Flush() { lock (this) Target.Flush(); }
    }
}
