using System.CommandLine;
using SoftSkills.Cli;
using SoftSkills.Cli.Commands;

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
root.Subcommands.Add(ValidityCommand.Create());
return await Cli.InvokeAsync(root, args);
