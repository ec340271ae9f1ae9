using System.Text;
using SoftSkills.Data.Files;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Tests;

/// <summary>Import on real-export shapes: identifying columns refused unless told, names and addresses redacted in texts, all-or-nothing folders.</summary>
public class ImportTests
{
    static Pseudonymiser Key => new(Encoding.UTF8.GetBytes("import-tests-key-0123456789"));

    /// <summary>A copy of the sample with extra employee columns.</summary>
    static string SampleWith(TempDir dir, string header, Func<int, string, string> extra, Func<string, string>? events = null)
    {
        var data = dir.File("data");
        Directory.CreateDirectory(data);
        foreach (var f in Directory.GetFiles(TempDir.Sample, "*.csv")) File.Copy(f, Path.Combine(data, Path.GetFileName(f)));
        var lines = File.ReadAllLines(Path.Combine(data, "employees.csv"));
        File.WriteAllLines(Path.Combine(data, "employees.csv"), lines.Select((l, i) => i == 0 ? l + "," + header : l + "," + extra(i, l.Split(',')[0])));
        if (events is not null) File.WriteAllText(Path.Combine(data, "events.csv"), events(File.ReadAllText(Path.Combine(data, "events.csv"))));
        return data;
    }

    static readonly string[] First = ["Anna", "Bert", "Carla", "Dmitri", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars", "Mona", "Nils", "Olga", "Pavel"];

    [Theory]
    [InlineData("attr_email", "e-mail addresses")]
    [InlineData("attr_full_name", "personal names")]
    [InlineData("attr_badge", "a different value for every person")]
    public void A_column_that_identifies_people_is_refused_naming_it(string column, string why)
    {
        using var dir = new TempDir();
        var data = SampleWith(dir, column, (i, id) => column switch
        {
            "attr_email" => $"{First[i - 1].ToLowerInvariant()}@corp.example",
            "attr_full_name" => $"{First[i - 1]} Example",
            _ => $"B-{1000 + i}",
        });
        var ex = Assert.ThrowsAny<DataValidationException>(() => Importer.Import(data, dir.File("out"), Key));
        Assert.Contains(column, ex.Message);
        Assert.Contains(why, ex.Message);
        Assert.False(Directory.Exists(dir.File("out")));
        // Told what to do, the import goes ahead: dropped, the column is gone; pseudonymised, no value survives.
        Importer.Import(data, dir.File("dropped"), Key, new ImportOptions { DropAttributes = new HashSet<string> { column } });
        Assert.DoesNotContain(column, new DataFolder(dir.File("dropped")).AttributeColumns());
        Importer.Import(data, dir.File("hashed"), Key, new ImportOptions { PseudonymiseAttributes = new HashSet<string> { column } });
        var values = new DataFolder(dir.File("hashed")).Employees().Select(e => e.Attribute(column)).ToList();
        Assert.All(values, v => Assert.Matches("^p[0-9a-f]{16}$", v));
        Assert.Equal(16, values.Distinct().Count()); // still linkable
    }

    [Fact]
    public void Names_addresses_and_ids_in_texts_become_pseudonyms()
    {
        using var dir = new TempDir();
        var data = SampleWith(dir, "name,email", (i, id) => $"{First[i - 1]} Example,{First[i - 1].ToLowerInvariant()}@corp.example",
            events => events.Replace("Quick sync?", "\"Quick sync, Anna Example? Mail bert@corp.example or ask Carla (S3).\""));
        Importer.Import(data, dir.File("out"), Key);
        var texts = new DataFolder(dir.File("out")).Events().Where(e => e.Text?.StartsWith("Quick sync") == true).Select(e => e.Text!).ToList();
        Assert.NotEmpty(texts);
        var anna = Key.Of("S1");
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("Anna", t);
            Assert.DoesNotContain("bert@corp.example", t);
            Assert.DoesNotContain("Carla", t);
            Assert.DoesNotContain("S3", t);
            Assert.Equal($"Quick sync, {anna}? Mail {Key.Of("S2")} or ask {Key.Of("S3")} ({Key.Of("S3")}).", t);
        });
        // The identity columns themselves are never written.
        var bytes = string.Concat(Directory.GetFiles(dir.File("out")).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain("Example", bytes);
        Assert.DoesNotContain("corp.example", bytes);
    }

    [Fact]
    public void A_reimport_replaces_the_whole_folder_and_a_failed_one_leaves_the_previous_untouched()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        Importer.Import(TempDir.Sample, outDir, Key);
        Assert.True(File.Exists(Path.Combine(outDir, "outcomes.parquet")));
        // A second import from a folder without outcomes leaves no stale outcomes table behind.
        var data = dir.File("data");
        Directory.CreateDirectory(data);
        foreach (var f in new[] { "employees.csv", "events.csv" }) File.Copy(Path.Combine(TempDir.Sample, f), Path.Combine(data, f));
        Importer.Import(data, outDir, Key);
        Assert.False(File.Exists(Path.Combine(outDir, "outcomes.parquet")));
        var before = Directory.GetFiles(outDir).ToDictionary(f => f, File.ReadAllBytes);
        // A failing import (a bad row) changes nothing.
        File.AppendAllText(Path.Combine(data, "events.csv"), "bad,row\n");
        Assert.ThrowsAny<DataValidationException>(() => Importer.Import(data, outDir, Key));
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(outDir).Order());
        foreach (var (f, b) in before) Assert.Equal(b, File.ReadAllBytes(f));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path, ".out.*")); // no staging folder left
    }

    [Fact]
    public void A_folder_of_someone_elses_files_is_never_replaced()
    {
        using var dir = new TempDir();
        var outDir = dir.File("mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "thesis.docx"), "years of work");
        Assert.Throws<OutputPathException>(() => Importer.Import(TempDir.Sample, outDir, Key));
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(outDir, "thesis.docx")));
    }

    [Fact]
    public void Duplicate_ids_are_trusted_only_from_a_manifest_that_still_matches_the_file()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        Importer.Import(TempDir.Sample, outDir, Key);
        var events = Path.Combine(outDir, "events.parquet");
        Assert.True(FolderManifest.TrustsUniqueIds(outDir, events, "event_id"));
        // Rewrite the events with a duplicated row: the manifest's SHA-256 no longer matches, so the ids are checked again.
        var rows = new DataFolder(outDir).Events().ToList();
        TableFile.Write(events, new Schema.EventCodec(), rows.Append(rows[0]));
        Assert.False(FolderManifest.TrustsUniqueIds(outDir, events, "event_id"));
        var ex = Assert.Throws<DataValidationException>(() => new DataFolder(outDir).Events().Count());
        Assert.Contains("duplicate event_id", ex.Message);
    }
}
