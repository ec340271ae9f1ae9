using SoftSkills.Data.Privacy;

namespace SoftSkills.Data.Connectors;

/// <summary>Imports a vendor export (docs/design.md §15) into a pseudonymised data folder.</summary>
public static class ConnectorImport
{
    public static readonly string[] Sources = ["slack", "teams", "jira", "zendesk", "mapped"];

    public static ImportSummary Run(string source, string from, string to, Pseudonymiser pseudonymiser, bool csv, string? mapping = null)
    {
        string? temporary = null;
        try
        {
            var output = source switch
            {
                "slack" => SlackExport.Read(SlackExport.Open(from, out temporary)),
                "teams" => TeamsExport.Read(from, pseudonymiser.Of),
                "jira" => JiraExport.Read(from),
                "zendesk" => ZendeskExport.Read(from),
                "mapped" => MappedCsv.Read(from, mapping ?? throw new ArgumentException("--source mapped needs --mapping FILE")),
                _ => throw new ArgumentException($"unknown source '{source}'"),
            };
            return ConnectorWriter.Write(output, to, pseudonymiser, csv, source);
        }
        finally
        {
            if (temporary is not null && Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
    }
}
