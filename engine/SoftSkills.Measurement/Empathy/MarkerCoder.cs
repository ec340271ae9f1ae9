namespace SoftSkills.Measurement.Empathy;

/// <summary>A marker found in a reply: where it is, what it counts for, and why.</summary>
public sealed record MarkerHit(string Category, string Phrase, int Start, int Length, double Weight, bool Negated);

/// <summary>The marker coder's result: a rubric level 0–3 that explains itself through its hits.</summary>
public sealed record MarkerScore(int Level, double Score, bool Distress, IReadOnlyList<MarkerHit> Hits);

/// <summary>
/// Scores the empathy a reply expresses from linguistic markers weighted for context (docs/design.md §5): acknowledgement and
/// validation weigh more when the request carries a complaint or distress and less when it is routine; a negator shortly
/// before a marker ("not sorry") turns it into a dismissal.
/// </summary>
public sealed class MarkerCoder(MarkerLexicon lexicon)
{
    const int NegationWindowWords = 3;

    public static MarkerCoder Default { get; } = new(MarkerLexicon.Default);

    public MarkerLexicon Lexicon => lexicon;

    /// <summary>Scores a reply, given the request it answers when known.</summary>
    public MarkerScore Score(string reply, string? request = null) =>
        ScoreInContext(reply, request is null ? null : IsDistressedRequest(request));

    /// <summary>Whether a request carries a distress cue (the context that weighs acknowledgement and validation up).</summary>
    public bool IsDistressedRequest(string request) => IsDistressed(Normalise(request));

    /// <summary>Scores a reply in a known context: a distressed or a routine request, or null when the request is unknown.</summary>
    public MarkerScore ScoreInContext(string reply, bool? distress)
    {
        var text = Normalise(reply);
        var hits = new List<MarkerHit>();
        var taken = new bool[text.Length];
        foreach (var phrase in lexicon.Phrases)
        {
            for (var at = text.IndexOf(phrase.Text, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase.Text, at + 1, StringComparison.Ordinal))
            {
                var end = at + phrase.Text.Length;
                if (!IsBoundary(text, at - 1) || !IsBoundary(text, end) || Overlaps(taken, at, end)) continue;
                Array.Fill(taken, true, at, phrase.Text.Length);
                hits.Add(Hit(phrase, text, at, distress));
            }
        }
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var score = hits.Sum(h => h.Weight);
        return new MarkerScore(LevelOf(score), score, distress == true, hits);
    }

    /// <summary>The rubric level of a weighted marker score.</summary>
    public int LevelOf(double score) =>
        score >= lexicon.Exemplary ? 3 : score >= lexicon.Competent ? 2 : score >= lexicon.Emerging ? 1 : 0;

    MarkerHit Hit(MarkerPhrase phrase, string text, int at, bool? distress)
    {
        var weight = phrase.Weight;
        if (!phrase.Counter)
        {
            if (distress == true && phrase.WeightWhenDistressed is { } dismissive) weight = dismissive;
            else if (distress == true && lexicon.DistressMultiplier.TryGetValue(phrase.Category, out var up)) weight *= up;
            else if (distress == false && lexicon.RoutineMultiplier.TryGetValue(phrase.Category, out var down)) weight *= down;
            if (IsNegated(text, at)) return new MarkerHit(phrase.Category, phrase.Text, at, phrase.Text.Length, -Math.Abs(weight), true);
        }
        return new MarkerHit(phrase.Category, phrase.Text, at, phrase.Text.Length, weight, false);
    }

    bool IsDistressed(string request)
    {
        foreach (var cue in lexicon.DistressCues)
        {
            var at = request.IndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && IsBoundary(request, at - 1) && IsBoundary(request, at + cue.Length)) return true;
        }
        return false;
    }

    /// <summary>True when one of the few words before <paramref name="at"/> is a negator.</summary>
    bool IsNegated(string text, int at)
    {
        var start = at;
        for (var words = 0; words < NegationWindowWords && start > 0; words++)
        {
            var end = start;
            while (end > 0 && text[end - 1] == ' ') end--;
            start = end;
            while (start > 0 && !IsSeparator(text[start - 1])) start--;
            if (start == end) break;
            var word = text[start..end];
            if (lexicon.Negators.Contains(word)) return true;
            if (start > 0 && text[start - 1] != ' ') break; // punctuation ends the clause
        }
        return false;
    }

    static bool IsSeparator(char c) => c == ' ' || char.IsPunctuation(c) && c != '\'';

    static bool Overlaps(bool[] taken, int from, int to)
    {
        for (var i = from; i < to; i++) if (taken[i]) return true;
        return false;
    }

    static bool IsBoundary(string text, int i) => i < 0 || i >= text.Length || !(char.IsLetterOrDigit(text[i]) || text[i] == '\'');

    /// <summary>Lower case, typographic apostrophes made plain, runs of white space made one space (lengths kept for spans).</summary>
    public static string Normalise(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            chars[i] = c is '\u2019' or '\u2018' ? '\'' : char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
        }
        return new string(chars);
    }
}
