namespace SoftSkills.Data.Schema;

/// <summary>The kinds of event in the log (docs/design.md §2).</summary>
public enum EventKind { Message, Reply, Request, Handoff, Decision, Meeting, TaskUpdate }

/// <summary>The channel an event travelled through.</summary>
public enum Channel { Chat, Ticket, Meeting, TaskBoard, Email }

/// <summary>The resolved outcome of a decision.</summary>
public enum DecisionOutcome { Good, Poor }

/// <summary>Who produced a rating.</summary>
public enum RaterKind { Human, Auto, Manager, Peer, Self }

/// <summary>The four KPIs.</summary>
public enum Kpi { Res, Ci, Dqr, Hsr }

/// <summary>Whether an outcome or intervention concerns an employee or a team.</summary>
public enum SubjectKind { Employee, Team }

/// <summary>The kinds of intervention a pilot applies.</summary>
public enum InterventionKind { CoachingNudge, RealtimeFeedback, Training }

/// <summary>The arm of a pilot.</summary>
public enum Arm { Treatment, Control }

/// <summary>Snake-case names of the enums as they appear in files.</summary>
public static class EnumNames
{
    public static string Of(EventKind k) => k switch
    {
        EventKind.TaskUpdate => "task_update",
        _ => Lower(k.ToString()),
    };

    public static string Of(Channel c) => c == Channel.TaskBoard ? "task_board" : Lower(c.ToString());
    public static string Of(DecisionOutcome o) => Lower(o.ToString());
    public static string Of(RaterKind k) => Lower(k.ToString());
    public static string Of(Kpi k) => Lower(k.ToString());
    public static string Of(SubjectKind k) => Lower(k.ToString());
    public static string Of(Arm a) => Lower(a.ToString());

    public static string Of(InterventionKind k) => k switch
    {
        InterventionKind.CoachingNudge => "coaching_nudge",
        InterventionKind.RealtimeFeedback => "realtime_feedback",
        _ => "training",
    };

    /// <summary>Parses a file value into an enum, or returns false.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum => Lookup<T>.ByName.TryGetValue(text, out value);

    /// <summary>Names to values, built once per enum: parsing runs once per cell of every row read.</summary>
    static class Lookup<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => Name(v), StringComparer.Ordinal);
    }

    /// <summary>The file name of any of the enums above.</summary>
    public static string Name<T>(T value) where T : struct, Enum => value switch
    {
        EventKind k => Of(k),
        Channel c => Of(c),
        DecisionOutcome o => Of(o),
        RaterKind r => Of(r),
        Kpi k => Of(k),
        SubjectKind s => Of(s),
        InterventionKind i => Of(i),
        Arm a => Of(a),
        _ => Lower(value.ToString()),
    };

    /// <summary>All accepted names of an enum, for error messages.</summary>
    public static string Accepted<T>() where T : struct, Enum =>
        string.Join("|", Enum.GetValues<T>().Select(v => Name(v)));

    static string Lower(string s) => s.ToLowerInvariant();
}
