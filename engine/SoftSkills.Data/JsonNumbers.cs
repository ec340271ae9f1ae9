using System.Text.Json.Nodes;

namespace SoftSkills.Data;

/// <summary>Numbers in the JSON outputs: full double precision (they read back to the same double); not finite → null.</summary>
public static class JsonNumbers
{
    public static JsonNode? Of(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
