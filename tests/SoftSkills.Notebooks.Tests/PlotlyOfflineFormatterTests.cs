using Microsoft.FSharp.Core;
using Plotly.NET;

namespace SoftSkills.Notebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class PlotlyOfflineFormatterTests
{
    [Fact]
    public void Only_the_first_chart_carries_plotly_js()
    {
        var formatter = new PlotlyOfflineFormatter();

        var first = formatter.ToHtml(Scatter());
        var second = formatter.ToHtml(Scatter());

        Assert.StartsWith("<script type=\"text/javascript\">/**\n* plotly.js v2.28.0", first);
        Assert.DoesNotContain("plotly.js v2.28.0", second);
        Assert.Contains("Plotly.newPlot", second);
    }

    [Fact]
    public void A_chart_asking_for_require_js_does_not_load_it_from_a_cdn()
    {
        var options = DisplayOptions.init(null, null, null, null, null, null,
            FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NewRequire("https://cdn.plot.ly/plotly-2.28.0.min")));
        var chart = GenericChart.setDisplayOptions(options, Scatter());

        var html = new PlotlyOfflineFormatter().ToHtml(chart);

        Assert.DoesNotContain("cdnjs", html);
        Assert.DoesNotContain("cdn.plot.ly/plotly", html);
        Assert.Contains("Plotly.newPlot", html);
    }

    private static GenericChart Scatter() => GenericChart.ofTraceObject(true, new Trace2D("scatter"));
}
