using System.IO.Hashing;
using System.Text;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// Maps the UTF-8 bytes of a string to a value without building the string: an open-addressing table over the bytes'
/// 64-bit xxHash3, with the key bytes kept for an exact comparison. Used to turn identifiers read from Parquet into
/// indices (employees, teams, decision types, rated items).
/// </summary>
sealed class Utf8Index
{
    byte[][] _keys = new byte[16][];
    ulong[] _hashes = new ulong[16];
    int[] _values = new int[16];
    int _count;

    public int Count => _count;

    public Utf8Index() { }

    /// <summary>An index of the strings, each mapped to its value.</summary>
    public Utf8Index(IEnumerable<KeyValuePair<string, int>> entries)
    {
        foreach (var (key, value) in entries) Set(Encoding.UTF8.GetBytes(key), value);
    }

    /// <summary>The value of the key, or -1 when absent.</summary>
    public int Get(ReadOnlySpan<byte> key)
    {
        var hash = XxHash3.HashToUInt64(key);
        var mask = _keys.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var k = _keys[slot];
            if (k is null) return -1;
            if (_hashes[slot] == hash && key.SequenceEqual(k)) return _values[slot];
        }
    }

    /// <summary>Sets the value of a key (adding the key when absent).</summary>
    public void Set(ReadOnlySpan<byte> key, int value)
    {
        if ((_count + 1) * 2 > _keys.Length) Grow();
        var hash = XxHash3.HashToUInt64(key);
        var mask = _keys.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var k = _keys[slot];
            if (k is null)
            {
                (_keys[slot], _hashes[slot], _values[slot]) = (key.ToArray(), hash, value);
                _count++;
                return;
            }
            if (_hashes[slot] == hash && key.SequenceEqual(k)) { _values[slot] = value; return; }
        }
    }

    void Grow()
    {
        var (keys, hashes, values) = (_keys, _hashes, _values);
        _keys = new byte[keys.Length * 2][];
        _hashes = new ulong[keys.Length * 2];
        _values = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is null) continue;
            var slot = (int)hashes[i] & mask;
            while (_keys[slot] is not null) slot = (slot + 1) & mask;
            (_keys[slot], _hashes[slot], _values[slot]) = (keys[i], hashes[i], values[i]);
        }
    }

    /// <summary>The number of keys whose value is <paramref name="value"/>.</summary>
    public int CountOf(int value)
    {
        var n = 0;
        for (var i = 0; i < _keys.Length; i++) if (_keys[i] is not null && _values[i] == value) n++;
        return n;
    }
}
