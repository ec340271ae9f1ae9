using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Data.Files;

/// <summary>
/// A data folder's <c>manifest.json</c>, as softskills writes it (simulate, import): each file's rows and SHA-256, and which
/// column of which file the writer guarantees unique. A file's own metadata is not proof of anything; a claim is trusted
/// only when the manifest records it and the file still has the recorded SHA-256.
/// </summary>
public static class FolderManifest
{
    public const string Name = "manifest.json";

    /// <summary>True when <paramref name="folder"/>'s manifest says <paramref name="column"/> of <paramref name="file"/> is unique and the file is unchanged.</summary>
    public static bool TrustsUniqueIds(string folder, string file, string column)
    {
        var path = Path.Combine(folder, Name);
        if (!File.Exists(path)) return false;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path));
            var name = Path.GetFileName(file);
            if ((string?)root?["unique_ids"]?[name] != column) return false;
            var recorded = (string?)root?["files"]?[name]?["sha256"];
            return recorded is not null && string.Equals(recorded, Sha256(file), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException)
        {
            return false; // an unreadable manifest proves nothing: the ids are checked
        }
    }

    /// <summary>The SHA-256 of a file, as lowercase hex.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Writes the manifest of the files now in <paramref name="folder"/> (rows as given, SHA-256 computed), the unique-id
    /// claims, and any further fields.
    /// </summary>
    public static void Write(string folder, IReadOnlyDictionary<string, long> rows, IReadOnlyDictionary<string, string> uniqueIds, JsonObject? extra = null)
    {
        var files = new JsonObject();
        foreach (var (name, count) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            files[name] = new JsonObject { ["rows"] = count, ["sha256"] = Sha256(Path.Combine(folder, name)) };
        var root = new JsonObject { ["files"] = files, ["unique_ids"] = new JsonObject(uniqueIds.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))) };
        if (extra is not null) foreach (var (k, v) in extra) root[k] = v?.DeepClone();
        AtomicOutputs.WriteText(Path.Combine(folder, Name), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
