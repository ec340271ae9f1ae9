namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// From EPITOME's three mechanism levels (each 0–2) to the 0–3 rubric level that RES uses, and the marker coder's own
/// reading of the mechanisms (the baseline the classifier has to beat).
/// </summary>
public static class EmpathyRubricMapping
{
    /// <summary>
    /// The rubric level: the mechanism total t = ER + IP + EX (0–6, as EPITOME's overall score) gives 0 Absent (t = 0),
    /// 1 Emerging (t ≤ 2: one strong or two weak), 2 Competent (t ≤ 4: at least one strong with another, or three weak),
    /// 3 Exemplary (t ≥ 5); a blaming, dismissive or sarcastic marker, or a negated marker, lowers the level by one.
    /// </summary>
    public static int RubricLevel(MechanismLevels levels, MarkerScore markers)
    {
        var total = levels.EmotionalReactions + levels.Interpretations + levels.Explorations;
        var level = total == 0 ? 0 : total <= 2 ? 1 : total <= 4 ? 2 : 3;
        return markers.Hits.Any(h => h.Weight < 0) ? Math.Max(0, level - 1) : level;
    }

    /// <summary>
    /// The probability that the rubric level is Competent or better (level ≥ 2): the mechanism total's distribution is the
    /// convolution of the three mechanisms' class probabilities (treated as independent given the text), and level ≥ 2
    /// needs a total of at least 3, or 5 when a blaming, dismissive, sarcastic or negated marker lowers the level by one.
    /// </summary>
    public static double ProbabilityCompetent(MechanismProbabilities p, MarkerScore markers)
    {
        var (er, ip, ex) = (Normalised(p.EmotionalReactions), Normalised(p.Interpretations), Normalised(p.Explorations));
        var total = new double[7];
        for (var a = 0; a < 3; a++)
            for (var b = 0; b < 3; b++)
                for (var c = 0; c < 3; c++)
                    total[a + b + c] += er[a] * ip[b] * ex[c];
        var from = markers.Hits.Any(h => h.Weight < 0) ? 5 : 3;
        return Math.Clamp(total[from..].Sum(), 0, 1);
    }

    static double[] Normalised(double[] p)
    {
        var sum = p.Sum();
        return sum > 0 ? p.Select(x => x / sum).ToArray() : [1.0 / 3, 1.0 / 3, 1.0 / 3];
    }

    /// <summary>The mechanism levels the markers alone suggest: the weight of a mechanism's categories against its cue thresholds.</summary>
    public static MechanismLevels FromMarkers(MarkerScore markers, MarkerLexicon lexicon)
    {
        int Level(EmpathyMechanism m)
        {
            if (!lexicon.Mechanisms.TryGetValue(m.JsonName(), out var cue)) return 0;
            var weight = markers.Hits.Where(h => !h.Negated && h.Weight > 0 && cue.Categories.Contains(h.Category)).Sum(h => h.Weight);
            return weight >= cue.Strong ? 2 : weight > cue.Weak ? 1 : 0;
        }
        return new MechanismLevels(Level(EmpathyMechanism.EmotionalReactions), Level(EmpathyMechanism.Interpretations), Level(EmpathyMechanism.Explorations));
    }
}
