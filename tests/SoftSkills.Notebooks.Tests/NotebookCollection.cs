namespace SoftSkills.Notebooks.Tests;

/// <summary>Notebook runs share process-wide state (current directory, console, formatters): no parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks";
}
