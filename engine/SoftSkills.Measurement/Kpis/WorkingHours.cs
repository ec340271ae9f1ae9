namespace SoftSkills.Measurement.Kpis;

/// <summary>Working hours in UTC (default Monday–Friday 09:00–17:00): time outside them does not count towards a response limit.</summary>
public sealed record WorkingHours(int StartHour = 9, int EndHour = 17, bool WorkOnWeekends = false)
{
    public static WorkingHours Default { get; } = new();

    bool IsWorkday(DateTime t) => WorkOnWeekends || (t.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday);

    /// <summary>The instant at which <paramref name="work"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTime AddWorkingTime(DateTime start, TimeSpan work)
    {
        if (EndHour <= StartHour) throw new InvalidOperationException("working hours must end after they start");
        var t = start;
        var left = work;
        while (true)
        {
            var dayStart = t.Date.AddHours(StartHour);
            var dayEnd = t.Date.AddHours(EndHour);
            if (!IsWorkday(t) || t >= dayEnd) { t = t.Date.AddDays(1).AddHours(StartHour); continue; }
            if (t < dayStart) t = dayStart;
            var available = dayEnd - t;
            if (left <= available) return t + left;
            left -= available;
            t = t.Date.AddDays(1).AddHours(StartHour);
        }
    }

    /// <summary>
    /// The last instant at which no more than <paramref name="limit"/> of working time has passed since <paramref name="start"/>:
    /// when the limit runs out at the end of a working day, the clock stands still until the next working day starts.
    /// </summary>
    public DateTime Deadline(DateTime start, TimeSpan limit)
    {
        var end = AddWorkingTime(start, limit);
        if (end.TimeOfDay != TimeSpan.FromHours(EndHour)) return end;
        var next = end.Date.AddDays(1);
        while (!IsWorkday(next)) next = next.AddDays(1);
        return next.AddHours(StartHour);
    }
}
