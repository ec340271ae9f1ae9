using System.Globalization;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;

namespace SoftSkills.Cli;

/// <summary>Checks of command-line values before any work: each failure is bad input naming the option.</summary>
public static class Inputs
{
    /// <summary>A data folder that exists (read strictly unless lenient).</summary>
    public static DataFolder Folder(DirectoryInfo dir, bool lenient = false)
    {
        if (!dir.Exists) throw new BadInputException(System.IO.File.Exists(dir.FullName) ? $"'{dir.FullName}' is a file, not a data folder" : $"data folder '{dir.FullName}' does not exist");
        return new DataFolder(dir.FullName, new ReadOptions(lenient));
    }

    /// <summary>An existing input file.</summary>
    public static FileInfo File(FileInfo file, string what)
    {
        if (Directory.Exists(file.FullName)) throw new BadInputException($"{what} '{file.FullName}' is a folder, not a file");
        if (!file.Exists) throw new BadInputException($"{what} '{file.FullName}' does not exist");
        return file;
    }

    /// <summary>An output file path: not a folder, in a folder that exists or can be made.</summary>
    public static string OutputFile(FileInfo file, string option)
    {
        if (Directory.Exists(file.FullName)) throw new BadInputException($"{option} '{file.FullName}' is a folder: give a file name");
        var parent = file.Directory;
        if (parent is not null && System.IO.File.Exists(parent.FullName)) throw new BadInputException($"{option} '{file.FullName}': '{parent.FullName}' is a file, not a folder");
        return file.FullName;
    }

    /// <summary>An output folder path: not an existing file.</summary>
    public static string OutputFolder(DirectoryInfo dir, string option)
    {
        if (System.IO.File.Exists(dir.FullName)) throw new BadInputException($"{option} '{dir.FullName}' is a file: give a folder");
        return dir.FullName;
    }

    /// <summary>An integer option within [min, max].</summary>
    public static int Range(string option, int value, int min, int max) =>
        value >= min && value <= max ? value
            : throw new BadInputException($"{option} must be between {min.ToString("N0", CultureInfo.InvariantCulture)} and {max.ToString("N0", CultureInfo.InvariantCulture)} (got {value.ToString("N0", CultureInfo.InvariantCulture)})");

    /// <summary>A finite number option within [min, max].</summary>
    public static double Range(string option, double value, double min, double max) =>
        double.IsFinite(value) && value >= min && value <= max ? value
            : throw new BadInputException($"{option} must be a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} (got {value.ToString(CultureInfo.InvariantCulture)})");
}
