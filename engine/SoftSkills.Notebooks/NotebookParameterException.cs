namespace SoftSkills.Notebooks;

/// <summary>Parameters that do not match the notebook's parameters cell; the CLI maps it to exit code 2.</summary>
public sealed class NotebookParameterException(string message) : Exception(message);
