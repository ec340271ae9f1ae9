using System.Text.Json;

namespace SoftSkills.Data.Files;

/// <summary>A JSON syntax error as a person reads it: 1-based line and column, without the parser's internal suffix.</summary>
public static class JsonErrors
{
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
}
