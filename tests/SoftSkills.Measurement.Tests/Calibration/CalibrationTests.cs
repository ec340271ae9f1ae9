using SoftSkills.Measurement.Calibration;

namespace SoftSkills.Measurement.Tests.Calibration;

public class CalibrationTests
{
    /// <summary>Wilson (1927): 8 of 10 gives the 95% interval [0.4902, 0.9433]; 0 of 4 gives [0, z²/(n + z²)] = [0, 0.4899].</summary>
    [Fact]
    public void Wilson_interval_of_eight_in_ten()
    {
        var p = WilsonInterval.Of(8, 10);
        Assert.Equal((0.8, 0.4902, 0.9433), (p.Value, Math.Round(p.Lower, 4), Math.Round(p.Upper, 4)));
        Assert.Equal((0.0, 0.4899), (Math.Round(WilsonInterval.Of(0, 4).Lower, 4), Math.Round(WilsonInterval.Of(0, 4).Upper, 4)));
    }

    static readonly string[] Strata = ["team-a|en", "team-a|es", "team-b|en", "team-b|es", "team-c|en", "team-c|es", "team-d|en", "team-d|es"];

    /// <summary>Period p brings 200 items (25 per stratum); half are auto-coded Competent, of which a share is truly Competent.</summary>
    static List<AutoItem> Period(int p) =>
        Enumerable.Range(0, 200).Select(i => new AutoItem($"p{p:D2}-{i:D3}", i % 2 == 0 ? 2 : 1, Strata[i % Strata.Length])).ToList();

    /// <summary>The human level: agrees with a Competent auto level on the first <paramref name="precision"/> share of items (by index).</summary>
    static int HumanLevel(string itemId, double precision)
    {
        var i = int.Parse(itemId[4..]);
        return i % 2 != 0 ? 1 : (i / 2 % 10) < precision * 10 ? 2 : 1;
    }

    /// <summary>
    /// Round r brings period r's items; reviewers label what round r asked for. True precision is 0.9 for periods 1–4, then 0.3.
    /// Round 2 has about 92 reviewed Competent items (fewer than 100): still calibrating. Round 3 has about 184 at 0.9: switch
    /// to audits. Rounds 4 and 5 judge the audits of periods 3 and 4 (0.9): stay. Round 6 judges period 5's audit (0.3): back
    /// to calibrating, which round 7 continues.
    /// </summary>
    [Fact]
    public void Switches_to_audits_at_the_right_round_and_back_when_precision_drops()
    {
        var state = CalibrationState.New(new CalibrationPolicy());
        var labels = new List<HumanLabel>();
        var modes = new List<(CalibrationMode Mode, CalibrationMode Next, double Share)>();
        for (var round = 1; round <= 7; round++)
        {
            var outcome = Round(state, round, labels);
            state = outcome.State;
            modes.Add((outcome.Round.Mode, outcome.Round.NextMode, outcome.Round.ReviewShare));
            // Every stratum of the period's items has at least one item sent to review.
            Assert.Equal(Strata, outcome.Sample.Select(s => s.Stratum).Distinct().Order(StringComparer.Ordinal));
            // The reviewers label what was asked for, nothing else.
            labels.AddRange(Review(outcome, round));
        }
        var c = CalibrationMode.Calibrating;
        var a = CalibrationMode.Auditing;
        Assert.Equal([(c, c), (c, c), (c, a), (a, a), (a, a), (a, c), (c, c)], modes.Select(m => (m.Mode, m.Next)));
        Assert.Equal([0.9, 0.9, 0.05, 0.05, 0.05, 0.9, 0.9], modes.Select(m => m.Share));
        Assert.InRange(state.Rounds[2].Precision, 0.85, 0.95);
        Assert.True(state.Rounds[2].PrecisionTrials >= 100 && state.Rounds[1].PrecisionTrials < 100);
        Assert.Equal(8 * 23, state.Rounds[1].Sampled); // 90% of 25 per stratum, rounded up
        Assert.Equal(8 * 2, state.Rounds[3].Sampled);  // 5% of 25, rounded up
        Assert.InRange(state.Rounds[5].Precision, 0, 0.5);
        Assert.All(state.Reviews.Where(r => r.HumanLevel is not null), r => Assert.Equal(("rev-1", "res/1"), (r.Reviewer, r.RubricVersion)));
    }

    static CalibrationOutcome Round(CalibrationState state, int round, List<HumanLabel> labels) =>
        CalibrationRound.Run(state, Enumerable.Range(1, round).SelectMany(Period).ToList(), labels, new DateTime(2026, 1, round, 0, 0, 0, DateTimeKind.Utc));

    static IEnumerable<HumanLabel> Review(CalibrationOutcome outcome, int round) =>
        outcome.Sample.Select(s => new HumanLabel(s.ItemId, HumanLevel(s.ItemId, round <= 4 ? 0.9 : 0.3), "rev-1", new DateTime(2026, 1, round, 12, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void A_state_saved_and_loaded_between_rounds_resumes_identically()
    {
        var (straight, resumed) = (CalibrationState.New(new CalibrationPolicy()), CalibrationState.New(new CalibrationPolicy()));
        var (labelsA, labelsB) = (new List<HumanLabel>(), new List<HumanLabel>());
        using var dir = new TempFolder();
        for (var round = 1; round <= 5; round++)
        {
            var a = Round(straight, round, labelsA);
            straight = a.State;
            labelsA.AddRange(Review(a, round));
            var b = Round(resumed, round, labelsB);
            File.WriteAllText(dir.File("state.json"), b.State.ToJson());
            resumed = CalibrationState.Load(dir.File("state.json"));
            labelsB.AddRange(Review(b, round));
        }
        Assert.Equal(straight.ToJson(), resumed.ToJson());
    }

    /// <summary>A hand-edited or damaged state file is refused naming the file, the JSON path and the rule, never half read.</summary>
    [Theory]
    [InlineData("\"human_level\": 2", "\"human_level\": 7", "state.json: reviews[0].human_level: must be a rubric level 0–3 or null (not reviewed yet)")]
    [InlineData("\"item_id\": \"", "\"item_id\": 5, \"x\": \"", "state.json: reviews[0].item_id: must be a string")]
    [InlineData("\"precision_bar\": 0.8", "\"precision_bar\": 1.8", "state.json: policy.precision_bar: must be a number between 0.01 and 0.99")]
    [InlineData("\"policy\"", "\"politics\"", "state.json: policy: is missing")]
    [InlineData("\"mode\": \"calibrating\"", "\"mode\": 4", "state.json: mode: must be \"calibrating\" or \"auditing\"")]
    [InlineData("\"mode_since_round\": 1", "\"mode_since_round\": 9", "state.json: mode_since_round: must be between 1 and 3 (the next round)")]
    [InlineData("\"reason\": \"", "\"reason\": \"\\ud83d", "state.json: (root): not valid JSON at line")]
    public void A_damaged_state_file_is_refused_with_its_path_and_rule(string find, string replace, string message)
    {
        var state = CalibrationState.New(new CalibrationPolicy());
        var labels = new List<HumanLabel>();
        for (var round = 1; round <= 2; round++)
        {
            var outcome = Round(state, round, labels);
            state = outcome.State;
            labels.AddRange(Review(outcome, round));
        }
        using var dir = new TempFolder();
        var json = state.ToJson();
        var at = json.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        File.WriteAllText(dir.File("state.json"), json[..at] + replace + json[(at + find.Length)..]);
        var error = Assert.Throws<InvalidDataException>(() => CalibrationState.Load(dir.File("state.json")));
        Assert.StartsWith(message, error.Message);
    }

    /// <summary>
    /// Labels handed in before any item was requested count in the round they are given: 25 labels of period 1's items
    /// (13 coded Competent, 10 of them truly so) give precision 10/13 on 13 items in round 1, and those items are not sampled again.
    /// </summary>
    [Fact]
    public void Labels_given_before_any_request_count_in_their_round()
    {
        var items = Period(1);
        var labelled = items.Take(25).ToList();
        var labels = labelled.Select((a, i) => new HumanLabel(a.ItemId, a.Level >= 2 && i < 20 ? 2 : 1, "rev-0", null)).ToList();
        var outcome = CalibrationRound.Run(CalibrationState.New(new CalibrationPolicy()), items, labels, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var competent = labelled.Where(a => a.Level >= 2).ToList();
        Assert.Equal(13, competent.Count);
        Assert.Equal(13, outcome.Round.PrecisionTrials);
        Assert.Equal(10, outcome.Round.PrecisionSuccesses);
        Assert.Equal(175, outcome.Round.NewItems);
        Assert.DoesNotContain(outcome.Sample, r => labelled.Any(l => l.ItemId == r.ItemId));
        Assert.Equal(25, outcome.State.Reviews.Count(r => r.Round == 1 && r.HumanLevel is not null));
    }
}
