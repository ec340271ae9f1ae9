using Plotly.NET;
using Plotly.NET.CSharp;

namespace SoftSkills.Reporting;

/// <summary>The one place where chart layout is set: colour-blind-safe colours, fonts, titles with units, legends clear of colour bars.</summary>
public static class ChartStyle
{
    /// <summary>Okabe &amp; Ito (2008), the colour-blind-safe qualitative palette.</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static Color ColorAt(int i) => Color.fromHex(Palette[i % Palette.Length]);

    /// <summary>Applies the house layout: a title, axis titles with units, a horizontal legend below the plot.</summary>
    public static GenericChart Apply(GenericChart chart, string title, string xTitle, string yTitle, int height = 420)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title, ["x"] = 0.01, ["xanchor"] = "left" });
        layout.SetProperty("font", new Dictionary<string, object> { ["family"] = "Arial, sans-serif", ["size"] = 13 });
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = 64, ["r"] = 24, ["t"] = 56, ["b"] = 96 });
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["x"] = 0, ["y"] = -0.3, ["yanchor"] = "top" });
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("plot_bgcolor", "#ffffff");
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);
        return chart
            .WithXAxisStyle<string, string, string>(TitleText: xTitle, ShowGrid: true)
            .WithYAxisStyle<string, string, string>(TitleText: yTitle, ShowGrid: true)
            .WithSize(Width: 900, Height: height);
    }

    /// <summary>A dashed vertical line at a date across the plot, with a label (e.g. the start of a pilot).</summary>
    public static GenericChart MarkDate(GenericChart chart, DateOnly date, string label)
    {
        var x = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var layout = new Layout();
        layout.SetProperty("shapes", new[]
        {
            new Dictionary<string, object>
            {
                ["type"] = "line", ["x0"] = x, ["x1"] = x, ["yref"] = "paper", ["y0"] = 0, ["y1"] = 1,
                ["line"] = new Dictionary<string, object> { ["color"] = "#555555", ["dash"] = "dash", ["width"] = 1.5 },
            },
        });
        layout.SetProperty("annotations", new[]
        {
            new Dictionary<string, object> { ["x"] = x, ["yref"] = "paper", ["y"] = 1.02, ["text"] = label, ["showarrow"] = false, ["xanchor"] = "left" },
        });
        return Plotly.NET.Chart.withLayout(layout).Invoke(chart);
    }
}
