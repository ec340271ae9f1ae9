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
