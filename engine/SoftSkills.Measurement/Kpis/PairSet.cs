namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// A set of directed contact pairs (a, b) packed as (a &lt;&lt; 32) | b with a ≠ b, so 0 never occurs and marks a free slot:
/// open addressing over a mixed hash. <c>long.GetHashCode</c> folds a pair to a ^ b, which makes nearby employees
/// collide massively; the finaliser of MurmurHash3 (Appleby 2011) spreads them.
/// </summary>
sealed class PairSet
{
    long[] _slots = new long[64];

    public int Count { get; private set; }

    static int Slot(long pair, int mask)
    {
        var h = (ulong)pair;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return (int)h & mask;
    }

    /// <summary>Adds a pair; false when it was present.</summary>
    public bool Add(long pair)
    {
        if (pair == 0) throw new ArgumentException("a pair joins two different people", nameof(pair));
        if ((Count + 1) * 2 > _slots.Length) Grow();
        var mask = _slots.Length - 1;
        for (var i = Slot(pair, mask); ; i = (i + 1) & mask)
        {
            if (_slots[i] == pair) return false;
            if (_slots[i] != 0) continue;
            _slots[i] = pair;
            Count++;
            return true;
        }
    }

    public bool Contains(long pair)
    {
        var mask = _slots.Length - 1;
        for (var i = Slot(pair, mask); ; i = (i + 1) & mask)
        {
            if (_slots[i] == pair) return true;
            if (_slots[i] == 0) return false;
        }
    }

    /// <summary>Every pair, in slot order.</summary>
    public IEnumerable<long> Items()
    {
        foreach (var p in _slots) if (p != 0) yield return p;
    }

    void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var p in old)
        {
            if (p == 0) continue;
            var i = Slot(p, mask);
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = p;
        }
    }
}
