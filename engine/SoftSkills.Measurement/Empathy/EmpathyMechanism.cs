namespace SoftSkills.Measurement.Empathy;

/// <summary>The three communication mechanisms of empathy in EPITOME (Sharma et al. 2020), each coded 0 none, 1 weak, 2 strong.</summary>
public enum EmpathyMechanism { EmotionalReactions, Interpretations, Explorations }

/// <summary>Names of the mechanisms as they appear in files and JSON.</summary>
public static class EmpathyMechanisms
{
    public static readonly EmpathyMechanism[] All = [EmpathyMechanism.EmotionalReactions, EmpathyMechanism.Interpretations, EmpathyMechanism.Explorations];

    /// <summary>The snake_case name used in JSON outputs (emotional_reactions, interpretations, explorations).</summary>
    public static string JsonName(this EmpathyMechanism m) => m switch
    {
        EmpathyMechanism.EmotionalReactions => "emotional_reactions",
        EmpathyMechanism.Interpretations => "interpretations",
        _ => "explorations",
    };
}

/// <summary>
/// One training or scoring example: the request (seeker post), the response, its levels where known, and where annotators
/// marked them, the spans of the response that show each level (EPITOME's rationales, '|'-separated).
/// </summary>
public sealed record EmpathyExample(string Request, string Response, int EmotionalReactions = 0, int Interpretations = 0, int Explorations = 0,
    string? EmotionalReactionsRationale = null, string? InterpretationsRationale = null, string? ExplorationsRationale = null)
{
    /// <summary>An EPITOME pair as an example: its texts, levels and rationales.</summary>
    public static EmpathyExample Of(SoftSkills.Data.External.EpitomePair p) =>
        new(p.SeekerPost, p.ResponsePost, p.EmotionalReactions, p.Interpretations, p.Explorations,
            p.EmotionalReactionsRationale, p.InterpretationsRationale, p.ExplorationsRationale);

    public string? RationaleOf(EmpathyMechanism m) => m switch
    {
        EmpathyMechanism.EmotionalReactions => EmotionalReactionsRationale,
        EmpathyMechanism.Interpretations => InterpretationsRationale,
        _ => ExplorationsRationale,
    };

    public int LevelOf(EmpathyMechanism m) => m switch
    {
        EmpathyMechanism.EmotionalReactions => EmotionalReactions,
        EmpathyMechanism.Interpretations => Interpretations,
        _ => Explorations,
    };
}

/// <summary>P(level = 0, 1, 2) of each mechanism for one response, as the classifier estimates them.</summary>
public sealed record MechanismProbabilities(double[] EmotionalReactions, double[] Interpretations, double[] Explorations);

/// <summary>Predicted mechanism levels for one response.</summary>
public readonly record struct MechanismLevels(int EmotionalReactions, int Interpretations, int Explorations)
{
    public int this[EmpathyMechanism m] => m switch
    {
        EmpathyMechanism.EmotionalReactions => EmotionalReactions,
        EmpathyMechanism.Interpretations => Interpretations,
        _ => Explorations,
    };
}
