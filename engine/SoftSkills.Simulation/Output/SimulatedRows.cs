using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Output;

/// <summary>
/// Writes simulated events as rows of <c>events</c> (the columns of <see cref="EventCodec"/>): ids, employees, teams and
/// names are formatted straight to UTF-8, so writing a day makes no strings. Write-only.
/// </summary>
sealed class SimEventCodec(Roster roster) : TableCodec<SimEvent>
{
    static readonly IReadOnlyList<ColumnDef> All = new EventCodec().Columns;
    static readonly byte[][] Kinds = [.. Enum.GetValues<EventKind>().Select(k => Encoding.UTF8.GetBytes(EnumNames.Of(k)))];
    static readonly byte[][] Channels = [.. Enum.GetValues<Channel>().Select(c => Encoding.UTF8.GetBytes(EnumNames.Of(c)))];
    static readonly byte[][] Outcomes = [.. Enum.GetValues<DecisionOutcome>().Select(o => Encoding.UTF8.GetBytes(EnumNames.Of(o)))];
    readonly byte[][] _teams = [.. roster.TeamNames.Select(Encoding.UTF8.GetBytes)];
    readonly int[] _teamOf = [.. Enumerable.Range(0, roster.Employees).Select(roster.TeamOf)];

    public override string Table => "events";
    public override IReadOnlyList<ColumnDef> Columns => All;
    public override SimEvent Read(ICellSource row) => throw new NotSupportedException("simulated events are written, not read");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(SimEvent e, ICellSink sink)
    {
        Span<byte> id = stackalloc byte[40];
        sink.Utf8(0, id[..e.Id.WriteUtf8(id)]);
        sink.Timestamp(1, e.Timestamp);
        sink.Utf8(2, Kinds[(int)e.Kind]);
        if (e.FromCustomer) sink.Text(3, null);
        else sink.Utf8(3, id[..EmployeeId(e.Id.Employee, id)]);
        if (e.Counterpart < 0) sink.Text(4, null);
        else sink.Utf8(4, id[..EmployeeId(e.Counterpart, id)]);
        sink.Utf8(5, _teams[_teamOf[e.Id.Employee]]);
        sink.Text(6, null);
        sink.Utf8(7, Channels[(int)e.Channel]);
        sink.Text(8, e.Text);
        if (e.ResponseTo.IsNone) sink.Text(9, null);
        else sink.Utf8(9, id[..e.ResponseTo.WriteUtf8(id)]);
        sink.Text(10, e.DecisionType);
        if (e.Outcome is { } o) sink.Utf8(11, Outcomes[(int)o]);
        else sink.Text(11, null);
        sink.Boolean(12, e.Reversed);
        sink.Boolean(13, e.HandoffAccepted);
        sink.Boolean(14, e.ContextComplete);
        sink.Boolean(15, e.Reworked);
        sink.Real(16, e.DurationMinutes);
        sink.EndRow();
    }

    /// <summary><see cref="Roster.EmployeeId"/> as UTF-8.</summary>
    static int EmployeeId(int index, Span<byte> destination) =>
        Utf8.TryWrite(destination, $"E{index + 1:D6}", out var written) ? written : throw new ArgumentException("buffer too small", nameof(destination));
}

/// <summary>Writes simulated ratings as rows of <c>ratings</c> (the columns of <see cref="RatingCodec"/>). Write-only.</summary>
sealed class SimRatingCodec : TableCodec<SimRating>
{
    static readonly IReadOnlyList<ColumnDef> All = new RatingCodec().Columns;
    static readonly byte[] Auto = Encoding.UTF8.GetBytes(EnumNames.Of(RaterKind.Auto)), Human = Encoding.UTF8.GetBytes(EnumNames.Of(RaterKind.Human));
    static readonly byte[] Res = Encoding.UTF8.GetBytes(EnumNames.Of(Kpi.Res));

    public override string Table => "ratings";
    public override IReadOnlyList<ColumnDef> Columns => All;
    public override SimRating Read(ICellSource row) => throw new NotSupportedException("simulated ratings are written, not read");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(SimRating r, ICellSink sink)
    {
        Span<byte> id = stackalloc byte[40];
        sink.Utf8(0, id[..r.Item.WriteUtf8(id)]);
        sink.Text(1, r.RaterId);
        sink.Utf8(2, r.RaterKind == RaterKind.Auto ? Auto : Human);
        sink.Utf8(3, Res);
        sink.Text(4, null);
        sink.Integer(5, r.Score);
        sink.Timestamp(6, new DateTime(r.Ticks, DateTimeKind.Utc));
        sink.EndRow();
    }
}
