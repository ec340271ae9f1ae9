using System.Globalization;
using System.Text;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.External;

/// <summary>One annotated (seeker post, response) pair of EPITOME for one mechanism; level 0 (none), 1 (weak), 2 (strong).</summary>
public sealed record EpitomeRow(string SeekerPostId, string ResponsePostId, string SeekerPost, string ResponsePost, int Level, string? Rationales, long Line);

/// <summary>
/// Reads the EPITOME data (Sharma, Miner, Atkins &amp; Althoff 2020, EMNLP; read from ../shared/data/epitome, never copied):
/// one file per mechanism, rows in the same order across files. A bad row is an error naming file, line and column.
/// </summary>
public static class Epitome
{
    public static readonly string[] Mechanisms = ["emotional-reactions", "interpretations", "explorations"];

    public static string FileOf(string folder, string mechanism) => Path.Combine(folder, $"{mechanism}-reddit.csv");

    public static List<EpitomeRow> Read(string path)
    {
        var name = Path.GetFileName(path);
        using var reader = new CsvRecordReader(new StreamReader(path, Encoding.UTF8));
        var header = new List<string>();
        if (!reader.Read(header)) throw new DataValidationException(new RowLocation(name, 1, 1, "sp_id"), "the file is empty");
        int Col(string c) => header.IndexOf(c) is var i and >= 0 ? i
            : throw new DataValidationException(new RowLocation(name, 1, header.Count + 1, c), $"missing column '{c}'");
        var (sp, rp, seeker, response, level, rationales) = (Col("sp_id"), Col("rp_id"), Col("seeker_post"), Col("response_post"), Col("level"), Col("rationales"));
        var rows = new List<EpitomeRow>();
        var fields = new List<string>();
        while (reader.Read(fields))
        {
            var line = reader.RecordLine;
            if (fields.Count != header.Count) throw new DataValidationException(new RowLocation(name, line, Math.Min(fields.Count, header.Count) + 1, "?"), $"row has {fields.Count} fields, the header has {header.Count}");
            if (!int.TryParse(fields[level], NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l is < 0 or > 2)
                throw new DataValidationException(new RowLocation(name, line, level + 1, "level"), $"level '{fields[level]}' is not 0, 1 or 2");
            if (string.IsNullOrWhiteSpace(fields[response])) throw new DataValidationException(new RowLocation(name, line, response + 1, "response_post"), "response_post is empty");
            rows.Add(new EpitomeRow(fields[sp], fields[rp], fields[seeker], fields[response], l, fields[rationales].Length == 0 ? null : fields[rationales], line));
        }
        return rows;
    }

    /// <summary>
    /// The pairs annotated more than once (60 in EPITOME), as a pairs × annotations matrix of levels (NaN beyond a pair's
    /// count): a small real sample of annotator agreement.
    /// </summary>
    public static double[,] RepeatedPairs(IReadOnlyList<EpitomeRow> rows)
    {
        var repeated = rows.GroupBy(r => (r.SeekerPostId, r.ResponsePostId)).Where(g => g.Count() > 1).Select(g => g.Select(r => (double)r.Level).ToArray()).ToList();
        var width = repeated.Count == 0 ? 0 : repeated.Max(r => r.Length);
        var m = new double[repeated.Count, width];
        for (var i = 0; i < repeated.Count; i++)
            for (var j = 0; j < width; j++) m[i, j] = j < repeated[i].Length ? repeated[i][j] : double.NaN;
        return m;
    }
}
