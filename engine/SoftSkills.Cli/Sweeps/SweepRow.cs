using System.Globalization;
using SoftSkills.Data.Schema;

namespace SoftSkills.Cli.Sweeps;

/// <summary>One replication's summary: its settings and seed, then per KPI the estimated effect, its 95% interval and the true effect.</summary>
public sealed record SweepRow(int Replication, ulong Seed, IReadOnlyList<string> Values, IReadOnlyList<double?> Effects);

/// <summary>The summary table's columns: replication, seed, one per varied setting, then four per KPI.</summary>
public sealed class SweepRowCodec(IReadOnlyList<string> parameters, IReadOnlyList<string> kpis) : TableCodec<SweepRow>
{
    public static readonly string[] EffectFields = ["estimate", "lower", "upper", "true_effect"];

    readonly ColumnDef[] _columns =
    [
        new("replication", ColumnType.Integer, true),
        new("seed", ColumnType.Text, true),
        .. parameters.Select(p => new ColumnDef(p, ColumnType.Text, true)),
        .. kpis.SelectMany(k => EffectFields.Select(f => new ColumnDef($"{k}_{f}", ColumnType.Real))),
    ];

    public override string Table => "sweep";
    public override IReadOnlyList<ColumnDef> Columns => _columns;

    public override SweepRow Read(ICellSource row) => new(
        row.Integer(0) ?? throw row.Error(0, "replication is empty"),
        ulong.Parse(Required(row, 1, "seed"), CultureInfo.InvariantCulture),
        Enumerable.Range(2, parameters.Count).Select(i => Required(row, i, _columns[i].Name)).ToArray(),
        Enumerable.Range(2 + parameters.Count, kpis.Count * EffectFields.Length).Select(row.Real).ToArray());

    public override void Write(SweepRow r, ICellSink sink)
    {
        sink.Integer(0, r.Replication);
        sink.Text(1, r.Seed.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < r.Values.Count; i++) sink.Text(2 + i, r.Values[i]);
        for (var i = 0; i < r.Effects.Count; i++) sink.Real(2 + r.Values.Count + i, r.Effects[i]);
        sink.EndRow();
    }
}
