using System.Reflection;

namespace SoftSkills.Reporting.Charts;

/// <summary>
/// plotly.js as Plotly.NET ships it (a resource of Plotly.NET.dll): read as a resource, never by running Plotly.NET code,
/// so no F# runtime is involved. Nothing is fetched from a CDN.
/// </summary>
public static class PlotlyJs
{
    public const string Version = "2.28.0";

    static readonly Lazy<string> Source = new(() =>
    {
        var assembly = Assembly.Load("Plotly.NET");
        var name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Plotly.NET.dll has no resource {name}");
        using var reader = new StreamReader(stream);
        // Shadow AMD/CommonJS loaders (Jupyter pages carry require.js): plotly.js then always sets window.Plotly.
        return "(function(define, module, exports){" + reader.ReadToEnd() + "\n}).call(window);";
    });

    /// <summary>The library's script text.</summary>
    public static string Script => Source.Value;

    /// <summary>The library in a script element.</summary>
    public static string ScriptElement() => $"<script type=\"text/javascript\">{Script}</script>";
}
