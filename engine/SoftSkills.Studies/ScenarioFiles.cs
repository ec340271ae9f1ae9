using SoftSkills.Data;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Studies;

/// <summary>Scenario files with their overrides; a bad scenario is bad input naming the file and the JSON path.</summary>
public static class ScenarioFiles
{
    /// <summary>The folder the library was loaded from (the files below ship beside it, whatever process loads it: the command, a test, a notebook kernel).</summary>
    static string Home => Path.GetDirectoryName(typeof(ScenarioFiles).Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;

    /// <summary>The default 90-day pilot that ships with the library.</summary>
    public static string DefaultPilot => Path.Combine(Home, "scenarios", "default-pilot.json");

    /// <summary>The default ROI scenarios that ship with the library.</summary>
    public static string DefaultRoi => Path.Combine(Home, "scenarios", "roi-mid-size.json");

    /// <summary>The default trigger rules of the dashboard.</summary>
    public static string DefaultTriggers => Path.Combine(Home, "triggers", "default.json");

    /// <summary>Loads a scenario, then applies a seed and a rescale (each checked against <see cref="SizeLimits"/>).</summary>
    public static Scenario Load(string path, ulong? seed = null, int? employees = null, int? days = null)
    {
        if (employees is { } n && (n < 1 || n > SizeLimits.Employees))
            throw new StudyInputException($"--employees must be between 1 and {SizeLimits.Employees:N0} (got {n:N0})");
        if (days is { } d && (d < 2 || d > SizeLimits.Days))
            throw new StudyInputException($"--days must be between 2 and {SizeLimits.Days:N0} (got {d:N0})");
        if (Directory.Exists(path)) throw new StudyInputException($"scenario '{Path.GetFullPath(path)}' is a folder, not a file");
        if (!File.Exists(path)) throw new StudyInputException($"scenario '{Path.GetFullPath(path)}' does not exist");
        try
        {
            var s = ScenarioLoader.Load(path);
            if (seed is { } x) s = s with { Seed = x };
            s = ScenarioRescale.Rescale(s, employees, days);
            if (s.Employees > SizeLimits.Employees)
                throw new StudyInputException($"{Path.GetFileName(path)}: {s.Employees:N0} employees is more than {SizeLimits.Employees:N0}");
            return s;
        }
        catch (ScenarioException ex) { throw new StudyInputException($"{Path.GetFileName(path)}: {ex.Message}"); }
    }
}
