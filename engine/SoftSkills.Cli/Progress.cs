namespace SoftSkills.Cli;

/// <summary>A progress bar on stderr when it is a terminal; silent when output is redirected (scripts, CI).</summary>
public sealed class ProgressBar(string label, int total) : IProgress<int>, IDisposable
{
    readonly bool _visible = !Console.IsErrorRedirected;
    int _last = -1;

    public void Report(int value)
    {
        if (!_visible) return;
        var width = 30;
        var filled = total == 0 ? width : value * width / total;
        if (filled == _last && value != total) return;
        _last = filled;
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string(' ', width - filled)}] {value}/{total}");
    }

    public void Dispose()
    {
        if (_visible && _last >= 0) Console.Error.WriteLine();
    }
}
