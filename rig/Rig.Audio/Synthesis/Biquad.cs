namespace Rig.Audio.Synthesis;

/// <summary>
/// Second-order IIR section, transposed direct form II, with coefficients from the RBJ "Audio EQ
/// Cookbook" formulas. A mutable value: each voice keeps its own copy of the state.
/// </summary>
public struct Biquad
{
    private double _b0, _b1, _b2, _a1, _a2, _z1, _z2;

    public static Biquad LowPass(double hz, double q, int rate) => Make(hz, q, rate, Kind.LowPass);
    public static Biquad HighPass(double hz, double q, int rate) => Make(hz, q, rate, Kind.HighPass);
    /// <summary>Band-pass with 0 dB gain at the centre.</summary>
    public static Biquad BandPass(double hz, double q, int rate) => Make(hz, q, rate, Kind.BandPass);
    /// <summary>Passes everything unchanged.</summary>
    public static Biquad Identity => new() { _b0 = 1 };

    private enum Kind { LowPass, HighPass, BandPass }

    private static Biquad Make(double hz, double q, int rate, Kind kind)
    {
        hz = Math.Clamp(hz, 1, rate * 0.49);
        var w0 = 2 * Math.PI * hz / rate;
        var cos = Math.Cos(w0);
        var alpha = Math.Sin(w0) / (2 * q);
        double b0, b1, b2;
        switch (kind)
        {
            case Kind.LowPass: b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = (1 - cos) / 2; break;
            case Kind.HighPass: b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = (1 + cos) / 2; break;
            default: b0 = alpha; b1 = 0; b2 = -alpha; break;
        }
        var a0 = 1 + alpha;
        return new Biquad { _b0 = b0 / a0, _b1 = b1 / a0, _b2 = b2 / a0, _a1 = -2 * cos / a0, _a2 = (1 - alpha) / a0 };
    }

    public double Process(double x)
    {
        var y = _b0 * x + _z1;
        _z1 = _b1 * x - _a1 * y + _z2;
        _z2 = _b2 * x - _a2 * y;
        return y;
    }

    public void Process(Span<float> x)
    {
        for (var i = 0; i < x.Length; i++) x[i] = (float)Process(x[i]);
    }
}
