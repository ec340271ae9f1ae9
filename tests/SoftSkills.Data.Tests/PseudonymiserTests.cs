using System.Text;
using SoftSkills.Data.Files;
using SoftSkills.Data.Privacy;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Tests;

public class PseudonymiserTests
{
    static readonly byte[] KeyA = Encoding.UTF8.GetBytes("correct horse battery staple 1");
    static readonly byte[] KeyB = Encoding.UTF8.GetBytes("correct horse battery staple 2");

    [Fact]
    public void Same_key_same_pseudonym_other_key_other_pseudonym()
    {
        var a1 = new Pseudonymiser(KeyA);
        var a2 = new Pseudonymiser(KeyA);
        var b = new Pseudonymiser(KeyB);
        Assert.Equal(a1.Of("S1"), a2.Of("S1"));
        Assert.NotEqual(a1.Of("S1"), b.Of("S1"));
        Assert.NotEqual(a1.Of("S1"), a1.Of("S2"));
        Assert.Matches("^p[0-9a-f]{16}$", a1.Of("S1"));
    }

    [Fact]
    public void Pseudonym_is_the_hmac_sha256_prefix()
    {
        // HMAC-SHA256 with key "key" of "The quick brown fox jumps over the lazy dog" is f7bc83f430538424... (the Wikipedia HMAC example);
        // the key is padded to the minimum length here, so check against the framework's HMAC instead.
        var known = new Pseudonymiser(Encoding.UTF8.GetBytes("0123456789abcdef"));
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("0123456789abcdef"), Encoding.UTF8.GetBytes("S1"));
        Assert.Equal("p" + Convert.ToHexStringLower(mac)[..16], known.Of("S1"));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Pseudonymiser(Encoding.UTF8.GetBytes("short")));
    }

    [Fact]
    public void Import_leaves_no_raw_identifier_and_no_key_in_any_output()
    {
        using var dir = new TempDir();
        var keyText = "import-test-key-0123456789";
        File.WriteAllText(dir.File("key"), keyText + "\n");
        var outDir = dir.File("out");
        Importer.Import(TempDir.Sample, outDir, Pseudonymiser.FromKeyFile(dir.File("key")));

        var raw = new DataFolder(TempDir.Sample).EmployeeIds();
        var imported = new DataFolder(outDir);
        var people = imported.Employees();
        Assert.Equal(raw.Count, people.Count);
        var values = new List<string?>();
        values.AddRange(people.SelectMany(e => new[] { e.EmployeeId, e.ManagerId }));
        values.AddRange(imported.Events().SelectMany(e => new[] { e.ActorId, e.CounterpartId }));
        values.AddRange(imported.Ratings().SelectMany(r => new[] { r.ItemId, r.RaterId }));
        values.AddRange(imported.Outcomes().Select(o => o.SubjectId));
        foreach (var v in values.OfType<string>()) Assert.False(raw.Contains(v), $"raw identifier {v} in the output");
        // Every output file, byte for byte, holds neither the key nor a raw identifier as text.
        foreach (var file in Directory.GetFiles(outDir))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain(keyText, text);
        }
        Assert.All(Directory.GetFiles(outDir), f => Assert.True(f.EndsWith(".parquet", StringComparison.Ordinal) || Path.GetFileName(f) is "manifest.json" or ".softskills-output", f));
        // Pseudonyms keep the structure: same KPI inputs, other names.
        var again = dir.File("again");
        Importer.Import(TempDir.Sample, again, Pseudonymiser.FromKeyFile(dir.File("key")));
        Assert.Equal(people.Select(p => p.EmployeeId), new DataFolder(again).Employees().Select(p => p.EmployeeId));
    }
}
