namespace SoftSkills.Data;

/// <summary>
/// The largest sizes the project accepts (docs/design.md, "Limits"), checked before anything is allocated, so a typo of a
/// few zeros is an error, not minutes of work or gigabytes of memory.
/// </summary>
public static class SizeLimits
{
    /// <summary>Employees of a simulated organisation.</summary>
    public const int Employees = 1_000_000;

    /// <summary>Days of a simulation, a baseline or a window (ten years).</summary>
    public const int Days = 3_660;

    /// <summary>Replications of a sweep or of a power design.</summary>
    public const int Replications = 100_000;

    /// <summary>Monte Carlo draws of the ROI model.</summary>
    public const int MonteCarloDraws = 10_000_000;

    /// <summary>Bootstrap resamples.</summary>
    public const int Resamples = 1_000_000;

    /// <summary>The minimum group size (beyond it every group of a real organisation is suppressed).</summary>
    public const int MinGroupSize = 10_000;

    /// <summary>Teams per arm in a power design.</summary>
    public const int TeamsPerArm = 1_000;

    /// <summary>Parallel replications in one process.</summary>
    public const int Parallel = 256;

    /// <summary>Rows of one Parquet row group (read into memory at once).</summary>
    public const int RowsPerRowGroup = 10_000_000;

    /// <summary>
    /// The largest number a table cell may hold (a duration, an outcome): beyond it a value is a typo or an overflow, and
    /// sums of many such values would no longer be exact enough to publish.
    /// </summary>
    public const double LargestMeasurement = 1e12;

    /// <summary>A finite number no larger than <see cref="LargestMeasurement"/> in size.</summary>
    public static bool IsMeasurement(double value) => double.IsFinite(value) && Math.Abs(value) <= LargestMeasurement;

    /// <summary>Days and timestamps lie in 1900–2999: anything else is a typo, and date arithmetic near 0001 or 9999 overflows.</summary>
    public static bool IsPlausibleYear(int year) => year is >= 1900 and <= 2999;

    /// <summary>Months of an ROI horizon (50 years).</summary>
    public const int HorizonMonths = 600;
}
