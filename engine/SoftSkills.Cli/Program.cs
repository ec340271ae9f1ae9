return await SoftSkills.Cli.App.RunAsync(args);
