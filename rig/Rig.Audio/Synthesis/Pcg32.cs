namespace Rig.Audio.Synthesis;

/// <summary>
/// PCG32 (XSH-RR output, 64-bit LCG state) random numbers. The rig's sounds must be the same on
/// every machine and .NET version for a given seed, which System.Random does not promise.
/// A value type held by the caller: no shared state.
/// </summary>
public struct Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private ulong _state;
    private readonly ulong _increment;

    public Pcg32(ulong seed, ulong stream = 0)
    {
        _increment = (stream << 1) | 1UL;
        _state = 0;
        NextUInt();
        _state += seed;
        NextUInt();
    }

    /// <summary>A generator whose stream is derived from a name, so two sounds with the same seed differ.</summary>
    public static Pcg32 For(string name, ulong seed) => new(seed, Fnv1a(name));

    public uint NextUInt()
    {
        var old = _state;
        _state = unchecked(old * Multiplier + _increment);
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        var rot = (int)(old >> 59);
        return (xorShifted >> rot) | (xorShifted << ((-rot) & 31));
    }

    /// <summary>Uniform in [0, 1) with 32 bits of resolution.</summary>
    public double NextDouble() => NextUInt() * (1.0 / 4294967296.0);

    /// <summary>Uniform in [lo, hi).</summary>
    public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>Uniform whole number in [lo, hi] inclusive.</summary>
    public int Int(int lo, int hi) => lo + (int)(NextDouble() * (hi - lo + 1));

    /// <summary>Uniform in [-1, 1): white noise.</summary>
    public float NextNoise() => (float)(NextDouble() * 2.0 - 1.0);

    /// <summary>Standard normal (Box-Muller), for noise floors given as an RMS level.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public bool Chance(double p) => NextDouble() < p;

    public static ulong Fnv1a(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= c;
            h = unchecked(h * 1099511628211UL);
        }
        return h;
    }
}
