using System.Text.RegularExpressions;

namespace SoftSkills.Notebooks;

/// <summary>Points <c>#r "…/SoftSkills.X.dll"</c> lines whose file is missing at the runner's own build of that assembly.</summary>
public static partial class AssemblyReferenceRewriter
{
    // Committed notebooks name one build (e.g. bin/Debug); the runner may be a Release build or a test host.
    public static string Rewrite(string code, string notebookDirectory, string fallbackDirectory) =>
        ReferenceLine().Replace(code, match =>
        {
            var path = match.Groups["path"].Value;
            var fileName = Path.GetFileName(path);
            var fallback = Path.Combine(fallbackDirectory, fileName);
            var missing = !File.Exists(Path.Combine(notebookDirectory, path));
            return missing && File.Exists(fallback)
                ? match.Value.Replace(path, fallback, StringComparison.Ordinal)
                : match.Value;
        });

    [GeneratedRegex("""^[ \t]*#r[ \t]+"(?<path>[^"]*SoftSkills\.[^"\\/]+\.dll)"[ \t]*\r?$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceLine();
}
