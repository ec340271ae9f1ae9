using Spectre.Console;
using Spectre.Console.Rendering;

namespace SoftSkills.Cli;

/// <summary>
/// The readable summaries of text mode: tables drawn by Spectre.Console. Cells are plain text (never parsed as markup, so a
/// team named "[red]" prints as itself); no colour and a wide page when the output is redirected, so files and pipes get
/// the same table.
/// </summary>
public static class TextOut
{
    static readonly Lazy<IAnsiConsole> Console = new(() =>
    {
        var redirected = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (redirected) console.Profile.Width = 160;
        return console;
    });

    /// <summary>A table with a title line; columns named in <paramref name="right"/> are right-aligned (numbers).</summary>
    public static void Table(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, params string[] right)
    {
        var table = new Table { Border = TableBorder.Simple };
        if (title is not null) table.Title = new TableTitle(Escape(title));
        foreach (var h in headers)
        {
            var column = new TableColumn(new Text(h));
            if (right.Contains(h)) column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in rows) table.AddRow(row.Select(c => (IRenderable)new Text(Printable.Of(c))).ToArray());
        Console.Value.Write(table);
    }

    /// <summary>A plain line (line breaks are the caller's; anything else that would act on a terminal is shown escaped).</summary>
    public static void Line(string text = "") => System.Console.Out.WriteLine(string.Join('\n', text.Split('\n').Select(Printable.Of)));

    static string Escape(string s) => Markup.Escape(Printable.Of(s));

    /// <summary>A number for reading: fixed decimals, "–" when absent or not finite.</summary>
    public static string Number(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>A signed number for reading (effects).</summary>
    public static string Signed(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? v.ToString("+0." + new string('0', decimals) + ";-0." + new string('0', decimals) + ";0." + new string('0', decimals), System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>An interval for reading: [lo, hi].</summary>
    public static string Interval(double? lo, double? hi, int decimals = 1) => $"[{Signed(lo, decimals)}, {Signed(hi, decimals)}]";
}
