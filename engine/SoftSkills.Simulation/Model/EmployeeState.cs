namespace SoftSkills.Simulation.Model;

/// <summary>
/// What an employee carries from one day to the next: latent traits (with drift), coaching gains that decay, the habit of
/// stock empathy phrases trained by real-time feedback, and customer replies that run over into the next working day.
/// </summary>
[GenerateSerializer, Alias("softskills.employee-state")]
public sealed class EmployeeState
{
    [Id(0)] public double[] Traits { get; set; } = new double[4];
    [Id(1)] public double[] CoachingGain { get; set; } = new double[4];
    [Id(2)] public double MarkerHabit { get; set; }
    [Id(3)] public List<CarriedReply> Carried { get; set; } = [];
    [Id(4)] public int NudgesReceived { get; set; }
    [Id(5)] public int FeedbackNudges { get; set; }

    public static EmployeeState For(EmployeeProfile p) => new() { Traits = (double[])p.Traits.Clone() };

    /// <summary>A deep copy (the carried replies are immutable).</summary>
    public EmployeeState Clone() => new()
    {
        Traits = (double[])Traits.Clone(), CoachingGain = (double[])CoachingGain.Clone(), MarkerHabit = MarkerHabit,
        Carried = [.. Carried], NudgesReceived = NudgesReceived, FeedbackNudges = FeedbackNudges,
    };

    /// <summary>The trait in effect today: latent level plus coaching gain, within [0,1].</summary>
    public double Effective(int trait) => Math.Clamp(Traits[trait] + CoachingGain[trait], 0, 1);
}

/// <summary>A customer request whose reply falls on the next working day.</summary>
[GenerateSerializer, Immutable, Alias("softskills.carried-reply")]
public sealed record CarriedReply(
    [property: Id(0)] EventRef RequestId,
    [property: Id(1)] string Channel,
    [property: Id(2)] bool Complaint,
    [property: Id(3)] int MinuteNextDay,
    [property: Id(4)] string RequestText);
