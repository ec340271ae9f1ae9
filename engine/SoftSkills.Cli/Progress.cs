using System.Diagnostics;

namespace SoftSkills.Cli;

/// <summary>
/// Progress on stderr: a bar that redraws itself on a terminal; when stderr is redirected (scripts, CI, a log file), once
/// the work has taken two seconds, a line at every tenth of it and at least every 10 seconds, so a long run is never
/// silent and a short one stays quiet.
/// </summary>
public sealed class ProgressBar(string label, int total, string unit = "") : IProgress<int>, IDisposable
{
    readonly bool _terminal = !Console.IsErrorRedirected;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    int _last = -1, _lastTenth = -1;
    TimeSpan _lastLine = TimeSpan.Zero;

    public void Report(int value)
    {
        if (_terminal)
        {
            const int width = 30;
            var filled = total == 0 ? width : value * width / total;
            if (filled == _last && value != total) return;
            _last = filled;
            Console.Error.Write($"\r{label} [{new string('#', filled)}{new string(' ', width - filled)}] {value}/{total}");
            return;
        }
        var tenth = total == 0 ? 10 : value * 10 / total;
        if (_clock.Elapsed < TimeSpan.FromSeconds(2)) return;
        if (tenth == _lastTenth && _clock.Elapsed - _lastLine < TimeSpan.FromSeconds(10) && value != total) return;
        _lastTenth = tenth;
        _lastLine = _clock.Elapsed;
        Console.Error.WriteLine($"{label.Trim()}: {value:N0} of {total:N0}{(unit.Length > 0 ? " " + unit : "")} ({(total == 0 ? 100 : 100 * value / total)}%, {_clock.Elapsed.TotalSeconds:0} s)");
    }

    public void Dispose()
    {
        if (_terminal && _last >= 0) Console.Error.WriteLine();
    }
}
