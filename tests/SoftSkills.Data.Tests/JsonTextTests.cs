using System.Text;
using System.Text.Json;
using SoftSkills.Data.Files;

namespace SoftSkills.Data.Tests;

/// <summary>Half a surrogate pair in a JSON string is a syntax error with its place, not a crash when the string is read.</summary>
public class JsonTextTests
{
    [Theory]
    [InlineData("{\"a\": \"x\\ud800\"}", 0, 8, "D800")]                 // a high half, alone
    [InlineData("{\"a\": \"\\udc00\"}", 0, 7, "DC00")]                   // a low half, alone
    [InlineData("{\"\\ud83d\": 1}", 0, 2, "D83D")]                       // in a property name
    [InlineData("{\n  \"a\": \"\\ud83d\\u0041\"\n}", 1, 8, "D83D")]        // a high half before an ordinary escape
    [InlineData("{\"a\": \"\\ud83d\\ude00\", \"b\": \"\\ude00\"}", 0, 28, "DE00")]   // a pair, then a low half alone
    public void Unpaired_halves_are_syntax_errors_at_their_line_and_column(string json, long line, long column, string unit)
    {
        foreach (var parse in new Func<JsonDocument>[] { () => JsonText.Parse(json), () => JsonText.Parse(Encoding.UTF8.GetBytes(json)) })
        {
            var error = Assert.Throws<JsonException>(() => parse().Dispose());
            Assert.Equal(line, error.LineNumber);
            Assert.Equal(column, error.BytePositionInLine);
            Assert.Contains($"\\u{unit} is half of a surrogate pair", error.Message);
            Assert.StartsWith($"not valid JSON at line {line + 1}, column {column + 1}: ", JsonErrors.Describe(error));
        }
    }

    [Theory]
    [InlineData("{\"a\": \"\\ud83d\\ude00\"}", "\U0001F600")]                   // a pair is a character
    [InlineData("{\"a\": \"\\\\ud800\"}", "\\ud800")]                          // an escaped backslash, then letters
    [InlineData("{\"a\": \"\\u00e9\\\"\\ud800\"}", null)]                      // a quote escape does not end the string
    [InlineData("// \"\\ud800\n{\"a\": \"ok\"} /* \\udc00 */", "ok")]          // comments are not strings
    public void Pairs_escaped_backslashes_and_comments_are_not_halves(string json, string? a)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        if (a is null) { Assert.Throws<JsonException>(() => JsonText.Parse(json, options).Dispose()); return; }
        using var doc = JsonText.Parse(json, options);
        Assert.Equal(a, doc.RootElement.GetProperty("a").GetString());
    }
}
