using System.Text.RegularExpressions;

namespace SoftSkills.Notebooks;

/// <summary>Points <c>#r "…/X.dll"</c> lines (the project's assemblies and their dependencies, such as Plotly.NET) at the runner's own build of that assembly when it has one.</summary>
public static partial class AssemblyReferenceRewriter
{
    // Committed notebooks name one build (e.g. bin/Debug, for editors); the runner may be a Release build or a test host,
    // and the process has already loaded its own copy: referencing another copy of the same assembly would load it twice.
    public static string Rewrite(string code, string fallbackDirectory) =>
        ReferenceLine().Replace(code, match =>
        {
            var path = match.Groups["path"].Value;
            var fileName = Path.GetFileName(path);
            var fallback = Path.Combine(fallbackDirectory, fileName);
            return File.Exists(fallback)
                ? match.Value.Replace(path, fallback, StringComparison.Ordinal)
                : match.Value;
        });

    [GeneratedRegex("""^[ \t]*#r[ \t]+"(?<path>[^"]*\.dll)"[ \t]*\r?$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceLine();
}
