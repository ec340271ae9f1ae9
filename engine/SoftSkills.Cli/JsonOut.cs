using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Cli;

/// <summary>Writes the JSON outputs of DESIGN §10.</summary>
public static class JsonOut
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(JsonNode node) => node.ToJsonString(Options);

    public static void Print(JsonNode node) => Console.Out.WriteLine(Text(node));

    /// <summary>A number rounded for reading (KPIs on 0–100 scales keep 4 decimals), or null.</summary>
    public static JsonNode? Number(double? value, int decimals = 4) => value is { } v ? JsonValue.Create(Math.Round(v, decimals)) : null;
}
