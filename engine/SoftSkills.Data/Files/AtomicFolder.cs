using System.Runtime.InteropServices;

namespace SoftSkills.Data.Files;

/// <summary>
/// A multi-file output folder written all or nothing: everything goes into a sibling staging folder, and
/// <see cref="Commit"/> puts it in place of the target in one rename (Linux renameat2 with RENAME_EXCHANGE when the target
/// exists, then the old contents are deleted). A run that fails or is killed leaves the previous folder untouched; its
/// staging folder is removed by the next run. A target that holds files softskills did not write is refused rather than
/// replaced.
/// </summary>
public sealed class AtomicFolder : IDisposable
{
    /// <summary>The file that marks a folder as written by softskills (and so replaceable).</summary>
    public const string Marker = ".softskills-output";

    readonly string _target;
    bool _committed;

    public AtomicFolder(string target)
    {
        _target = System.IO.Path.GetFullPath(target.TrimEnd('/', '\\'));
        if (File.Exists(_target)) throw new OutputPathException($"'{_target}' is a file: give a folder");
        if (Directory.Exists(_target) && !IsReplaceable(_target))
            throw new OutputPathException($"'{_target}' holds files softskills did not write: give a new or empty folder (nothing was replaced)");
        var parent = System.IO.Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        Leftovers.Clean(parent);
        Path = Leftovers.TempName(_target, "staging");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The staging folder to write into.</summary>
    public string Path { get; }

    /// <summary>Empty, or marked as ours.</summary>
    static bool IsReplaceable(string dir) =>
        !Directory.EnumerateFileSystemEntries(dir).Any() || File.Exists(System.IO.Path.Combine(dir, Marker));

    /// <summary>Moves the staged folder into place.</summary>
    public void Commit()
    {
        File.WriteAllText(System.IO.Path.Combine(Path, Marker), "Written by softskills. The whole folder is replaced when the output is written again.\n");
        if (Directory.Exists(_target) && !IsReplaceable(_target))
            throw new OutputPathException($"'{_target}' now holds files softskills did not write: the output stays in {Path}");
        if (!Directory.Exists(_target)) Directory.Move(Path, _target);
        else if (!Exchange(Path, _target))
        {
            // No atomic exchange on this system: two renames, with the old folder moved aside first.
            var old = Leftovers.TempName(_target, "old");
            Directory.Move(_target, old);
            Directory.Move(Path, _target);
            Directory.Delete(old, recursive: true);
            _committed = true;
            return;
        }
        else Directory.Delete(Path, recursive: true); // after the exchange, the staging name holds the old contents
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed || !Directory.Exists(Path)) return;
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { /* the next run removes it */ }
    }

    const uint RenameExchange = 2;
    const int AtFdCwd = -100;

    [DllImport("libc", SetLastError = true, EntryPoint = "renameat2")]
    static extern int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }
}
