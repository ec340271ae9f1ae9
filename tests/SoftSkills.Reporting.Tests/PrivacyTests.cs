using System.Text.Json.Nodes;
using SoftSkills.Data.Files;
using SoftSkills.Reporting.Dashboard;

namespace SoftSkills.Reporting.Tests;

/// <summary>No element of the dashboard shows an employee identifier, a group below the minimum size, or a value of fewer people.</summary>
public class PrivacyTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public void No_employee_identifier_appears_anywhere_in_the_page()
    {
        var html = File.ReadAllText(fixture.PagePath);
        var ids = new DataFolder(fixture.DataDir).EmployeeIds();
        Assert.Equal(87, ids.Count);
        foreach (var id in ids) Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        Assert.True(html.Length < 15_000_000);
    }

    /// <summary>
    /// The page's compact cells restore to the model exactly (the same rule as dashboard.js), and no cell object is left
    /// uncompacted anywhere: every place a cell sits is covered, the pilot's arms included.
    /// </summary>
    [Fact]
    public void Compact_cells_restore_to_the_model()
    {
        var full = DashboardPage.ModelJson(fixture.Model);
        var compact = DashboardPage.CompactCells(DashboardPage.ModelJson(fixture.Model));
        var notes = compact["cell_notes"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(notes.Count, notes.Distinct().Count());
        Assert.NotEmpty(fixture.Model.Pilot!.Arms);
        var cells = 0;
        JsonNode? Restore(JsonNode? node, bool inCellPlace) => node switch
        {
            JsonArray a when inCellPlace && a.Count == 5 && a[3] is JsonValue => Cell(a),
            JsonObject o => new JsonObject(o.Where(kv => kv.Key != "cell_notes").Select(kv => KeyValuePair.Create(kv.Key, Restore(kv.Value, IsCellPlace(o, kv.Key))))),
            JsonArray a => new JsonArray(a.Select(x => Restore(x, inCellPlace)).ToArray()),
            _ => node?.DeepClone(),
        };
        JsonNode Cell(JsonArray a)
        {
            cells++;
            var note = (int)a[3]!;
            return new JsonObject
            {
                ["value"] = a[0]?.DeepClone(), ["n"] = a[1]?.DeepClone(), ["people"] = a[2]?.DeepClone(),
                ["note"] = note < 0 ? null : notes[note], ["thin"] = (int)a[4]! == 1,
            };
        }
        Assert.True(JsonNode.DeepEquals(full, Restore(compact, false)));
        Assert.True(cells > 1000, $"{cells} cells");
        Assert.DoesNotContain("\"thin\"", compact.ToJsonString());
    }

    // Where DashboardPage.CompactCells puts cells: a KPI view's parts, and the values of the maps that hold cells.
    static bool IsCellPlace(JsonObject parent, string key) =>
        key is "current" or "series" or "window" or "baseline" || parent.Parent is JsonObject grand &&
        grand.FirstOrDefault(kv => ReferenceEquals(kv.Value, parent)).Key is "dqr_by_type" or "res_by_channel" or "values" or "kpis" && !IsKpiViews(parent);

    static bool IsKpiViews(JsonObject map) => map.Any(kv => kv.Value is JsonObject v && v.ContainsKey("series"));

    [Fact]
    public void Teams_and_segments_below_the_minimum_size_carry_no_values()
    {
        // With a minimum of 10, product (9) and operations (8) must disappear from every number in the page.
        var model = DashboardFixture.Build(fixture.DataDir, minGroupSize: 10);
        var teams = model.Teams.ToDictionary(t => t.Name);
        foreach (var small in new[] { "product", "operations" })
        {
            var t = teams[small];
            Assert.True(t.Suppressed);
            Assert.Null(t.Employees);
            Assert.Null(t.Kpis);
            Assert.DoesNotContain(model.Ranking, r => r.Team == small);
            Assert.Contains(model.NotRanked, r => r.Team == small);
        }
        Assert.False(teams["support-north"].Suppressed);
        foreach (var segment in model.Teams.Where(t => t.Segments is not null).SelectMany(t => t.Segments!.Values.SelectMany(s => s)))
            Assert.True(segment.Employees >= 10);
        // Every value shown rests on at least 10 people.
        foreach (var cell in model.Teams.Where(t => t.Kpis is not null).SelectMany(t => t.Kpis!.Values.SelectMany(k => k.Series.Append(k.Current).Append(k.Window))))
            if (cell.Value is not null) Assert.True(cell.People >= 10, $"a value resting on {cell.People} people");
        var html = DashboardPage.Html(model);
        Assert.DoesNotContain("\"name\":\"product\",\"employees\":9", html);
    }
}
