namespace SoftSkills.Data.Files;

/// <summary>An output path that cannot be used as given (a folder where a file is wanted, a folder of someone else's files): bad input.</summary>
public sealed class OutputPathException(string message) : IOException(message);
