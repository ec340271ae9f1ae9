namespace SoftSkills.Studies;

/// <summary>Bad input to a study (a scenario file, a setting out of range): the command line maps it to exit code 2.</summary>
public sealed class StudyInputException(string message) : Exception(message);
