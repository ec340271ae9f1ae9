using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Measurement.Tests.Empathy;

/// <summary>The marker coder on hand-made replies: each marker, negation, context weighting and the explanations.</summary>
public class MarkerCoderTests
{
    static readonly MarkerCoder Coder = MarkerCoder.Default;
    const string Distressed = "I'm really frustrated, my order is wrong again.";
    const string Routine = "Could you update my order, please?";

    [Theory]
    [InlineData("That sounds like a lot to carry.", "acknowledgement", "that sounds")]
    [InlineData("I've been there myself last year.", "understanding", "i've been there")]
    [InlineData("Sending hugs tonight.", "warmth", "sending hugs")]
    [InlineData("It makes sense to want a refund.", "validation", "it makes sense")]
    [InlineData("My apologies, truly.", "apology", "my apologies")]
    [InlineData("I looked at your invoice today.", "specific_problem", "your invoice")]
    [InlineData("I'll follow up soon.", "next_step", "i'll follow up")]
    [InlineData("Could you tell me more about it?", "exploration", "could you tell me")]
    [InlineData("Rest assured it will arrive.", "reassurance", "rest assured")]
    [InlineData("That was user error.", "blame", "user error")]
    [InlineData("Please read the FAQ.", "dismissal", "read the faq")]
    [InlineData("Obviously it works for everyone else.", "sarcasm", "obviously")]
    public void Each_marker_is_found_with_its_span(string reply, string category, string phrase)
    {
        var hit = Assert.Single(Coder.Score(reply).Hits, h => h.Category == category);
        Assert.Equal(phrase, hit.Phrase);
        Assert.Equal(phrase, MarkerCoder.Normalise(reply).Substring(hit.Start, hit.Length));
        Assert.False(hit.Negated);
        Assert.Equal(category is "blame" or "dismissal" or "sarcasm", hit.Weight < 0);
    }

    [Fact]
    public void A_negator_shortly_before_a_marker_turns_it_negative()
    {
        var hit = Assert.Single(Coder.Score("Well, I'm not sorry about it.").Hits);
        Assert.True(hit.Negated);
        Assert.Equal(-0.6, hit.Weight, 12); // apology's weight, reversed
        Assert.Equal(0, Coder.Score("Well, I'm not sorry about it.").Level);
        // Punctuation ends the clause: the "no" of another sentence does not negate.
        Assert.False(Assert.Single(Coder.Score("No. I'm sorry about it.").Hits).Negated);
    }

    [Fact]
    public void Distress_in_the_request_raises_acknowledgement_and_a_routine_request_lowers_it()
    {
        const string reply = "That sounds stressful.";
        Assert.Equal(1.0, Assert.Single(Coder.Score(reply).Hits).Weight, 12);
        Assert.Equal(1.5, Assert.Single(Coder.Score(reply, Distressed).Hits).Weight, 12);
        Assert.Equal(0.7, Assert.Single(Coder.Score(reply, Routine).Hits).Weight, 12);
        Assert.True(Coder.Score(reply, Distressed).Distress);
    }

    [Fact]
    public void Dont_worry_is_dismissive_to_a_distressed_writer()
    {
        Assert.Equal(0.3, Assert.Single(Coder.Score("Don't worry, it is fine.", Routine).Hits).Weight, 12);
        Assert.Equal(-0.5, Assert.Single(Coder.Score("Don't worry, it is fine.", Distressed).Hits).Weight, 12);
    }

    [Fact]
    public void The_score_is_the_sum_of_its_explained_hits_and_sets_the_level()
    {
        var s = Coder.Score("I'm sorry for the trouble. That sounds stressful. I'll follow up tomorrow.", Distressed);
        Assert.Equal(["apology", "acknowledgement", "next_step"], s.Hits.Select(h => h.Category));
        Assert.Equal(0.6 * 1.3 + 1.0 * 1.5 + 0.8, s.Score, 12);
        Assert.Equal(3, s.Level); // 3.08 ≥ exemplary 2.4
    }

    [Fact]
    public void Markers_suggest_mechanism_levels()
    {
        var lexicon = Coder.Lexicon;
        var levels = EmpathyRubricMapping.FromMarkers(Coder.Score("So sorry, that's awful. I've been there. What happened?"), lexicon);
        Assert.Equal(new MechanismLevels(2, 1, 1), levels);
        Assert.Equal(new MechanismLevels(0, 0, 0), EmpathyRubricMapping.FromMarkers(Coder.Score("Noted."), lexicon));
    }

    [Theory]
    [InlineData(0, 0, 0, "", 0)]
    [InlineData(2, 0, 0, "", 1)]
    [InlineData(2, 1, 0, "", 2)]
    [InlineData(1, 1, 1, "", 2)]
    [InlineData(2, 2, 1, "", 3)]
    [InlineData(2, 2, 1, " Obviously.", 2)]
    public void Rubric_level_from_mechanisms_and_counter_markers(int er, int ip, int ex, string extra, int level) =>
        Assert.Equal(level, EmpathyRubricMapping.RubricLevel(new MechanismLevels(er, ip, ex), Coder.Score("Reply." + extra)));
}
