using System.Text.Json;

namespace SoftSkills.Data.Files;

/// <summary>JSON errors as a person reads them: 1-based line and column, the expected kind of value, no parser internals.</summary>
public static class JsonErrors
{
    /// <summary>A syntax error: where it is and what the parser expected there.</summary>
    public static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        message = message.Split(" Path: ", 2)[0].TrimEnd(' ', '.');
        return ex.LineNumber is { } line
            ? $"not valid JSON at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {message}"
            : $"not valid JSON: {message}";
    }

    /// <summary>A value of the wrong kind (a type conversion error): what kind the field takes, without .NET type names.</summary>
    public static string Expected(JsonException ex)
    {
        var type = System.Text.RegularExpressions.Regex.Match(ex.Message, @"converted to ([\w.`\[\],]+)").Groups[1].Value.TrimEnd('.');
        return type switch
        {
            "" => $"invalid value ({ex.Message.Split(". ", 2)[0]})",
            _ when type.EndsWith("Int32", StringComparison.Ordinal) || type.EndsWith("Int64", StringComparison.Ordinal) => "must be a whole number (and not too large)",
            _ when type.EndsWith("Double", StringComparison.Ordinal) => "must be a number",
            _ when type.EndsWith("String", StringComparison.Ordinal) => "must be a string",
            _ when type.EndsWith("Boolean", StringComparison.Ordinal) => "must be true or false",
            _ when type.EndsWith("DateOnly", StringComparison.Ordinal) => "must be a day (yyyy-MM-dd)",
            _ when type.EndsWith("DateTime", StringComparison.Ordinal) => "must be a UTC time (ISO 8601, e.g. 2026-01-05T09:30:00Z)",
            _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "must be a list",
            _ => "must be an object",
        };
    }
}
