using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace SoftSkills.Notebooks;

/// <summary>Formats Plotly.NET charts as HTML that works offline: the first chart of a run inlines plotly.js, later ones reuse it.</summary>
public sealed class PlotlyOfflineFormatter
{
    private static readonly Lazy<string> PlotlyJs = new(ReadEmbeddedPlotlyJs);

    private bool _plotlyJsWritten;

    /// <summary>The plotly.js bundled in Plotly.NET.dll, so no CDN is needed.</summary>
    public static string PlotlyJsSource => PlotlyJs.Value;

    /// <summary>Registers this instance for <see cref="GenericChart"/> as text/html, replacing any earlier registration.</summary>
    public void Register() =>
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), HtmlFormatter.MimeType);

    public string ToHtml(GenericChart chart)
    {
        // toChartHTML renders a div and a plain script calling Plotly.newPlot, unless the chart asks for
        // require.js (which loads from a CDN): fall back to no reference, the inlined library serves it.
        if (DisplayOptions.getPlotlyReference(GenericChart.getDisplayOptions(chart)).IsRequire)
        {
            chart = GenericChart.setDisplayOptions(
                DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NoReference)), chart);
        }

        var html = GenericChart.toChartHTML(chart);
        if (_plotlyJsWritten)
        {
            return html;
        }

        _plotlyJsWritten = true;
        return $"<script type=\"text/javascript\">{PlotlyJsSource}</script>\n{html}";
    }

    private static string ReadEmbeddedPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
