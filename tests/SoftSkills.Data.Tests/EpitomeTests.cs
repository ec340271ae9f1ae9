using SoftSkills.Data.External;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Tests;

/// <summary>The EPITOME reader on the real data in ../shared/data (its README's counts), and on bad rows.</summary>
public class EpitomeTests
{
    static string Folder => Requires.EpitomeFolder;

    [SkippableFact]
    public void Reads_the_real_files_with_the_documented_counts()
    {
        // External data is read from beside the checkout, never committed: where it is absent the test is skipped.
        Requires.Data(Folder);
        var rows = Epitome.Read(Epitome.FileOf(Folder, "emotional-reactions"));
        Assert.Equal(3084, rows.Count);
        Assert.Equal([2037, 895, 152], Enumerable.Range(0, 3).Select(l => rows.Count(r => r.Level == l)));
        Assert.Equal(3023, rows.Select(r => (r.SeekerPostId, r.ResponsePostId)).Distinct().Count());
        Assert.Equal(60, Epitome.RepeatedPairs(rows).GetLength(0));
        var interpretations = Epitome.Read(Epitome.FileOf(Folder, "interpretations"));
        Assert.Equal([1626, 114, 1344], Enumerable.Range(0, 3).Select(l => interpretations.Count(r => r.Level == l)));
    }

    [Fact]
    public void A_level_outside_0_to_2_is_located()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("x.csv"), "sp_id,rp_id,seeker_post,response_post,level,rationales\na,b,\"help, please\",\"I hear you\",1,\nc,d,post,reply,3,\n");
        var ex = Assert.Throws<DataValidationException>(() => Epitome.Read(dir.File("x.csv")));
        Assert.Equal(new RowLocation("x.csv", 3, 5, "level"), ex.Where);
    }
}
