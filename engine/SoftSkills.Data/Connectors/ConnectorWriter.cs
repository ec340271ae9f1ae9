using System.Text.Json.Nodes;
using SoftSkills.Data.Files;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// What a connector read from an export, in raw source ids: the employees, the people directory (for redaction), the
/// events in batches (each batch is sorted on output; the batches themselves come in time order, e.g. one per day), and
/// outcomes.
/// </summary>
public sealed record ConnectorOutput(
    IReadOnlyList<Employee> Employees,
    PersonDirectory People,
    IEnumerable<List<Event>> EventBatches,
    IReadOnlyList<Outcome> Outcomes,
    ImportSummary Summary)
{
    /// <summary>The connector guarantees unique event ids itself (a streaming source, where keeping every id would cost memory per event).</summary>
    public bool UniqueIds { get; init; }
}

/// <summary>
/// Writes a connector's output as a data folder, all or nothing: person ids pseudonymised, mentions resolved to
/// pseudonyms, employees' names and addresses in text replaced by their pseudonyms and outside parties' by "[person]".
/// </summary>
public static class ConnectorWriter
{
    public static ImportSummary Write(ConnectorOutput output, string to, Pseudonymiser pseudonymiser, bool csv, string source)
    {
        var (names, emails, outsiders) = output.People.Identities();
        // Every person the export calls an employee is redacted, also those who are in no event (a whole directory).
        var redactor = new TextRedactor(
            names.Keys.Select(id => (id, (IReadOnlyList<string>)names[id], (IReadOnlyList<string>)(emails.GetValueOrDefault(id) ?? []))),
            outsiders.Select(o => ((IReadOnlyList<string>)o.Names, (IReadOnlyList<string>)o.Emails)), pseudonymiser);
        var summary = output.Summary;
        var ext = csv ? ".csv" : ".parquet";
        string Mention(string id) => output.People.IsEmployee(id) ? pseudonymiser.Of(id) : "[person]";
        long mentioned = 0;

        var ids = new HashSet<ulong>(); // 64-bit hashes of the event ids written: 8 bytes per event
        IEnumerable<Event> Events()
        {
            foreach (var batch in output.EventBatches)
            {
                batch.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : string.CompareOrdinal(a.EventId, b.EventId));
                foreach (var e in batch)
                {
                    if (!output.UniqueIds && !ids.Add(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(e.EventId))))
                        throw new DataValidationException(new RowLocation(source + " export", 0, 0, "-"), $"event id '{e.EventId}' comes twice: the export repeats a record (overlapping pages?)");
                    var kind = EnumNames.Of(e.Kind);
                    summary.EventsByKind[kind] = summary.EventsByKind.GetValueOrDefault(kind) + 1;
                    var p = pseudonymiser.Apply(e);
                    if (p.Text is { } t)
                    {
                        var before = redactor.Redacted;
                        var marked = Mentions.Resolve(t, Mention, out t);
                        t = redactor.Redact(t);
                        if (marked && redactor.Redacted == before) mentioned++;
                        p = p with { Text = t };
                    }
                    yield return p;
                }
            }
        }

        using var folder = new AtomicFolder(to);
        string Out(string table) => Path.Combine(folder.Path, table + ext);
        var rows = new Dictionary<string, long>();
        using (var outputs = new AtomicOutputs())
        {
            var attributes = output.Employees.SelectMany(e => e.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            rows["employees" + ext] = TableFile.Write(outputs, Out("employees"), new EmployeeCodec(attributes), output.Employees.Select(pseudonymiser.Apply));
            rows["events" + ext] = TableFile.Write(outputs, Out("events"), new EventCodec(), Events());
            if (output.Outcomes.Count > 0)
                rows["outcomes" + ext] = TableFile.Write(outputs, Out("outcomes"), new OutcomeCodec(), output.Outcomes.Select(pseudonymiser.Apply));
            outputs.Commit();
        }
        FolderManifest.Write(folder.Path, rows, new Dictionary<string, string> { ["events" + ext] = "event_id" },
            new JsonObject { ["written_by"] = $"softskills import --source {source}", ["pseudonymised"] = true });
        folder.Commit();
        foreach (var (file, n) in rows) summary.Tables[Path.GetFileNameWithoutExtension(file)] = n;
        summary.TextsRedacted = redactor.Redacted + mentioned;
        return summary;
    }
}
