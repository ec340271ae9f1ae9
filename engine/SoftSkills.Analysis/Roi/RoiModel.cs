namespace SoftSkills.Analysis.Roi;

/// <summary>One month of the cash flows.</summary>
public sealed record RoiMonth(int Month, double Benefit, double Software, double Implementation, double Coaching, double Review, double Net, double CumulativeNet, double DiscountedCumulativeNet)
{
    public double Cost => Software + Implementation + Coaching + Review;
}

/// <summary>
/// A scenario's result: the monthly flows and the summary figures leadership asks for. The break-even month is the first
/// month from which the cumulative net benefit stays at or above zero to the end of the horizon (null when it ends below
/// zero or dips below again). <see cref="RoiPercent"/> is undiscounted (total benefit over total cost);
/// <see cref="DiscountedRoiPercent"/>, <see cref="BenefitCostRatio"/> and <see cref="Npv"/> are discounted.
/// </summary>
public sealed record RoiResult(
    string Name, IReadOnlyList<RoiMonth> Months, int? BreakEvenMonth, int? DiscountedPaybackMonth,
    double TotalBenefit, double TotalCost, double RoiPercent, double BenefitCostRatio, double Npv, double DiscountedRoiPercent = double.NaN)
{
    public IEnumerable<double> CumulativeNetBenefit => Months.Select(m => m.CumulativeNet);

    /// <summary>The undiscounted net benefit at the end of the horizon; below zero is a loss.</summary>
    public double FinalNet => Months.Count == 0 ? 0 : Months[^1].CumulativeNet;
}

/// <summary>
/// Monthly cash flows of a soft-skills programme (docs/design.md §6): benefit = members × loaded cost × uplift × ramp × retention
/// (+ a second savings line), against software, implementation, coaching and review time. Pure functions.
/// </summary>
public static class RoiModel
{
    /// <summary>Share of the full effect in month m (1-based): linear min(1, m/R) or smoothstep 3x² − 2x³ of x = min(1, m/R).</summary>
    public static double Ramp(int month, double rampMonths, RampShape shape)
    {
        if (rampMonths <= 0) return 1;
        var x = Math.Min(1, month / rampMonths);
        return shape == RampShape.S ? x * x * (3 - 2 * x) : x;
    }

    /// <summary>Share of the effect retained in month m: 1 while coaching lasts, then (1 − decay)^(months since it stopped).</summary>
    public static double Retention(int month, double coachingMonths, double decayPerMonth) =>
        coachingMonths <= 0 || month <= coachingMonths ? 1 : Math.Pow(1 - decayPerMonth, month - coachingMonths);

    /// <summary>The monthly discount rate equivalent to an annual rate: (1 + r)^(1/12) − 1.</summary>
    public static double MonthlyRate(double annual) => Math.Pow(1 + annual, 1.0 / 12) - 1;

    public static RoiResult Run(RoiInputs x)
    {
        var months = new List<RoiMonth>(x.HorizonMonths);
        var t = Flows(x, months);
        return new RoiResult(x.Name, months, t.BreakEven, t.DiscountedPayback, t.Benefits, t.Costs,
            t.Costs > 0 ? 100 * (t.Benefits - t.Costs) / t.Costs : double.NaN,
            t.PvCosts > 0 ? t.PvBenefits / t.PvCosts : double.NaN,
            t.Npv,
            t.PvCosts > 0 ? 100 * (t.PvBenefits - t.PvCosts) / t.PvCosts : double.NaN);
    }

    /// <summary>Break-even month, NPV and the final undiscounted net without the monthly table (the inner loop of the Monte Carlo and the tornado).</summary>
    public static (int? BreakEven, double Npv, double FinalNet) Quick(RoiInputs x)
    {
        var t = Flows(x, null);
        return (t.BreakEven, t.Npv, t.FinalNet);
    }

    readonly record struct Totals(int? BreakEven, int? DiscountedPayback, double Benefits, double Costs, double PvBenefits, double PvCosts, double Npv, double FinalNet);

    static Totals Flows(RoiInputs x, List<RoiMonth>? record)
    {
        var rate = MonthlyRate(x.DiscountRateAnnual);
        var implementationMonths = Math.Max(1, (int)Math.Round(x.ImplementationMonths));
        var software = x.Members * x.SoftwarePerSeatMonth + x.SoftwareFixedMonth;
        var fullBenefit = x.Members * (x.LoadedCostPerMemberMonth * x.ProductivityUplift + x.RecurringSavingsPerMemberMonth);
        double cumulative = 0, discounted = 0, benefits = 0, costs = 0, pvBenefits = 0, pvCosts = 0, factor = 1;
        // The month after the last one that ended below zero: break-even holds from there to the end of the horizon.
        int lastBelow = 0, lastDiscountedBelow = 0;
        for (var m = 1; m <= x.HorizonMonths; m++)
        {
            factor /= 1 + rate;
            var benefit = fullBenefit * Ramp(m, x.RampMonths, x.RampShape) * Retention(m, x.CoachingMonths, x.EffectDecayPerMonth);
            var implementation = m <= implementationMonths ? x.ImplementationCost / implementationMonths : 0;
            var coaching = x.CoachingMonths <= 0 || m <= x.CoachingMonths ? x.Members * x.CoachingHoursPerMemberMonth * x.HourlyRate : 0;
            // Past the bar, the items the coder does not label itself stay under full review; the rest are audited.
            var review = x.Members * (m <= x.MonthsToPrecisionBar ? x.ReviewHoursPerMemberMonth
                : x.ReviewHoursPerMemberMonth * (1 - x.AutoShareAfterBar) + x.AuditHoursPerMemberMonth) * x.HourlyRate;
            var cost = software + implementation + coaching + review;
            var net = benefit - cost;
            cumulative += net;
            discounted += net * factor;
            benefits += benefit;
            costs += cost;
            pvBenefits += benefit * factor;
            pvCosts += cost * factor;
            if (cumulative < 0) lastBelow = m;
            if (discounted < 0) lastDiscountedBelow = m;
            record?.Add(new RoiMonth(m, benefit, software, implementation, coaching, review, net, cumulative, discounted));
        }
        int? Month(int below) => below < x.HorizonMonths ? below + 1 : null;
        return new Totals(Month(lastBelow), Month(lastDiscountedBelow), benefits, costs, pvBenefits, pvCosts, discounted, cumulative);
    }
}
