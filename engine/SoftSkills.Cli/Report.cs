using SoftSkills.Data.Validation;

namespace SoftSkills.Cli;

/// <summary>Reports rows skipped by lenient reading on stderr: each with its reason, then a count.</summary>
public static class Report
{
    public static void PrintIssues(IEnumerable<ReadReport> reports)
    {
        long count = 0;
        foreach (var issue in reports.SelectMany(r => r.Issues))
        {
            Console.Error.WriteLine($"skipped {Printable.Of(issue.ToString())}");
            count++;
        }
        if (count > 0) Console.Error.WriteLine($"{count:N0} row(s) skipped");
    }
}
