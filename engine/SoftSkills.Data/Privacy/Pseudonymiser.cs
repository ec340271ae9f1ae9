using System.Security.Cryptography;
using System.Text;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Privacy;

/// <summary>
/// Replaces person identifiers with HMAC-SHA256 pseudonyms under a user's key: the same key gives the same pseudonyms,
/// another key gives unrelated ones, and neither the key nor a raw identifier is kept in any output.
/// Team identifiers, event ids and texts are left as they are.
/// </summary>
public sealed class Pseudonymiser
{
    const int MinimumKeyBytes = 16;
    readonly byte[] _key;
    readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public Pseudonymiser(byte[] key)
    {
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"the pseudonymisation key must have at least {MinimumKeyBytes} bytes (it has {key.Length})");
        _key = (byte[])key.Clone();
    }

    /// <summary>Reads a key file; a trailing newline of a text key is not part of the key.</summary>
    public static Pseudonymiser FromKeyFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = bytes.Length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) end--;
        return new Pseudonymiser(bytes[..end]);
    }

    /// <summary>The pseudonym of an identifier: "p" and the first 16 hex digits (64 bits) of HMAC-SHA256(key, id).</summary>
    public string Of(string id)
    {
        if (_cache.TryGetValue(id, out var p)) return p;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id), mac);
        p = "p" + Convert.ToHexStringLower(mac[..8]);
        _cache[id] = p;
        return p;
    }

    string? OfOptional(string? id) => id is null ? null : Of(id);

    public Employee Apply(Employee e) => e with { EmployeeId = Of(e.EmployeeId), ManagerId = OfOptional(e.ManagerId) };

    public Event Apply(Event e) => e with { ActorId = OfOptional(e.ActorId), CounterpartId = OfOptional(e.CounterpartId) };

    /// <summary>Human, manager, peer and self raters are people; an auto rater is a model name and stays.</summary>
    /// <summary>An item that is an employee (a rating of a person rather than of an event) is pseudonymised too.</summary>
    public Rating Apply(Rating r, IReadOnlySet<string> employees) => r with
    {
        RaterId = r.RaterKind == RaterKind.Auto ? r.RaterId : Of(r.RaterId),
        ItemId = employees.Contains(r.ItemId) ? Of(r.ItemId) : r.ItemId,
    };

    public Outcome Apply(Outcome o) => o.SubjectKind == SubjectKind.Employee ? o with { SubjectId = Of(o.SubjectId) } : o;

    public Intervention Apply(Intervention i) => i.SubjectKind == SubjectKind.Employee ? i with { SubjectId = Of(i.SubjectId) } : i;

    public TruthRow Apply(TruthRow t) => t with { EmployeeId = Of(t.EmployeeId) };
}
