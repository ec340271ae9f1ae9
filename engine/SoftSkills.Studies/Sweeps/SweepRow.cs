using System.Globalization;
using SoftSkills.Data.Schema;

namespace SoftSkills.Studies.Sweeps;

/// <summary>One replication's summary: its settings and seed, then per KPI (and interval method) the effect figures by column name.</summary>
public sealed record SweepRow(int Replication, ulong Seed, IReadOnlyList<string> Values, IReadOnlyDictionary<string, double?> Effects);

/// <summary>The summary table's columns: replication, seed, one per varied setting, then the effect columns of the plan.</summary>
public sealed class SweepRowCodec(IReadOnlyList<string> parameters, IReadOnlyList<string> effectColumns) : TableCodec<SweepRow>
{
    readonly ColumnDef[] _columns =
    [
        new("replication", ColumnType.Integer, true),
        new("seed", ColumnType.Text, true),
        .. parameters.Select(p => new ColumnDef(p, ColumnType.Text, true)),
        .. effectColumns.Select(c => new ColumnDef(c, ColumnType.Real)),
    ];

    public override string Table => "sweep";
    public override IReadOnlyList<ColumnDef> Columns => _columns;

    public override SweepRow Read(ICellSource row) => new(
        row.Integer(0) ?? throw row.Error(0, "replication is empty"),
        ulong.TryParse(Required(row, 1, "seed"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw row.Error(1, "seed is not a whole number"),
        Enumerable.Range(2, parameters.Count).Select(i => Required(row, i, _columns[i].Name)).ToArray(),
        effectColumns.Select((c, i) => (c, v: row.Real(2 + parameters.Count + i))).ToDictionary(x => x.c, x => x.v));

    public override void Write(SweepRow r, ICellSink sink)
    {
        sink.Integer(0, r.Replication);
        sink.Text(1, r.Seed.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < r.Values.Count; i++) sink.Text(2 + i, r.Values[i]);
        for (var i = 0; i < effectColumns.Count; i++) sink.Real(2 + r.Values.Count + i, r.Effects.GetValueOrDefault(effectColumns[i]));
        sink.EndRow();
    }
}
