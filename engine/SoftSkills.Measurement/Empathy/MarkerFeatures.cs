namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// The marker coder's findings as a fixed-length numeric vector for the classifier: the weight found per marker category,
/// negated markers, the request's distress, the total score, and a few surface cues (length, questions, second person).
/// </summary>
public static class MarkerFeatures
{
    /// <summary>The marker categories, then the counter-marker categories, in vector order.</summary>
    public static readonly string[] Categories =
        [
            "acknowledgement", "understanding", "warmth", "validation", "apology", "specific_problem", "next_step", "exploration", "reassurance",
            "blame", "dismissal", "sarcasm",
        ];

    /// <summary>The vector length.</summary>
    public const int Count = 19;

    static readonly string[] SecondPerson = ["you", "your", "you're", "yourself", "you've", "you'll"];
    static readonly string[] FirstPerson = ["i", "i'm", "i've", "me", "my", "myself"];

    /// <summary>The features of a response to a request.</summary>
    public static float[] Of(MarkerCoder coder, string request, string response) => Of(coder.Score(response, request.Length == 0 ? null : request), response);

    /// <summary>The features of a response whose marker score is known.</summary>
    public static float[] Of(MarkerScore score, string response)
    {
        var v = new float[Count];
        foreach (var hit in score.Hits)
        {
            var c = Array.IndexOf(Categories, hit.Category);
            if (c >= 0) v[c] += (float)Math.Abs(hit.Weight);
            if (hit.Negated) v[12]++;
        }
        v[13] = score.Distress ? 1 : 0;
        v[14] = (float)score.Score;
        var words = MarkerCoder.Normalise(response).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        v[15] = MathF.Log(1 + words.Length);
        v[16] = response.Count(c => c == '?');
        v[17] = words.Count(w => SecondPerson.Contains(w.Trim(Punctuation))) / (float)Math.Max(1, words.Length);
        v[18] = words.Count(w => FirstPerson.Contains(w.Trim(Punctuation))) / (float)Math.Max(1, words.Length);
        return v;
    }

    static readonly char[] Punctuation = ['.', ',', '!', '?', ';', ':', '"', '(', ')'];
}
