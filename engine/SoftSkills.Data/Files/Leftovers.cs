using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SoftSkills.Data.Files;

/// <summary>
/// Names of the temporary files and folders outputs are staged in (<c>.NAME.softskills-PID-GUID.tmp</c> and
/// <c>.staging</c>), and their removal: a run killed before it could clean up leaves them behind; the next run in the same
/// folder removes those whose process is gone (a live process's are never touched).
/// </summary>
public static partial class Leftovers
{
    /// <summary>A temporary name beside <paramref name="finalPath"/> that records this process.</summary>
    public static string TempName(string finalPath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.softskills-{Environment.ProcessId}-{Guid.NewGuid():N}.{suffix}");

    /// <summary>Removes the temporary files and folders of dead processes in <paramref name="directory"/>; returns how many.</summary>
    public static int Clean(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, ".*.softskills-*"))
        {
            var match = Pattern().Match(Path.GetFileName(path));
            if (!match.Success || IsAlive(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))) continue;
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true); else File.Delete(path);
                removed++;
            }
            catch (IOException) { } // another cleaner got there first
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    [GeneratedRegex(@"^\..+\.softskills-(?<pid>\d+)-[0-9a-f]{32}\.(tmp|staging|old)$")]
    private static partial Regex Pattern();
}
