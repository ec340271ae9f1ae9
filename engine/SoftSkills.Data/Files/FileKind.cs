using System.Runtime.InteropServices;

namespace SoftSkills.Data.Files;

/// <summary>
/// What kind of file system entry a path names. An output may replace a regular file or a symbolic link, never a device,
/// pipe or socket: a rename over <c>/dev/full</c> run as root would replace the device node itself.
/// </summary>
public static class FileKind
{
    const uint TypeMask = 0xF000, Regular = 0x8000, Link = 0xA000;

    /// <summary>True when the path does not exist or names a regular file or a symbolic link (Linux; elsewhere true).</summary>
    public static bool IsReplaceable(string path)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)) return true;
        var stat = new byte[256];
        if (LinuxStat(path, stat) != 0) return true;   // absent (or unreadable: the write reports it)
        // glibc's struct stat: st_mode follows st_dev, st_ino (and st_nlink on x86-64).
        var mode = BitConverter.ToUInt32(stat, RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16) & TypeMask;
        return mode is Regular or Link;
    }

    [DllImport("libc", EntryPoint = "lstat")]
    static extern int LinuxStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
