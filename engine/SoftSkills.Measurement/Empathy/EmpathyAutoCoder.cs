using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// A coded reply: the rubric level, what it rests on, and (with a classifier) the probability that the level is Competent
/// or better.
/// </summary>
public sealed record CodedReply(int Level, MechanismLevels Mechanisms, MarkerScore Markers, double? CompetentProbability = null)
{
    /// <summary>How sure the coder is of its own call "level ≥ 2" or "level &lt; 2" (null without a classifier).</summary>
    public double? Confidence => CompetentProbability is { } p ? Level >= 2 ? p : 1 - p : null;
}

/// <summary>
/// The empathy auto-coder used for RES: the classifier's mechanism levels (or, without a model, the markers' reading of
/// them) mapped to the 0–3 rubric, with the markers as the explanation.
/// </summary>
public sealed class EmpathyAutoCoder(EmpathyClassifier? classifier, MarkerCoder? markers = null)
{
    readonly MarkerCoder markers = markers ?? classifier?.Markers ?? MarkerCoder.Default;

    /// <summary>The rater id written on its ratings: the coder and the lexicon version it used.</summary>
    public string RaterId => (classifier is null ? "auto-markers" : "auto-model") + "@" + markers.Lexicon.Version;

    /// <summary>Codes replies (each with the request it answers, empty when unknown) in one batch.</summary>
    public IReadOnlyList<CodedReply> Code(IReadOnlyList<(string Request, string Reply)> replies)
    {
        var scores = replies.Select(r => markers.Score(r.Reply, r.Request.Length == 0 ? null : r.Request)).ToArray();
        if (classifier is null)
            return scores.Select(s => EmpathyRubricMapping.FromMarkers(s, markers.Lexicon))
                .Select((m, i) => new CodedReply(EmpathyRubricMapping.RubricLevel(m, scores[i]), m, scores[i])).ToArray();
        var (levels, probabilities) = classifier.PredictWithProbabilities(replies.Select(r => new EmpathyExample(r.Request, r.Reply)).ToList(), scores);
        return scores.Select((s, i) => new CodedReply(EmpathyRubricMapping.RubricLevel(levels[i], s), levels[i], s,
            EmpathyRubricMapping.ProbabilityCompetent(probabilities[i], s))).ToArray();
    }

    /// <summary>
    /// Writes <paramref name="outPath"/>: the folder's ratings with every earlier auto RES rating replaced by this coder's
    /// rating of each reply with text (human ratings are kept; they override auto ratings in RES). Returns the replies coded.
    /// </summary>
    public long AddRatings(DataFolder folder, string outPath, int batchSize = 4096, Action<Event, CodedReply>? onCoded = null)
    {
        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        var coded = new List<Rating>();
        var batch = new List<(Event Reply, string Request)>(batchSize);
        void Flush()
        {
            if (batch.Count == 0) return;
            var levels = Code(batch.Select(b => (b.Request, b.Reply.Text!)).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                coded.Add(new Rating(batch[i].Reply.EventId, RaterId, RaterKind.Auto, Kpi.Res, null, levels[i].Level, batch[i].Reply.Timestamp));
                onCoded?.Invoke(batch[i].Reply, levels[i]);
            }
            batch.Clear();
        }
        foreach (var e in folder.Events())
        {
            if (e.Kind == EventKind.Request && e.Text is { Length: > 0 }) requests[e.EventId] = e.Text;
            if (e.Kind != EventKind.Reply || string.IsNullOrWhiteSpace(e.Text)) continue;
            batch.Add((e, e.ResponseTo is { } to && requests.TryGetValue(to, out var request) ? request : ""));
            if (batch.Count == batchSize) Flush();
        }
        Flush();
        var kept = folder.Ratings().Where(r => !(r.RaterKind == RaterKind.Auto && r.Kpi == Kpi.Res)).ToList();
        TableFile.Write(outPath, new RatingCodec(), kept.Concat(coded));
        return coded.Count;
    }
}
