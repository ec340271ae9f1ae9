using System.Numerics;
using System.Text.Json;

namespace SoftSkills.Data.Files;

/// <summary>
/// Parsing of JSON files people hand us. System.Text.Json accepts a <c>\uD800</c>–<c>\uDFFF</c> escape that is not half of
/// a surrogate pair while parsing, then throws <see cref="InvalidOperationException"/> (not a <see cref="JsonException"/>)
/// when the string is read, or at once when duplicate property names are checked. JavaScript tools write such escapes when
/// they cut an emoji in two. Here they are a <see cref="JsonException"/> with the line and column, as any syntax error is.
/// </summary>
public static class JsonText
{
    public static JsonDocument Parse(string json, JsonDocumentOptions options = default)
    {
        RejectUnpairedSurrogates(json.AsSpan());
        return JsonDocument.Parse(json, options);
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options = default)
    {
        RejectUnpairedSurrogates(utf8.Span);
        return JsonDocument.Parse(utf8, options);
    }

    /// <summary>Throws at the first string escape of half a surrogate pair (outside strings and comments escapes do not count).</summary>
    public static void RejectUnpairedSurrogates(ReadOnlySpan<char> json) => Scan(json);

    /// <inheritdoc cref="RejectUnpairedSurrogates(ReadOnlySpan{char})"/>
    public static void RejectUnpairedSurrogates(ReadOnlySpan<byte> utf8) => Scan(utf8);

    enum Place { Value, String, LineComment, BlockComment }

    static void Scan<T>(ReadOnlySpan<T> s) where T : unmanaged, IBinaryInteger<T>
    {
        var (place, line, lineStart) = (Place.Value, 0L, 0);
        for (var i = 0; i < s.Length; i++)
        {
            var c = At(s, i);
            if (c == '\n')
            {
                (line, lineStart) = (line + 1, i + 1);
                if (place == Place.LineComment) place = Place.Value;
                continue;
            }
            switch (place)
            {
                case Place.Value when c == '"': place = Place.String; break;
                case Place.Value when c == '/' && At(s, i + 1) == '/': place = Place.LineComment; i++; break;   // scenarios may have comments
                case Place.Value when c == '/' && At(s, i + 1) == '*': place = Place.BlockComment; i++; break;
                case Place.BlockComment when c == '*' && At(s, i + 1) == '/': place = Place.Value; i++; break;
                case Place.String when c == '"': place = Place.Value; break;
                case Place.String when c == '\\':
                    var unit = Escape(s, i);
                    if (unit is >= 0xD800 and <= 0xDBFF && Escape(s, i + 6) is >= 0xDC00 and <= 0xDFFF) i += 11;
                    else if (unit is >= 0xD800 and <= 0xDFFF)
                        throw new JsonException($"\\u{unit:X4} is half of a surrogate pair, not a character (a tool cut a character such as an emoji in two)", null, line, i - lineStart);
                    else i++;   // the escaped character (of \uXXXX, the u; its digits are ordinary characters)
                    break;
            }
        }
    }

    static int At<T>(ReadOnlySpan<T> s, int i) where T : unmanaged, IBinaryInteger<T> => i < s.Length ? int.CreateTruncating(s[i]) : -1;

    /// <summary>The code unit of a <c>\uXXXX</c> escape at <paramref name="i"/>, or -1.</summary>
    static int Escape<T>(ReadOnlySpan<T> s, int i) where T : unmanaged, IBinaryInteger<T> => At(s, i) == '\\' && At(s, i + 1) == 'u' ? Hex(s, i + 2) : -1;

    static int Hex<T>(ReadOnlySpan<T> s, int start) where T : unmanaged, IBinaryInteger<T>
    {
        if (start + 4 > s.Length) return -1;
        var value = 0;
        for (var k = start; k < start + 4; k++)
        {
            var d = int.CreateTruncating(s[k]) switch { var x and >= '0' and <= '9' => x - '0', var x and >= 'a' and <= 'f' => x - 'a' + 10, var x and >= 'A' and <= 'F' => x - 'A' + 10, _ => -1 };
            if (d < 0) return -1;
            value = value * 16 + d;
        }
        return value;
    }
}
