using System.Globalization;
using System.Text;
using SoftSkills.Data.Csv;
using SoftSkills.Data.Validation;

namespace SoftSkills.Measurement.Calibration;

/// <summary>
/// Reads the calibration inputs: auto-coded items (<c>item_id, score</c>, an optional <c>confidence</c> (0–1, the coder's
/// confidence in its call "level ≥ 2" or "level &lt; 2", which turns on confidence routing) and stratum columns such as
/// <c>team_id</c>, <c>attr_first_language</c>) and human labels (<c>item_id, score</c>, optionally <c>rater_id, rated_at</c>), scores 0–3.
/// A bad row is an error naming file, line and column.
/// </summary>
public static class CalibrationFiles
{
    public static List<AutoItem> ReadAuto(string path, IReadOnlyList<string> strata)
    {
        var items = new List<AutoItem>();
        Read(path, ["item_id", "score"], (row, get, col) =>
        {
            var parts = strata.Where(s => col(s) >= 0).Select(s => get(s)).ToArray();
            double? confidence = null;
            if (col("confidence") >= 0 && get("confidence").Length > 0)
            {
                if (!double.TryParse(get("confidence"), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || c is < 0 or > 1 || double.IsNaN(c))
                    throw new DataValidationException(new RowLocation(row.File, row.Line, col("confidence") + 1, "confidence"), $"confidence '{get("confidence")}' is not a probability from 0 to 1");
                confidence = c;
            }
            items.Add(new AutoItem(get("item_id"), row.Score, parts.Length == 0 ? "all" : string.Join("|", parts), confidence));
        });
        return items;
    }

    public static List<HumanLabel> ReadHuman(string path)
    {
        var labels = new List<HumanLabel>();
        Read(path, ["item_id", "score"], (row, get, col) =>
        {
            DateTime? at = null;
            if (col("rated_at") >= 0 && get("rated_at").Length > 0)
            {
                if (!DateTime.TryParse(get("rated_at"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                    throw new DataValidationException(new RowLocation(row.File, row.Line, col("rated_at") + 1, "rated_at"), $"'{get("rated_at")}' is not a time");
                at = t;
            }
            labels.Add(new HumanLabel(get("item_id"), row.Score, col("rater_id") >= 0 ? get("rater_id") : null, at));
        });
        return labels;
    }

    readonly record struct Row(string File, long Line, int Score);

    static void Read(string path, string[] required, Action<Row, Func<string, string>, Func<string, int>> onRow)
    {
        var name = Path.GetFileName(path);
        using var reader = CsvRecordReader.Open(path);
        var header = new List<string>();
        if (!reader.Read(header)) throw new DataValidationException(new RowLocation(name, 1, 1, required[0]), "the file is empty");
        foreach (var c in required)
            if (!header.Contains(c)) throw new DataValidationException(new RowLocation(name, 1, header.Count + 1, c), $"missing column '{c}'");
        int Col(string c) => header.IndexOf(c);
        var fields = new List<string>();
        while (reader.Read(fields))
        {
            var line = reader.RecordLine;
            if (fields.Count != header.Count) throw new DataValidationException(new RowLocation(name, line, Math.Min(fields.Count, header.Count) + 1, "?"), $"row has {fields.Count} fields, the header has {header.Count}");
            for (var i = 0; i < fields.Count; i++) fields[i] = CsvFormat.Unescape(fields[i]);   // reads back our own --sample-out
            var id = fields[Col("item_id")];
            if (id.Length == 0) throw new DataValidationException(new RowLocation(name, line, Col("item_id") + 1, "item_id"), "item_id is empty");
            var s = fields[Col("score")];
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score > 3)
                throw new DataValidationException(new RowLocation(name, line, Col("score") + 1, "score"), $"score '{s}' is not a rubric level 0–3");
            onRow(new Row(name, line, score), c => fields[Col(c)], Col);
        }
    }
}
