using System.Globalization;
using System.Text;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.External;

/// <summary>One annotated (seeker post, response) pair of EPITOME for one mechanism; level 0 (none), 1 (weak), 2 (strong).</summary>
public sealed record EpitomeRow(string SeekerPostId, string ResponsePostId, string SeekerPost, string ResponsePost, int Level, string? Rationales, long Line);

/// <summary>
/// One EPITOME pair with its three mechanism levels, its split (train or test, from split.csv) and the annotators'
/// rationales per mechanism (the response's spans that show the level, separated by '|'; null when none).
/// </summary>
public sealed record EpitomePair(string SeekerPostId, string ResponsePostId, string SeekerPost, string ResponsePost,
    int EmotionalReactions, int Interpretations, int Explorations, string Split,
    string? EmotionalReactionsRationale = null, string? InterpretationsRationale = null, string? ExplorationsRationale = null);

/// <summary>
/// Reads the EPITOME data (Sharma, Miner, Atkins &amp; Althoff 2020, EMNLP), published in the authors' public repository
/// (github.com/behavioral-data/Empathy-Mental-Health, folder <c>dataset/</c>) and never copied into this one: one file per
/// mechanism, rows in the same order across files. A bad row is an error naming file, line and column.
/// </summary>
public static class Epitome
{
    public static readonly string[] Mechanisms = ["emotional-reactions", "interpretations", "explorations"];

    /// <summary>Where a newcomer gets the data.</summary>
    public const string Source = "the dataset/ folder of https://github.com/behavioral-data/Empathy-Mental-Health (research use; cite Sharma et al. 2020, EMNLP)";

    /// <summary>Share of seeker posts in the test split when no split.csv fixes it.</summary>
    public const int TestPercent = 20;

    /// <summary>The split a folder's pairs come with: its split.csv, or the one derived from sp_id.</summary>
    public static string SplitSource(string folder) => File.Exists(Path.Combine(folder, "split.csv"))
        ? "split.csv"
        : $"derived: FNV-1a 64 of sp_id, test when the hash mod 100 < {TestPercent}";

    /// <summary>
    /// The split of a pair without split.csv: by its seeker post (FNV-1a 64 of the UTF-8 sp_id, test when mod 100 &lt; 20),
    /// so every response to one post, and every repeated pair, falls in the same split, on every machine.
    /// </summary>
    public static string DerivedSplit(string seekerPostId)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(seekerPostId)) h = (h ^ b) * 1099511628211UL;
        return h % 100 < TestPercent ? "test" : "train";
    }

    /// <summary>Checks that a folder holds the three EPITOME files, saying what is missing and where to get them.</summary>
    public static void RequireFiles(string folder)
    {
        var missing = Mechanisms.Select(m => Path.GetFileName(FileOf(folder, m))).Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException($"EPITOME is not in '{folder}': {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing. Get the three *-reddit.csv files from {Source}, put them in one folder and pass it with --data");
    }

    public static string FileOf(string folder, string mechanism) => Path.Combine(folder, $"{mechanism}-reddit.csv");

    public static List<EpitomeRow> Read(string path)
    {
        var name = Path.GetFileName(path);
        using var reader = CsvRecordReader.Open(path);
        var header = ReadHeader(reader, name);
        int Col(string c) => Column(header, name, c);
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

    /// <summary>
    /// The three mechanism files joined row by row (they list the same pairs in the same order) with their split from
    /// split.csv when the folder has one (so published figures stay comparable), else from <see cref="DerivedSplit"/>; a pair
    /// missing from split.csv or a row that does not match across files is an error naming file and line.
    /// </summary>
    public static List<EpitomePair> ReadPairs(string folder)
    {
        RequireFiles(folder);
        var files = Mechanisms.Select(m => Read(FileOf(folder, m))).ToArray();
        var splitPath = Path.Combine(folder, "split.csv");
        var splits = File.Exists(splitPath) ? ReadSplit(splitPath) : null;
        var pairs = new List<EpitomePair>(files[0].Count);
        for (var i = 0; i < files[0].Count; i++)
        {
            var er = files[0][i];
            for (var m = 1; m < files.Length; m++)
            {
                if (i >= files[m].Count || files[m][i].SeekerPostId != er.SeekerPostId || files[m][i].ResponsePostId != er.ResponsePostId)
                    throw new DataValidationException(new RowLocation(Path.GetFileName(FileOf(folder, Mechanisms[m])), i < files[m].Count ? files[m][i].Line : er.Line, 1, "sp_id"),
                        $"row {i + 1} is not the pair ({er.SeekerPostId}, {er.ResponsePostId}) of {Path.GetFileName(FileOf(folder, Mechanisms[0]))}");
            }
            string? split;
            if (splits is null) split = DerivedSplit(er.SeekerPostId);
            else if (!splits.TryGetValue((er.SeekerPostId, er.ResponsePostId), out split))
                throw new DataValidationException(new RowLocation(Path.GetFileName(FileOf(folder, Mechanisms[0])), er.Line, 1, "sp_id"),
                    $"the pair ({er.SeekerPostId}, {er.ResponsePostId}) is not in split.csv");
            pairs.Add(new EpitomePair(er.SeekerPostId, er.ResponsePostId, er.SeekerPost, er.ResponsePost, er.Level, files[1][i].Level, files[2][i].Level, split,
                er.Rationales, files[1][i].Rationales, files[2][i].Rationales));
        }
        return pairs;
    }

    static List<string> ReadHeader(CsvRecordReader reader, string name)
    {
        var header = new List<string>();
        if (!reader.Read(header)) throw new DataValidationException(new RowLocation(name, 1, 1, "sp_id"), "the file is empty");
        return header;
    }

    static int Column(List<string> header, string name, string column) => header.IndexOf(column) is var i and >= 0 ? i
        : throw new DataValidationException(new RowLocation(name, 1, header.Count + 1, column), $"missing column '{column}'");

    static Dictionary<(string, string), string> ReadSplit(string path)
    {
        var name = Path.GetFileName(path);
        using var reader = CsvRecordReader.Open(path);
        var header = ReadHeader(reader, name);
        int Col(string c) => Column(header, name, c);
        var (sp, rp, sc) = (Col("sp_id"), Col("rp_id"), Col("split"));
        var map = new Dictionary<(string, string), string>();
        var fields = new List<string>();
        while (reader.Read(fields))
        {
            if (fields.Count != header.Count) throw new DataValidationException(new RowLocation(name, reader.RecordLine, 1, "?"), $"row has {fields.Count} fields, the header has {header.Count}");
            if (fields[sc] is not ("train" or "test" or "dev"))
                throw new DataValidationException(new RowLocation(name, reader.RecordLine, sc + 1, "split"), $"split '{fields[sc]}' is not train, dev or test");
            map[(fields[sp], fields[rp])] = fields[sc];
        }
        return map;
    }
}
