using System.CommandLine;

namespace SoftSkills.Cli;

/// <summary>Options shared by every verb.</summary>
public static class CommonOptions
{
    public static readonly Option<string> Format = new("--format")
    {
        Description = "text (a readable summary) or json (one JSON object on stdout)",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    };

    static CommonOptions() => Format.AcceptOnlyFromAmong("text", "json");

    public static Option<int> MinGroupSize() => new("--min-group-size")
    {
        Description = "suppress groups with fewer distinct employees (1 turns suppression off, for non-personal data)",
        DefaultValueFactory = _ => 5,
    };

    public static Option<bool> Lenient() => new("--lenient")
    {
        Description = "skip bad rows and report each, instead of stopping at the first",
    };

    public static bool Json(ParseResult parse) => parse.GetValue(Format) == "json";

    /// <summary>The minimum group size, checked.</summary>
    public static int MinGroup(ParseResult parse, Option<int> option) =>
        Inputs.Range("--min-group-size", parse.GetValue(option), 1, SoftSkills.Data.SizeLimits.MinGroupSize);
}
