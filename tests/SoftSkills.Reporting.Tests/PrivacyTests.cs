using SoftSkills.Data.Files;
using SoftSkills.Reporting.Dashboard;

namespace SoftSkills.Reporting.Tests;

/// <summary>No element of the dashboard shows an employee identifier or a group below the minimum size.</summary>
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
        var data = DashboardData.Compute(new DataFolder(fixture.DataDir), DashboardFixture.Rules, minGroupSize: 10);
        var teams = data["teams"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>());
        foreach (var small in new[] { "product", "operations" })
        {
            var t = teams[small]!;
            Assert.True(t["suppressed"]!.GetValue<bool>());
            Assert.Null(t["employees"]);
            Assert.Null(t["current"]);
            Assert.Null(t["series"]);
            Assert.DoesNotContain(data["ranking"]!.AsArray(), r => r!["team"]!.GetValue<string>() == small);
        }
        Assert.False(teams["support-north"]!["suppressed"]!.GetValue<bool>());
        foreach (var segment in data["teams"]!.AsArray().Where(t => t!["segments"] is not null)
                     .SelectMany(t => t!["segments"]!.AsObject().SelectMany(kv => kv.Value!.AsArray())))
        {
            if (segment!["suppressed"]!.GetValue<bool>())
            {
                Assert.Null(segment["employees"]);
                Assert.Null(segment["res"]);
                Assert.Null(segment["hsr"]);
            }
            else Assert.True(segment["employees"]!.GetValue<int>() >= 10);
        }
        var html = DashboardPage.Html(data);
        Assert.DoesNotContain("\"name\":\"product\",\"employees\":9", html);
    }
}
