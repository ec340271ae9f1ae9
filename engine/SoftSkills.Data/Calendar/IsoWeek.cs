namespace SoftSkills.Data.Calendar;

/// <summary>ISO 8601 weeks, which start on Monday: the one place the project turns a date into its week.</summary>
public static class IsoWeek
{
    /// <summary>The Monday of the ISO week holding <paramref name="date"/>.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The Sunday that ends the ISO week holding <paramref name="date"/>.</summary>
    public static DateOnly Sunday(DateOnly date) => Monday(date).AddDays(6);
}
