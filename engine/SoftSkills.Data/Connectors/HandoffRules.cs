namespace SoftSkills.Data.Connectors;

/// <summary>
/// The success flags of a handoff read from a ticket or issue history (docs/design.md §15.1): accepted unless the work
/// comes back to the sender (or to nobody) within 72 hours; context complete when the sender wrote a note from 24 hours
/// before to 1 hour after; reworked when the item is reopened at any time after.
/// </summary>
public static class HandoffRules
{
    public static readonly TimeSpan AcceptanceWindow = TimeSpan.FromHours(72);
    public static readonly TimeSpan NoteBefore = TimeSpan.FromHours(24), NoteAfter = TimeSpan.FromHours(1);

    /// <summary>One change of who holds the item: the new holder (null: nobody) at a time.</summary>
    public readonly record struct Holder(DateTime At, string? Id);

    /// <summary>False when, within the window after <paramref name="at"/>, the holder becomes the sender again or nobody.</summary>
    public static bool Accepted(DateTime at, string sender, IEnumerable<Holder> changes) =>
        !changes.Any(c => c.At > at && c.At <= at + AcceptanceWindow && (c.Id is null || c.Id == sender));

    public static bool ContextComplete(DateTime at, IEnumerable<DateTime> senderNotes) =>
        senderNotes.Any(t => t >= at - NoteBefore && t <= at + NoteAfter);

    public static bool Reworked(DateTime at, IEnumerable<DateTime> reopenings) => reopenings.Any(t => t > at);
}
