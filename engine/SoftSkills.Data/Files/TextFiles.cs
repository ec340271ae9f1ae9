using System.Text;
using System.Text.Unicode;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Files;

/// <summary>
/// Text inputs are UTF-8 (a byte-order mark is allowed). Bytes that are not UTF-8 are an error naming the file, line and
/// column, never silently replaced: a Latin-1 'Renè' must not become 'Ren�' and match another name.
/// </summary>
public static class TextFiles
{
    /// <summary>UTF-8 that throws on invalid bytes instead of substituting U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The whole file as text.</summary>
    public static string ReadAllText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try { return StrictUtf8.GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException) { throw NotUtf8(path, bytes); }
    }

    /// <summary>A reader that throws <see cref="DecoderFallbackException"/> on bytes that are not UTF-8.</summary>
    public static StreamReader OpenReader(string path) => new(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);

    /// <summary>The error for a file that is not UTF-8, at its first bad byte.</summary>
    public static DataValidationException NotUtf8(string path) => NotUtf8(path, File.ReadAllBytes(path));

    /// <summary>The same for bytes already read, naming the file as <paramref name="display"/> (default: its name).</summary>
    public static DataValidationException NotUtf8(string path, byte[] bytes, string? display = null)
    {
        var (line, column) = FirstInvalid(bytes);
        return new DataValidationException(new RowLocation(display ?? Path.GetFileName(path), line, column, "encoding"),
            "not valid UTF-8 (save the file as UTF-8)");
    }

    /// <summary>Line and column (1-based, in characters) of the first byte that is not UTF-8.</summary>
    public static (long Line, int Column) FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        long line = 1;
        var column = 1;
        while (!bytes.IsEmpty)
        {
            if (System.Buffers.OperationStatus.Done != Rune.DecodeFromUtf8(bytes, out var rune, out var consumed)) return (line, column);
            if (rune.Value == '\n') { line++; column = 1; }
            else column++;
            bytes = bytes[consumed..];
        }
        return (line, column);
    }

    /// <summary>True when every byte is UTF-8.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);
}
