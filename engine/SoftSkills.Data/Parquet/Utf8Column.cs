using System.Runtime.CompilerServices;
using Encoding = System.Text.Encoding;
using ParquetSharp;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// One row group of a text column as UTF-8 in a reused pinned buffer, handed to the encoder as (pointer, length) pairs:
/// no string per value (a producer may give bytes it formatted itself) and no buffer per batch.
/// </summary>
sealed class Utf8Column
{
    byte[] _bytes = GC.AllocateUninitializedArray<byte>(1 << 16, pinned: true);
    int _used;
    int[] _start = new int[1024];
    int[] _length = new int[1024]; // −1: null
    int _rows;
    short[] _definitions = [];
    ByteArray[] _values = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string? value)
    {
        if (value is null) { AddRow(-1); return; }
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        Reserve(most <= 256 ? most : Encoding.UTF8.GetByteCount(value)); // short texts: no counting pass
        var n = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_used));
        AddRow(n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> value)
    {
        Reserve(value.Length);
        value.CopyTo(_bytes.AsSpan(_used));
        AddRow(value.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void AddRow(int length)
    {
        if (_rows == _start.Length)
        {
            Array.Resize(ref _start, 2 * _rows);
            Array.Resize(ref _length, 2 * _rows);
        }
        _start[_rows] = _used;
        _length[_rows++] = length;
        if (length > 0) _used += length;
    }

    void Reserve(int bytes)
    {
        if (_used + bytes <= _bytes.Length) return;
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(2L * _bytes.Length, (long)_used + bytes)), pinned: true);
        _bytes.AsSpan(0, _used).CopyTo(grown);
        _bytes = grown;
    }

    /// <summary>Writes the buffered rows as the column's values (nulls as undefined) and empties the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void WriteTo(ColumnWriter<ByteArray> writer)
    {
        if (_definitions.Length < _rows) (_definitions, _values) = (new short[_start.Length], new ByteArray[_start.Length]);
        var values = 0;
        fixed (byte* start = _bytes) // pinned already: the pointers stay valid while the encoder copies them
        {
            for (var r = 0; r < _rows; r++)
            {
                if (_length[r] < 0) { _definitions[r] = 0; continue; }
                _definitions[r] = 1;
                _values[values++] = new ByteArray((IntPtr)(start + _start[r]), _length[r]);
            }
            writer.WriteBatch(_rows, _definitions.AsSpan(0, _rows), default, _values.AsSpan(0, values));
        }
        _rows = 0;
        _used = 0;
    }
}
