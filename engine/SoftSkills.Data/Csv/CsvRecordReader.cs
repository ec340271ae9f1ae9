using System.Text;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Csv;

/// <summary>
/// Splits RFC 4180 text into records, tracking the line each record starts on (quoted fields may span lines). Malformed
/// text (an unclosed quote, a character after a closing quote, bytes that are not UTF-8) is a
/// <see cref="DataValidationException"/> naming the file, line and field.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, string source = "input", string? path = null) : IDisposable
{
    /// <summary>Reads a UTF-8 file (invalid bytes are an error with their line and column).</summary>
    public static CsvRecordReader Open(string path) => new(TextFiles.OpenReader(path), Path.GetFileName(path), path);

    readonly char[] _buffer = new char[1 << 16];
    readonly StringBuilder _field = new();
    int _pos, _len;
    long _line = 1;

    /// <summary>The 1-based line on which the last record read starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at end of input.</summary>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        // Skip blank lines between records.
        while (true)
        {
            var c = Peek();
            if (c == -1) return false;
            if (c == '\r' || c == '\n') { ConsumeNewline(); continue; }
            break;
        }
        RecordLine = _line;
        while (true)
        {
            var quoted = Peek() == '"';
            fields.Add(quoted ? ReadQuoted(fields.Count + 1) : ReadPlain());
            var c = Peek();
            if (c == ',') { _pos++; continue; }
            if (c == -1) return true;
            if (c == '\r' || c == '\n') { ConsumeNewline(); return true; }
            throw Malformed(_line, fields.Count, "unexpected character after a closing quote");
        }
    }

    string ReadPlain()
    {
        _field.Clear();
        while (true)
        {
            if (_pos == _len && !Fill()) break;
            var start = _pos;
            while (_pos < _len)
            {
                var c = _buffer[_pos];
                if (c == ',' || c == '\r' || c == '\n') break;
                _pos++;
            }
            _field.Append(_buffer, start, _pos - start);
            if (_pos < _len) break;
        }
        return _field.ToString();
    }

    string ReadQuoted(int field)
    {
        var startLine = _line;
        _pos++; // opening quote
        _field.Clear();
        while (true)
        {
            var c = Next();
            if (c == -1) throw Malformed(startLine, field, "quoted field is not closed before the end of the file");
            if (c == '"')
            {
                if (Peek() == '"') { _pos++; _field.Append('"'); continue; }
                return _field.ToString();
            }
            if (c == '\n') _line++;
            else if (c == '\r')
            {
                if (Peek() == '\n') { _pos++; _field.Append('\r'); c = '\n'; }
                _line++;
            }
            _field.Append((char)c);
        }
    }

    void ConsumeNewline()
    {
        if (Next() == '\r' && Peek() == '\n') _pos++;
        _line++;
    }

    int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    int Next() => _pos < _len || Fill() ? _buffer[_pos++] : -1;

    DataValidationException Malformed(long line, int field, string reason) => new(new RowLocation(source, line, field, "?"), reason);

    bool Fill()
    {
        try { _len = reader.Read(_buffer, 0, _buffer.Length); }
        catch (DecoderFallbackException) when (path is not null) { throw TextFiles.NotUtf8(path); }
        _pos = 0;
        return _len > 0;
    }

    public void Dispose() => reader.Dispose();
}
