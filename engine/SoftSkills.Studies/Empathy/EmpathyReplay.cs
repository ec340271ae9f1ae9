using SoftSkills.Analysis.Validity;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Calibration;
using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Studies.Empathy;

/// <summary>
/// The calibration loop replayed with the coder's confidence (selective prediction): items arrive in equal batches, one
/// round each; a human level is revealed only when a round sends the item to review; afterwards the items the coder
/// labelled itself are judged by their held-out human levels.
/// </summary>
public static class EmpathyReplay
{
    /// <summary>On EPITOME examples (the test split): the human level is the rubric level of the annotated mechanisms.</summary>
    public static ReplayResult OnExamples(IReadOnlyList<EmpathyExample> examples, EmpathyClassifier classifier, int rounds, CalibrationPolicy policy)
    {
        var coded = new EmpathyAutoCoder(classifier).Code(examples.Select(e => (e.Request, e.Response)).ToList());
        var items = examples.Select((e, i) => new ReplayItem(
            new AutoItem($"t{i:D5}", coded[i].Level, "epitome", coded[i].Confidence), i * rounds / examples.Count,
            EmpathyRubricMapping.RubricLevel(new MechanismLevels(e.EmotionalReactions, e.Interpretations, e.Explorations), coded[i].Markers))).ToList();
        return CalibrationReplay.Replay(items, policy, Start);
    }

    /// <summary>On a data folder's replies that people rated (simulated raters, or a real review): the human level is theirs.</summary>
    public static ReplayResult OnReplies(DataFolder folder, EmpathyClassifier classifier, int rounds, CalibrationPolicy policy)
    {
        var rated = ValidationInputs.RatedReplies(folder).ToDictionary(r => r.ItemId, StringComparer.Ordinal);
        if (rated.Count == 0) throw new StudyInputException($"{folder.Path}: no reply is rated by both a person and the auto-coder");
        var team = folder.Employees().ToDictionary(e => e.EmployeeId, e => e.TeamId, StringComparer.Ordinal);
        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        var replies = new List<(string Id, string Request, string Reply, string Stratum)>();
        foreach (var e in folder.Events())
        {
            if (e.Kind == EventKind.Request && e.Text is { Length: > 0 }) requests[e.EventId] = e.Text;
            if (e.Kind != EventKind.Reply || e.Text is not { Length: > 0 } text || !rated.TryGetValue(e.EventId, out var r)) continue;
            replies.Add((e.EventId, e.ResponseTo is { } to && requests.TryGetValue(to, out var q) ? q : "", text, $"{team[r.EmployeeId]}|{r.FirstLanguage}"));
        }
        var coded = new EmpathyAutoCoder(classifier).Code(replies.Select(r => (r.Request, r.Reply)).ToList());
        var items = replies.Select((r, i) => new ReplayItem(new AutoItem(r.Id, coded[i].Level, r.Stratum, coded[i].Confidence), i * rounds / replies.Count, rated[r.Id].HumanLevel)).ToList();
        return CalibrationReplay.Replay(items, policy, Start);
    }

    static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
}
