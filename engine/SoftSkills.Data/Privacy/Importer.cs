using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Privacy;

/// <summary>Imports a folder of real exports: validates every row, pseudonymises person identifiers, writes Parquet.</summary>
public static class Importer
{
    /// <summary>Imports every table present in <paramref name="from"/>; nothing is written unless all tables pass.</summary>
    public static IReadOnlyDictionary<string, ReadReport> Import(string from, string to, Pseudonymiser pseudonymiser, ReadOptions options)
    {
        var source = new DataFolder(from, options);
        var employees = source.Employees();
        var ids = source.EmployeeIds();
        using var outputs = new AtomicOutputs();
        string Out(string table) => Path.Combine(to, table + ".parquet");

        TableFile.Write(outputs, Out("employees"), new EmployeeCodec(source.AttributeColumns()), employees.Select(pseudonymiser.Apply));
        // Every event id was checked for duplicates on the way in: record that, so later reads need not keep every id.
        TableFile.Write(outputs, Out("events"), new EventCodec(), source.Events().Select(pseudonymiser.Apply), uniqueIds: "event_id");
        if (source.FileOf("ratings") is not null)
            TableFile.Write(outputs, Out("ratings"), new RatingCodec(), source.Ratings().Select(r => pseudonymiser.Apply(r, ids)));
        if (source.FileOf("outcomes") is not null)
            TableFile.Write(outputs, Out("outcomes"), new OutcomeCodec(), source.Outcomes().Select(pseudonymiser.Apply));
        if (source.FileOf("interventions") is not null)
            TableFile.Write(outputs, Out("interventions"), new InterventionCodec(), source.Interventions().Select(pseudonymiser.Apply));
        if (source.FileOf("truth") is not null)
            TableFile.Write(outputs, Out("truth"), new TruthCodec(), source.Truth().Select(pseudonymiser.Apply));
        outputs.Commit();
        return source.Reports;
    }
}
