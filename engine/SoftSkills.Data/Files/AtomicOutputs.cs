namespace SoftSkills.Data.Files;

/// <summary>
/// A set of output files written to temporary names and moved into place together on <see cref="Commit"/>, in the order
/// they were created (so a state file created last records a step only after the step's outputs exist); disposing
/// without committing deletes them, so a failed or cancelled run leaves no partial file. Temporary files of killed runs
/// in the same folder are removed (<see cref="Leftovers"/>).
/// </summary>
public sealed class AtomicOutputs : IDisposable
{
    readonly List<(string Temp, string Final)> _pending = [];
    bool _committed;

    /// <summary>Opens a temporary file that becomes <paramref name="finalPath"/> on commit.</summary>
    public FileStream Create(string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        if (Directory.Exists(full)) throw new OutputPathException($"'{full}' is a folder: give a file name");
        if (!FileKind.IsReplaceable(full)) throw new OutputPathException($"'{full}' is a device, pipe or socket: give a regular file name");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            Leftovers.Clean(Path.GetDirectoryName(full)!);
            var temp = Leftovers.TempName(full, "tmp");
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            _pending.Add((temp, full));
            return stream;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputPathException($"cannot write '{full}': {ex.Message}");
        }
    }

    /// <summary>Writes a whole file through a callback.</summary>
    public void Write(string finalPath, Action<Stream> write)
    {
        using var stream = Create(finalPath);
        write(stream);
    }

    /// <summary>Moves every file into place.</summary>
    public void Commit()
    {
        foreach (var (temp, final) in _pending) File.Move(temp, final, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (temp, _) in _pending)
        {
            try { File.Delete(temp); } catch (IOException) { /* best effort: the next run removes it */ }
        }
    }

    /// <summary>Writes one file atomically.</summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        using var outputs = new AtomicOutputs();
        outputs.Write(path, write);
        outputs.Commit();
    }

    /// <summary>Writes one text file atomically.</summary>
    public static void WriteText(string path, string text) =>
        WriteFile(path, s => { using var w = new StreamWriter(s, leaveOpen: true); w.Write(text); });
}
