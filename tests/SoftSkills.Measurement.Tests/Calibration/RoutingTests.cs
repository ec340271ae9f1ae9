using SoftSkills.Measurement.Calibration;

namespace SoftSkills.Measurement.Tests.Calibration;

/// <summary>Confidence routing: exact binomial tails, the Learn-then-Test guarantee, and the loop with routing.</summary>
public class RoutingTests
{
    /// <summary>Hand-computed tails: 0.8^10; by symmetry 1/2; Σ_{j≥18} C(20, j) 0.8^j 0.2^(20−j); the same for n = 100, k = 90.</summary>
    [Fact]
    public void Binomial_tails_are_exact()
    {
        Assert.Equal(Math.Pow(0.8, 10), BinomialTail.AtLeast(10, 10, 0.8), 14);
        Assert.Equal(0.5, BinomialTail.AtLeast(3, 5, 0.5), 14);
        Assert.Equal(0.20608471894847413, BinomialTail.AtLeast(18, 20, 0.8), 13);
        Assert.Equal(0.0056963809557935355, BinomialTail.AtLeast(90, 100, 0.8), 13);
        Assert.Equal(1, BinomialTail.AtLeast(0, 7, 0.3));
        Assert.Equal(0, BinomialTail.AtLeast(8, 7, 0.3));
    }

    /// <summary>Reviewed calls whose chance of being right is their confidence (a calibrated coder), seeded.</summary>
    static List<ReviewRecord> Calls(Random rng, int n, bool positive) =>
        Enumerable.Range(0, n).Select(i =>
        {
            var confidence = 0.5 + 0.5 * rng.NextDouble();
            var right = rng.NextDouble() < confidence;
            var auto = positive ? 2 : 1;
            return new ReviewRecord($"i{i}", 1, "s", "res/1", "r", null, right == positive ? 2 : 1, auto, confidence);
        }).ToList();

    /// <summary>
    /// On 400 seeded sets of 300 reviewed positive calls, the threshold chosen gives calls whose true precision (the mean
    /// confidence above it, since the coder is calibrated) falls below 0.8 in at most δ/2 = 2.5% of sets (Learn then Test),
    /// and a threshold is found in most sets.
    /// </summary>
    [Fact]
    public void A_chosen_threshold_keeps_precision_at_the_bar_with_the_promised_probability()
    {
        var rng = new Random(20261130);
        int chosen = 0, violated = 0;
        for (var set = 0; set < 400; set++)
        {
            var routing = ConfidenceRouting.Choose(Calls(rng, 300, positive: true), 2, 0.8, 0.05);
            if (routing.PositiveThreshold is not { } t) continue;
            chosen++;
            var truePrecision = (1 + t) / 2;   // mean of a uniform confidence above t
            if (truePrecision < 0.8) violated++;
        }
        Assert.True(chosen > 300, $"a threshold was chosen in only {chosen} of 400 sets");
        Assert.True(violated <= 10, $"{violated} of {chosen} thresholds let precision fall below the bar");
    }

    /// <summary>
    /// A replay where the coder's confident calls are right and its unsure ones are coin flips: the loop reaches audit mode,
    /// leaves the unsure calls to people, and labels the confident ones itself, right at the bar or better.
    /// </summary>
    [Fact]
    public void With_confidences_the_loop_trusts_only_the_confident_calls()
    {
        var rng = new Random(7);
        var items = Enumerable.Range(0, 1200).Select(i =>
        {
            var sure = i % 2 == 0;
            var level = rng.NextDouble() < 0.4 ? 2 : 1;
            var right = rng.NextDouble() < (sure ? 0.97 : 0.5);
            var human = right ? level : (level >= 2 ? 1 : 2);
            return new ReplayItem(new AutoItem($"i{i:D4}", level, i % 3 == 0 ? "a" : "b", sure ? 0.95 : 0.55), i * 6 / 1200, human);
        }).ToList();
        var result = CalibrationReplay.Replay(items, new CalibrationPolicy(), new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc));
        Assert.NotNull(result.AuditModeReachedRound);
        Assert.InRange(result.AutoShare!.Value, 0.4, 0.5);   // about the half of the calls that are sure, less the 5% audits
        Assert.True(result.AgreementAuto.Lower >= 0.9, $"agreement {result.AgreementAuto.Value} from {result.AgreementAuto.Lower}");
        var audit = result.State.Rounds.First(r => r.Mode == CalibrationMode.Auditing);
        Assert.NotNull(audit.Threshold);
        // Every unsure call that arrived in audit mode went to a person.
        var below = result.State.Reviews.Where(r => r.Reason == ReviewReasons.BelowThreshold).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, r => Assert.Equal(0.55, r.Confidence));
    }
}
