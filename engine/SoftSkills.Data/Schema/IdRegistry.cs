using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SoftSkills.Data.Schema;

/// <summary>
/// Detects repeated identifiers in a stream with 8 bytes per identifier: it keeps 64-bit XxHash3 values, not strings,
/// so 10 million event ids take about 200 MB. A false "duplicate" needs a 64-bit collision (p ≈ n²/2⁶⁵, 3·10⁻⁶ at 10⁷ ids).
/// </summary>
public sealed class IdRegistry
{
    readonly HashSet<ulong> _seen = [];

    /// <summary>Records an identifier; false when it was seen before.</summary>
    public bool Add(string id) => _seen.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())));

    public int Count => _seen.Count;
}

/// <summary>
/// What an event row is checked against: the known employees and the event ids seen so far. Duplicate ids are not
/// tracked for files a folder's manifest vouches for (validated imports, the simulator), so reading those keeps memory
/// independent of the number of events.
/// </summary>
public sealed class EventChecks(IReadOnlySet<string>? employees, bool checkDuplicates = true, IReadOnlySet<string>? teams = null)
{
    public IReadOnlySet<string>? Employees { get; } = employees;
    public IdRegistry? EventIds { get; } = checkDuplicates ? new() : null;

    /// <summary>The teams an event's team_id may name (the employees' teams).</summary>
    public IReadOnlySet<string>? Teams { get; } = teams;
}
