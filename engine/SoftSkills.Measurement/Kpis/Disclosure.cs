using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// Disclosure control of published KPI values (docs/design.md, "Privacy"). Primary: a value is withheld when fewer than
/// the minimum number of distinct people acted in a way it counts. Complementary: within one output, when cells add up
/// to another (a team and its segments, an organisation and its teams, a total and its decision types, a window and its
/// weeks), no withheld cell and no remainder resting on fewer people may be derivable by subtraction; more cells are
/// withheld until none is (the cell-suppression principle of official statistics: Hundepool et al. 2012, "Statistical
/// Disclosure Control", Wiley, ch. 4).
/// </summary>
public static class Disclosure
{
    public const string DerivableReason = "withheld so that a smaller group's value cannot be derived by subtraction";

    /// <summary>Why a value resting on too few people is withheld.</summary>
    public static string TooFew(Kpi kpi, int minimum) => $"fewer than {minimum} {kpi switch
    {
        Kpi.Res => "people replying",
        Kpi.Ci => "participants",
        Kpi.Dqr => "deciders",
        _ => "people handing work off",
    }}";

    /// <summary>Primary suppression of one row: every cell with data but fewer than <paramref name="minimum"/> people is withheld.</summary>
    public static KpiRow WithholdSmall(KpiRow row, int minimum)
    {
        if (minimum <= 1 || row.Suppressed) return row;
        var small = row.Cells.Where(c => c.Value.N > 0 && c.Value.People < minimum).Select(c => c.Key).OrderBy(k => k.Contains('/')).ToList();
        foreach (var key in small) row = row.WithholdPart(key, TooFew(CellKey.Split(key).Kpi, minimum));
        return row;
    }
}

/// <summary>
/// The KPI reports published together in one output, and how their cells add up. <see cref="Apply"/> returns them with
/// complementary suppression applied. Reports added as unpublished take part in the sums but are never shown.
/// </summary>
public sealed class Publication(int minimum)
{
    sealed class Cell(int report, int row, string key, CellCounts counts, bool published)
    {
        public readonly int Report = report, Row = row;
        public readonly string Key = key;
        public readonly int N = counts.N, People = counts.People;
        public readonly int[]? Small = counts.SmallSet;
        public bool Published = published;
        public bool IsPart => Key.Contains('/');
        public List<Cell>? Parts; // a KPI cell's breakdown: withheld with it
        public int Id = -1;       // position in the derivation arrays (Resolve)
    }

    sealed record Family(Cell Parent, List<Cell> Children, bool DisjointPeople);

    readonly List<(KpiReport Report, bool Published)> _reports = [];
    readonly List<Dictionary<(int Row, string Key), Cell>> _cells = [];
    readonly List<Family> _families = [];

    /// <summary>Adds a report; returns its index for <see cref="Nest"/> and <see cref="Sum"/>.</summary>
    public int Add(KpiReport report, bool published = true)
    {
        if (minimum > 1 && report.MinGroupSize != minimum)
            throw new ArgumentException($"a report computed with minimum group size {report.MinGroupSize} cannot be published under {minimum}");
        var index = _reports.Count;
        _reports.Add((report, published));
        var cells = new Dictionary<(int, string), Cell>();
        for (var r = 0; r < report.Rows.Count; r++)
        {
            var row = report.Rows[r];
            var rowCells = new List<Cell>(row.Cells.Count);
            foreach (var (key, counts) in row.Cells)
                rowCells.Add(cells[(r, key)] = new Cell(index, r, key, counts, published && !row.Suppressed && IsShown(row, key)));
            // A KPI is the sum of its breakdown (DQR over decision types, RES over channels).
            foreach (var kpi in new[] { "dqr", "res" })
            {
                if (!cells.TryGetValue((r, kpi), out var total)) continue;
                var parts = rowCells.Where(c => c.Key.StartsWith(kpi + "/", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
                if (parts.Count == 0) continue;
                total.Parts = parts;
                _families.Add(new Family(total, parts, DisjointPeople: false));
            }
        }
        _cells.Add(cells);
        return index;
    }

    static bool IsShown(KpiRow row, string key)
    {
        var (kpi, part) = CellKey.Split(key);
        if (row.Withheld?.ContainsKey(kpi) == true) return false;
        if (part is null) return true;
        var shares = kpi == Kpi.Dqr ? row.DqrByType : row.ResByChannel;
        return shares is not null && shares.TryGetValue(part, out var s) && s.Withheld is null;
    }

    /// <summary>
    /// The groups of <paramref name="child"/> (a finer grouping of the same people over the same periods) that lie inside a
    /// group of <paramref name="parent"/> add up to it, with the rest of the parent's people as an unpublished remainder.
    /// </summary>
    public void Nest(int parent, int child)
    {
        var (p, c) = (_reports[parent].Report, _reports[child].Report);
        var pg = p.Grouping ?? throw new ArgumentException("the parent report has no grouping");
        var cg = c.Grouping ?? throw new ArgumentException("the child report has no grouping");
        if (pg.EmployeeCount != cg.EmployeeCount) throw new ArgumentException("nested reports must group the same employees");
        // The parent group of each child group, or -1 when its members span several.
        var inside = new int[cg.Groups.Count];
        Array.Fill(inside, -2);
        for (var e = 0; e < cg.EmployeeCount; e++)
        {
            var (cgroup, pgroup) = (cg.GroupOf(e), pg.GroupOf(e));
            inside[cgroup] = inside[cgroup] == -2 || inside[cgroup] == pgroup ? pgroup : -1;
        }
        var childRows = c.Rows.Select((row, i) => (row, i)).ToLookup(x => (x.row.PeriodStart, x.row.Group));
        var childGroupIndex = cg.Groups.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var nestedGroups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var g = 0; g < cg.Groups.Count; g++)
            if (inside[g] >= 0) (nestedGroups.TryGetValue(pg.Groups[inside[g]], out var l) ? l : nestedGroups[pg.Groups[inside[g]]] = []).Add(cg.Groups[g]);
        for (var r = 0; r < p.Rows.Count; r++)
        {
            var row = p.Rows[r];
            if (!nestedGroups.TryGetValue(row.Group, out var groups)) continue;
            var children = groups.SelectMany(g => childRows[(row.PeriodStart, g)]).ToList();
            foreach (var key in row.Cells.Keys)
            {
                var parentCell = _cells[parent][(r, key)];
                var parts = children.Where(x => x.row.Cells.ContainsKey(key)).Select(x => _cells[child][(x.i, key)]).ToList();
                var rest = new CellCounts(parentCell.N - parts.Sum(x => x.N), parentCell.People - parts.Sum(x => x.People), null);
                if (rest.N > 0 || rest.People > 0) parts.Add(new Cell(-1, -1, key, rest, published: false));
                if (parts.Count > 0) _families.Add(new Family(parentCell, parts, DisjointPeople: true));
            }
        }
    }

    /// <summary>
    /// Each group's row in <paramref name="parent"/> is the sum of the same group's rows in <paramref name="children"/> whose
    /// periods overlap the parent's (a window and its weeks; a window and its baseline and remainder). The caller makes the
    /// periods line up; a count that does not add up is an error.
    /// </summary>
    public void Sum(int parent, params int[] children)
    {
        var p = _reports[parent].Report;
        var byGroup = children.SelectMany(c => _reports[c].Report.Rows.Select((x, i) => (c, x, i))).ToLookup(x => x.x.Group, StringComparer.Ordinal);
        for (var r = 0; r < p.Rows.Count; r++)
        {
            var row = p.Rows[r];
            var (from, to) = Span(p, row);
            var rows = byGroup[row.Group].Where(x => Span(_reports[x.c].Report, x.x) is var s && s.From <= to && s.To >= from).ToList();
            if (rows.Count == 0) continue;
            // CI counts distinct pairs and censors requests at a window's edges: it does not add up over periods.
            foreach (var key in row.Cells.Keys.Where(k => k != "ci"))
            {
                var parts = rows.Where(x => x.x.Cells.ContainsKey(key)).Select(x => _cells[x.c][(x.i, key)]).ToList();
                var gap = _cells[parent][(r, key)].N - parts.Sum(x => x.N);
                if (gap != 0) throw new ArgumentException($"the periods of report {string.Join(",", children)} do not add up to report {parent} ({row.Group}, {key}: {gap} unaccounted)");
                _families.Add(new Family(_cells[parent][(r, key)], parts, DisjointPeople: false));
            }
        }
    }

    static (DateOnly From, DateOnly To) Span(KpiReport report, KpiRow row) => row.Period switch
    {
        PeriodKind.Day => (row.PeriodStart, row.PeriodStart),
        PeriodKind.Week => (row.PeriodStart, row.PeriodStart.AddDays(6)),
        _ => (report.FirstDay ?? row.PeriodStart, report.LastDay ?? DateOnly.MaxValue),
    };

    /// <summary>The reports with every cell withheld that would otherwise let a smaller group's value be derived.</summary>
    public IReadOnlyList<KpiReport> Apply()
    {
        if (minimum > 1) Resolve();
        return _reports.Select((x, i) => Withhold(x.Report, i)).ToList();
    }

    void Resolve()
    {
        var graph = new Graph(_cells, _families);
        for (var round = 0; ; round++)
        {
            var derived = graph.Propagate();
            var withheld = new HashSet<Cell>();
            foreach (var (family, hidden) in Violations(derived))
            {
                if (withheld.Overlaps(family.Children) || withheld.Contains(family.Parent)) continue; // this round already changed it
                // Cells withheld earlier in this round make the derivations stale: such a violation waits for the next round.
                var cell = Choose(family, hidden, derived, depth: 0, []);
                if (cell is null && withheld.Count > 0) continue;
                if (cell is null)
                    throw new InvalidOperationException($"disclosure control found no published cell to withhold for {family.Parent.Key} (report {family.Parent.Report}, row {family.Parent.Row})");
                Hide(cell);
                graph.Withhold(cell);
                withheld.Add(cell);
            }
            if (withheld.Count == 0) return;
            if (round > 100_000) throw new InvalidOperationException("disclosure control did not converge");
        }
    }

    void Hide(Cell cell)
    {
        cell.Published = false;
        if (cell.Parts is { } parts) foreach (var p in parts) p.Published = false;
    }

    /// <summary>The cells that are known (published or derived), and the family each derived cell follows from, in order.</summary>
    sealed class Derivation(Graph graph)
    {
        public bool Known(Cell c) => graph.Known[c.Id];
        public Family? By(Cell c) => graph.By[c.Id] is var f and >= 0 ? graph.Families[f] : null;

        /// <summary>The derived cells in the order they were derived.</summary>
        public IEnumerable<Cell> Order => graph.Order.Select(id => graph.Cells[id]);

        /// <summary>The families whose parent is known and whose unknown children have data but, by their counts alone, may rest on fewer than the minimum people.</summary>
        public IEnumerable<Family> Suspects(int minimum) => graph.Suspects(minimum).Select(i => graph.Families[i]);
    }

    /// <summary>
    /// The cells and families as flat arrays, for the rounds of <see cref="Resolve"/>: every cell numbered, its counts, the
    /// families' parents and children by number, and the families each cell belongs to. The arrays of a derivation are
    /// reused from round to round (a round's derivation is used before the next is made).
    /// </summary>
    sealed class Graph
    {
        public readonly List<Family> Families;
        public readonly Cell[] Cells;
        readonly int[] _n, _people, _parent, _childStart, _children;
        readonly bool[] _disjoint, _published;
        readonly int[][] _membership;
        public readonly bool[] Known;
        public readonly int[] By;
        public readonly List<int> Order = [];
        readonly ulong[] _current, _next;

        public Graph(List<Dictionary<(int Row, string Key), Cell>> reports, List<Family> families)
        {
            Families = families;
            var cells = new List<Cell>();
            var membership = new List<List<int>>();
            void Number(Cell c)
            {
                if (c.Id >= 0) return;
                c.Id = cells.Count;
                cells.Add(c);
                membership.Add([]);
            }
            // Numbers from an earlier Apply are stale (families may have been added since).
            foreach (var report in reports) foreach (var c in report.Values) c.Id = -1;
            foreach (var f in families) foreach (var c in f.Children.Append(f.Parent)) c.Id = -1;
            foreach (var report in reports) foreach (var c in report.Values) Number(c);
            _parent = new int[families.Count];
            _childStart = new int[families.Count + 1];
            _disjoint = new bool[families.Count];
            var children = new List<int>();
            for (var i = 0; i < families.Count; i++)
            {
                var f = families[i];
                Number(f.Parent);
                membership[f.Parent.Id].Add(i);
                _parent[i] = f.Parent.Id;
                _disjoint[i] = f.DisjointPeople;
                _childStart[i] = children.Count;
                foreach (var c in f.Children)
                {
                    Number(c);
                    membership[c.Id].Add(i);
                    children.Add(c.Id);
                }
            }
            _childStart[families.Count] = children.Count;
            _children = children.ToArray();
            Cells = cells.ToArray();
            _n = Cells.Select(c => c.N).ToArray();
            _people = Cells.Select(c => c.People).ToArray();
            _membership = membership.Select(m => m.ToArray()).ToArray();
            _published = Cells.Select(c => c.Published).ToArray();
            Known = new bool[Cells.Length];
            By = new int[Cells.Length];
            _current = new ulong[(families.Count + 63) / 64];
            _next = new ulong[_current.Length];
        }

        /// <summary>
        /// Every cell that is published or follows from published cells, and the family it follows from. Defined as
        /// passes over the families in order until a pass changes nothing (a family with its parent known and one child
        /// unknown gives that child; one with every child known gives its parent). Only a family one of whose cells became
        /// known can change on a later evaluation, so just those are evaluated again, at the place the passes would reach
        /// them next: the same cells follow from the same families in the same order, in time linear in the families' sizes.
        /// </summary>
        public Derivation Propagate()
        {
            Array.Copy(_published, Known, Known.Length);
            Array.Fill(By, -1);
            Order.Clear();
            var (current, next) = (_current, _next);
            Array.Clear(next);
            Array.Fill(current, ulong.MaxValue);
            if (Families.Count % 64 != 0) current[^1] = (1UL << (Families.Count % 64)) - 1;
            for (var pending = Families.Count > 0; pending;)
            {
                for (var w = 0; w < current.Length; w++)
                    while (current[w] != 0)
                    {
                        var i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(current[w]);
                        current[w] &= current[w] - 1;
                        int unknown = -1, unknownCount = 0;
                        for (var k = _childStart[i]; k < _childStart[i + 1]; k++)
                            if (!Known[_children[k]] && unknownCount++ == 0) unknown = _children[k];
                        var learnt = Known[_parent[i]] ? (unknownCount == 1 ? unknown : -1) : (unknownCount == 0 ? _parent[i] : -1);
                        if (learnt < 0) continue;
                        Known[learnt] = true;
                        By[learnt] = i;
                        Order.Add(learnt);
                        // Families later in this pass see the change in this pass; the others in the next pass.
                        foreach (var j in _membership[learnt])
                            if (j > i) current[j >> 6] |= 1UL << j;
                            else next[j >> 6] |= 1UL << j;
                    }
                (current, next) = (next, current);
                pending = Array.Exists(current, word => word != 0);
            }
            return new Derivation(this);
        }

        /// <summary>Records that a cell (and its breakdown) is no longer published, as <see cref="Hide"/> did to the cells.</summary>
        public void Withhold(Cell cell)
        {
            _published[cell.Id] = false;
            if (cell.Parts is { } parts) foreach (var p in parts) _published[p.Id] = false;
        }

        /// <summary>See <see cref="Derivation.Suspects"/>; in family order.</summary>
        public IEnumerable<int> Suspects(int minimum)
        {
            for (var i = 0; i < Families.Count; i++)
            {
                if (!Known[_parent[i]]) continue;
                int count = 0, n = 0, people = 0;
                var large = false;
                for (var k = _childStart[i]; k < _childStart[i + 1]; k++)
                {
                    var c = _children[k];
                    if (Known[c]) continue;
                    count++;
                    n += _n[c];
                    people += _people[c];
                    large |= _people[c] >= minimum;
                }
                if (count == 0 || n <= 0 || (_disjoint[i] ? people >= minimum : large)) continue;
                yield return i;
            }
        }
    }

    /// <summary>Derivable cells (or remainders of several) that rest on fewer than the minimum number of people.</summary>
    IEnumerable<(Family Family, List<Cell> Hidden)> Violations(Derivation derived)
    {
        foreach (var f in derived.Suspects(minimum))
        {
            var unknown = f.Children.Where(c => !derived.Known(c)).ToList();
            if (UnionPeople(unknown, f.DisjointPeople) < minimum) yield return (f, unknown);
        }
        foreach (var cell in derived.Order)
            if (cell.N > 0 && cell.People < minimum) yield return (derived.By(cell)!, [cell]);
    }

    int UnionPeople(List<Cell> cells, bool disjoint)
    {
        if (disjoint) return cells.Sum(c => c.People);
        if (cells.Any(c => c.People >= minimum)) return minimum;
        var union = new HashSet<int>();
        foreach (var c in cells)
        {
            if (c.Small is null) return c.People >= minimum ? minimum : cells.Sum(x => x.People); // no list: fall back to the sum
            union.UnionWith(c.Small);
        }
        return union.Count;
    }

    /// <summary>The published cell whose withholding breaks the derivation through <paramref name="family"/>: the smallest.</summary>
    Cell? Choose(Family family, List<Cell> hidden, Derivation derived, int depth, HashSet<Family> seen)
    {
        if (depth > 8 || !seen.Add(family)) return null;
        var candidates = family.Children.Append(family.Parent).Where(c => !hidden.Contains(c) && derived.Known(c));
        Cell? best = null;
        foreach (var c in candidates)
        {
            var option = c.Published ? c : derived.By(c) is { } from ? Choose(from, [c], derived, depth + 1, seen) : null;
            if (option is null) continue;
            if (best is null || Order(option).CompareTo(Order(best)) < 0) best = option;
        }
        return best;
    }

    static (int, int, int, int, int, string) Order(Cell c) => (c.IsPart ? 0 : 1, c.People, c.N, c.Report, c.Row, c.Key);


    KpiReport Withhold(KpiReport report, int index)
    {
        var rows = report.Rows.ToArray();
        foreach (var ((r, key), cell) in _cells[index])
        {
            if (cell.Published || rows[r].Suppressed || !IsShown(rows[r], key) || !_reports[index].Published) continue;
            rows[r] = rows[r].WithholdPart(key, Disclosure.DerivableReason);
        }
        return report with { Rows = rows };
    }
}
