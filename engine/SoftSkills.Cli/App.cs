using System.CommandLine;
using SoftSkills.Cli.Commands;

namespace SoftSkills.Cli;

/// <summary>The <c>softskills</c> command line: its verbs, and one run of it (used by Program and by in-process tests).</summary>
public static class App
{
    public static RootCommand Root()
    {
        var root = new RootCommand("softskills: simulate workflows, measure four soft-skill KPIs, validate the measurement and model the ROI.");
        root.Options.Add(CommonOptions.Format);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(KpisCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(PilotCommand.Create());
        root.Subcommands.Add(RoiCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        root.Subcommands.Add(ReliabilityCommand.Create());
        root.Subcommands.Add(BiasCommand.Create());
        root.Subcommands.Add(DidCommand.Create());
        root.Subcommands.Add(PowerCommand.Create());
        root.Subcommands.Add(TwinCommand.Create());
        root.Subcommands.Add(ValidityCommand.Create());
        root.Subcommands.Add(EmpathyCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(SiloCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Cli.InvokeAsync(Root(), args);
}
