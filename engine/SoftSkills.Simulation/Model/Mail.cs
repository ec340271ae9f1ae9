namespace SoftSkills.Simulation.Model;

/// <summary>What one employee sends another; sent on day d, delivered on day d+1.</summary>
public enum MailKind { Message, Request, Handoff }

/// <summary>
/// A cross-employee message. Inboxes are sorted by (sender, sequence) before delivery, so the order never depends on
/// which silo or thread produced them.
/// </summary>
[GenerateSerializer, Immutable, Alias("softskills.mail")]
public readonly record struct Mail(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] int Sequence,
    [property: Id(3)] MailKind Kind,
    [property: Id(4)] EventRef RequestId,
    [property: Id(5)] int SentMinute) : IComparable<Mail>
{
    public int CompareTo(Mail other) => From != other.From ? From.CompareTo(other.From) : Sequence.CompareTo(other.Sequence);
}
