using SoftSkills.Analysis.Roi;

namespace SoftSkills.Analysis.Tests;

/// <summary>Hand-computed cash flows, break-even months, NPV, ramp and decay shapes.</summary>
public class RoiModelTests
{
    static readonly RoiInputs Nothing = new()
    {
        Members = 10, LoadedCostPerMemberMonth = 1000, ProductivityUplift = 0, RampMonths = 0, SoftwarePerSeatMonth = 0, SoftwareFixedMonth = 0,
        ImplementationCost = 0, ImplementationMonths = 1, CoachingHoursPerMemberMonth = 0, HourlyRate = 0, ReviewHoursPerMemberMonth = 0,
        AuditHoursPerMemberMonth = 0, MonthsToPrecisionBar = 0, DiscountRateAnnual = 0, HorizonMonths = 12,
    };

    [Fact]
    public void Breaks_even_in_month_one_when_the_first_month_already_pays()
    {
        // 10 members × 1,000 × 50% = 5,000 a month from month 1, against 10 seats × 10 = 100.
        var r = RoiModel.Run(Nothing with { ProductivityUplift = 0.5, SoftwarePerSeatMonth = 10 });
        Assert.Equal(1, r.BreakEvenMonth);
        Assert.Equal(4900, r.Months[0].Net, 9);
        Assert.Equal(4900 * 12, r.Months[^1].CumulativeNet, 9);
        Assert.Equal(100.0 * (60000 - 1200) / 1200, r.RoiPercent, 9);
        Assert.Equal(50.0, r.BenefitCostRatio, 9);
    }

    [Fact]
    public void Breaking_even_means_staying_at_or_above_zero_to_the_end_of_the_horizon()
    {
        // 10 members × 1,000 × 50% = 5,000 a month while coaching lasts (3 months), then the effect halves every month;
        // costs 3,000 a month. Cumulative: 2,000, 4,000, 6,000, then 2,500 − 3,000 = −500 a month and worse: it crosses
        // zero on the way up in month 1 but ends below it, so the programme does not break even.
        var r = RoiModel.Run(Nothing with { ProductivityUplift = 0.5, SoftwareFixedMonth = 3000, CoachingMonths = 3, EffectDecayPerMonth = 0.5 });
        Assert.True(r.Months[0].CumulativeNet > 0);
        Assert.True(r.FinalNet < 0);
        Assert.Null(r.BreakEvenMonth);
        Assert.Null(r.DiscountedPaybackMonth);
        // A programme below zero until month 3 and above from then on breaks even in month 3.
        var late = RoiModel.Run(Nothing with { ProductivityUplift = 0.5, ImplementationCost = 12_000, ImplementationMonths = 1, SoftwareFixedMonth = 1000 });
        Assert.Equal([-8000.0, -4000, 0], late.Months.Take(3).Select(m => m.CumulativeNet));
        Assert.Equal(3, late.BreakEvenMonth);
    }

    [Fact]
    public void Roi_is_reported_undiscounted_and_discounted()
    {
        // Two months at 4,900 net on 100 cost each, 10% a year: undiscounted 100·(10,000 − 200)/200; discounted the same ratio of present values.
        var r = RoiModel.Run(Nothing with { ProductivityUplift = 0.5, SoftwarePerSeatMonth = 10, HorizonMonths = 2, DiscountRateAnnual = 0.1 });
        Assert.Equal(100.0 * 9800 / 200, r.RoiPercent, 9);
        var f1 = 1 / (1 + RoiModel.MonthlyRate(0.1));
        var (pvb, pvc) = (5000 * (f1 + f1 * f1), 100 * (f1 + f1 * f1));
        Assert.Equal(100 * (pvb - pvc) / pvc, r.DiscountedRoiPercent, 9);
    }

    [Fact]
    public void Never_breaks_even_without_a_benefit()
    {
        var r = RoiModel.Run(Nothing with { SoftwareFixedMonth = 500 });
        Assert.Null(r.BreakEvenMonth);
        Assert.Null(r.DiscountedPaybackMonth);
        Assert.Equal(-100, r.RoiPercent, 9);
        Assert.Equal(-6000, r.Npv, 9);
    }

    [Fact]
    public void A_mid_sized_programme_follows_the_hand_computed_flows()
    {
        // 200 members × 8,000 × 2% = 32,000 a month at full effect, reached linearly over 6 months.
        // Costs: software 200 × 25 + 2,000 = 7,000; implementation 60,000 over 3 months; coaching 200 × 0.5 h × 60 = 6,000;
        // review 200 × 0.3 h × 60 = 3,600 for 3 months, then audits 200 × 0.05 h × 60 = 600.
        var r = RoiModel.Run(new RoiInputs { DiscountRateAnnual = 0 });
        double[] expected = [-31266.666666666668, -57200, -77800, -70066.666666666672, -57000, -38600, -20200, -1800, 16600];
        for (var m = 0; m < expected.Length; m++) Assert.Equal(expected[m], r.Months[m].CumulativeNet, 6);
        Assert.Equal(9, r.BreakEvenMonth);
        Assert.Equal(36600, r.Months[0].Cost, 9);
        Assert.Equal(13600, r.Months[3].Cost, 9);
    }

    [Fact]
    public void Npv_discounts_monthly_at_the_equivalent_of_the_annual_rate()
    {
        // r_month = 1.1^(1/12) − 1 = 0.007974140428903764; NPV = 4,900/(1 + r) + 4,900/(1 + r)² = 9,684.014134268113.
        var r = RoiModel.Run(Nothing with { ProductivityUplift = 0.5, SoftwarePerSeatMonth = 10, HorizonMonths = 2, DiscountRateAnnual = 0.1 });
        Assert.Equal(0.007974140428903764, RoiModel.MonthlyRate(0.1), 15);
        Assert.Equal(9684.014134268113, r.Npv, 8);
        Assert.Equal(1, r.DiscountedPaybackMonth);
    }

    [Fact]
    public void Discounted_payback_comes_later_than_plain_payback()
    {
        var r = RoiModel.Run(new RoiInputs { DiscountRateAnnual = 0.08 });
        Assert.Equal(9, r.BreakEvenMonth);
        Assert.True(r.DiscountedPaybackMonth >= r.BreakEvenMonth);
    }

    [Theory]
    [InlineData(1, 0.25, 0.15625)]
    [InlineData(2, 0.5, 0.5)]
    [InlineData(3, 0.75, 0.84375)]
    [InlineData(4, 1.0, 1.0)]
    [InlineData(9, 1.0, 1.0)]
    public void Ramp_is_linear_or_smoothstep(int month, double linear, double s)
    {
        Assert.Equal(linear, RoiModel.Ramp(month, 4, RampShape.Linear), 12);
        Assert.Equal(s, RoiModel.Ramp(month, 4, RampShape.S), 12);
        Assert.Equal(1.0, RoiModel.Ramp(month, 0, RampShape.Linear));
    }

    [Fact]
    public void The_effect_decays_after_coaching_stops_and_coaching_costs_stop_too()
    {
        Assert.Equal(1.0, RoiModel.Retention(12, 12, 0.1), 12);
        Assert.Equal(0.9, RoiModel.Retention(13, 12, 0.1), 12);
        Assert.Equal(0.81, RoiModel.Retention(14, 12, 0.1), 12);
        var r = RoiModel.Run(Nothing with { ProductivityUplift = 0.1, CoachingMonths = 2, EffectDecayPerMonth = 0.5, CoachingHoursPerMemberMonth = 1, HourlyRate = 10 });
        Assert.Equal([1000.0, 1000, 500, 250], r.Months.Take(4).Select(m => m.Benefit));
        Assert.Equal([100.0, 100, 0, 0], r.Months.Take(4).Select(m => m.Coaching));
    }

    [Fact]
    public void Review_hours_follow_the_calibration_schedule()
    {
        var r = RoiModel.Run(Nothing with { ReviewHoursPerMemberMonth = 2, AuditHoursPerMemberMonth = 0.5, MonthsToPrecisionBar = 2, HourlyRate = 10 });
        Assert.Equal([200.0, 200, 50, 50], r.Months.Take(4).Select(m => m.Review));
    }

    /// <summary>
    /// Past the precision bar the coder labels a share of items itself; the rest stay under full review: 10 members ×
    /// (0.3 h × (1 − 0.75) + 0.05 h) × 100 an hour = 125 a month after month 2, against 10 × 0.3 × 100 = 300 before.
    /// With the default share 1 only the audits remain (50 a month).
    /// </summary>
    [Fact]
    public void Review_after_the_bar_covers_what_the_coder_does_not_label_itself()
    {
        var x = Nothing with { HourlyRate = 100, ReviewHoursPerMemberMonth = 0.3, AuditHoursPerMemberMonth = 0.05, MonthsToPrecisionBar = 2 };
        var routed = RoiModel.Run(x with { AutoShareAfterBar = 0.75 });
        Assert.Equal([-300.0, -300, -125, -125], routed.Months.Take(4).Select(m => m.Net));
        Assert.Equal(-50.0, RoiModel.Run(x).Months[2].Net, 9);
    }
}
