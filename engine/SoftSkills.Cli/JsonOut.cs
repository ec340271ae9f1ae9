using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Cli;

/// <summary>
/// Writes the JSON outputs (docs/design.md, "Command line"). Numbers carry full double precision (they read back to the
/// same double); a value that is not finite is written as null, never as NaN or an error.
/// </summary>
public static class JsonOut
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(JsonNode node) => node.ToJsonString(Options);

    public static void Print(JsonNode node) => Console.Out.WriteLine(Text(node));

    /// <summary>A number at full precision, or null when it is absent or not finite.</summary>
    public static JsonNode? Number(double? value) => SoftSkills.Data.JsonNumbers.Of(value);
}
