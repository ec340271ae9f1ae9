using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Reporting;

/// <summary>
/// The one way data reaches HTML (every page: dashboard, ROI report, pilot page, notebook output). Text is HTML-encoded;
/// JSON placed in a script element escapes &lt;, &gt;, &amp;, quotes and the line separators U+2028/U+2029, so no value
/// can close the element or break the script; pages carry a Content-Security-Policy that allows only their own inline
/// scripts (by hash) and forbids every network request.
/// </summary>
public static class HtmlSafe
{
    static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Text for an element or attribute.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// JSON that is safe inside a &lt;script&gt; element: System.Text.Json's default encoder writes &lt;, &gt;, &amp;, ', "
    /// inside strings and U+2028/U+2029 as \u escapes; numbers are written at full precision.
    /// </summary>
    public static string Json(JsonNode? node) => node is null ? "null" : node.ToJsonString(ScriptJson);

    /// <summary>Serialises any value as script-safe JSON.</summary>
    public static string Json<T>(T value, JsonSerializerOptions options)
    {
        var safe = new JsonSerializerOptions(options) { Encoder = JavaScriptEncoder.Default };
        return JsonSerializer.Serialize(value, safe);
    }

    /// <summary>The CSP source of an inline script: 'sha256-…' of its exact text.</summary>
    public static string ScriptHash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";

    /// <summary>
    /// The page's Content-Security-Policy: nothing from the network, no plugins, no forms, inline styles (plotly.js draws with
    /// them) and only the listed inline scripts; images only as data: URLs (plotly's own icons).
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> scripts) =>
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'; "
        + "script-src " + string.Join(" ", scripts.Select(ScriptHash).Distinct());
}
