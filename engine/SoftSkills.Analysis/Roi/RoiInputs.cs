namespace SoftSkills.Analysis.Roi;

/// <summary>How the productivity effect builds up: a straight line or an S-curve (smoothstep) over the ramp months.</summary>
public enum RampShape { Linear, S }

/// <summary>One scenario's inputs, all numbers (a three-point input is taken at its mode here). Money per month unless named otherwise.</summary>
public sealed record RoiInputs
{
    public string Name { get; init; } = "base";
    public int HorizonMonths { get; init; } = 36;
    public double DiscountRateAnnual { get; init; } = 0.08;
    public double Members { get; init; } = 200;
    public double LoadedCostPerMemberMonth { get; init; } = 8000;
    /// <summary>0.02 = 2% more output per member at full effect.</summary>
    public double ProductivityUplift { get; init; } = 0.02;
    /// <summary>0 = full effect from month 1; otherwise month m gets ramp(m / ramp_months) of it.</summary>
    public double RampMonths { get; init; } = 6;
    public RampShape RampShape { get; init; } = RampShape.Linear;
    /// <summary>Months of coaching; 0 = coaching for the whole horizon.</summary>
    public double CoachingMonths { get; init; }
    /// <summary>Share of the effect lost per month after coaching stops (0.05 = 5% a month).</summary>
    public double EffectDecayPerMonth { get; init; }
    public double SoftwarePerSeatMonth { get; init; } = 25;
    public double SoftwareFixedMonth { get; init; } = 2000;
    public double ImplementationCost { get; init; } = 60000;
    /// <summary>The implementation cost is spread evenly over months 1..this (at least 1).</summary>
    public double ImplementationMonths { get; init; } = 3;
    public double CoachingHoursPerMemberMonth { get; init; } = 0.5;
    public double HourlyRate { get; init; } = 60;
    /// <summary>Human review of auto-coded items while the coder is below its precision bar (docs/design.md §5), hours per member per month.</summary>
    public double ReviewHoursPerMemberMonth { get; init; } = 0.3;
    /// <summary>Months until the auto-coder passes its precision bar; afterwards only audits remain.</summary>
    public double MonthsToPrecisionBar { get; init; } = 3;
    /// <summary>Audit hours per member per month once the bar is passed.</summary>
    public double AuditHoursPerMemberMonth { get; init; } = 0.05;
    /// <summary>
    /// Share of items the coder labels itself once past the bar (confidence routing: `empathy replay` measures it); the
    /// rest stay under review at the full rate. 1, the default, leaves only audits.
    /// </summary>
    public double AutoShareAfterBar { get; init; } = 1;
    /// <summary>A second benefit line: rework or attrition savings per member per month at full effect (follows the same ramp and retention).</summary>
    public double RecurringSavingsPerMemberMonth { get; init; }
}
