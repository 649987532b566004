namespace Rig.Dsp.Signals;

/// <summary>
/// The cross-check's deterministic test signals (int16 at the profile's rate): silence, a
/// full-scale square wave, a clipped sine, impulses, white noise and a log sine sweep. Each is a
/// pure function of (rate, length, seed), so C and C# see exactly the same samples.
/// </summary>
public static class TestSignals
{
    public static readonly string[] Names = ["silence", "square", "clipping", "impulse", "noise", "sweep"];

    public static short[] Create(string name, int sampleRate, int length, int seed = 1) => name switch
    {
        "silence" => new short[length],
        "square" => Square(sampleRate, length),
        "clipping" => Clipped(sampleRate, length),
        "impulse" => Impulses(length),
        "noise" => Noise(length, seed),
        "sweep" => Sweep(sampleRate, length),
        _ => throw new ArgumentException($"unknown test signal '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>Full scale, +32767 / -32768, at 440 Hz.</summary>
    public static short[] Square(int rate, int length)
    {
        var x = new short[length];
        var period = rate / 440.0;
        for (var i = 0; i < length; i++) x[i] = (i % period) < period / 2 ? short.MaxValue : short.MinValue;
        return x;
    }

    /// <summary>A 300 Hz sine at 4x full scale, clipped to int16.</summary>
    public static short[] Clipped(int rate, int length)
    {
        var x = new short[length];
        for (var i = 0; i < length; i++)
            x[i] = (short)Math.Clamp(Math.Round(4 * 32767 * Math.Sin(2 * Math.PI * 300 * i / rate)), short.MinValue, short.MaxValue);
        return x;
    }

    /// <summary>A full-scale impulse every 997 samples, alternating sign.</summary>
    public static short[] Impulses(int length)
    {
        var x = new short[length];
        for (var i = 0; i < length; i += 997) x[i] = (i / 997) % 2 == 0 ? short.MaxValue : short.MinValue;
        return x;
    }

    /// <summary>Uniform white noise over the whole int16 range.</summary>
    public static short[] Noise(int length, int seed)
    {
        var r = new Random(seed);
        var x = new short[length];
        for (var i = 0; i < length; i++) x[i] = (short)r.Next(short.MinValue, short.MaxValue + 1);
        return x;
    }

    /// <summary>Exponential sine sweep 50 Hz to Nyquist at -6 dBFS, with a level ramp from -60 dB.</summary>
    public static short[] Sweep(int rate, int length)
    {
        var x = new short[length];
        double f0 = 50, f1 = rate / 2.0, t1 = (double)length / rate;
        var k = Math.Log(f1 / f0);
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / rate;
            var phase = 2 * Math.PI * f0 * t1 / k * (Math.Exp(t / t1 * k) - 1);
            var gainDb = -60 + 54.0 * i / length;
            x[i] = (short)Math.Round(32767 * Math.Pow(10, gainDb / 20) * Math.Sin(phase));
        }
        return x;
    }
}
