namespace Rig.Audio.Synthesis;

/// <summary>
/// Approximately pink (-3 dB/octave) noise: white noise through a bank of one-pole low-passes whose
/// corners are spaced two octaves apart, each weighted so the sum falls 3 dB per octave.
/// </summary>
public struct PinkNoise
{
    private double _s0, _s1, _s2, _s3, _s4, _s5;
    private readonly double _c0, _c1, _c2, _c3, _c4, _c5;

    public PinkNoise(int rate)
    {
        _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = 0;
        _c0 = Pole(20, rate); _c1 = Pole(80, rate); _c2 = Pole(320, rate);
        _c3 = Pole(1280, rate); _c4 = Pole(5120, rate); _c5 = Pole(20480, rate);
    }

    private static double Pole(double hz, int rate) => Math.Exp(-2 * Math.PI * Math.Min(hz, rate * 0.45) / rate);

    public double Next(ref Pcg32 rng)
    {
        var w = rng.NextNoise();
        // Weights: each stage carries the band above the previous corner; a 2-octave step is 6 dB of pink slope.
        _s0 = _c0 * _s0 + (1 - _c0) * w * 16;
        _s1 = _c1 * _s1 + (1 - _c1) * w * 8;
        _s2 = _c2 * _s2 + (1 - _c2) * w * 4;
        _s3 = _c3 * _s3 + (1 - _c3) * w * 2;
        _s4 = _c4 * _s4 + (1 - _c4) * w * 1;
        _s5 = _c5 * _s5 + (1 - _c5) * w * 0.5;
        return (_s0 + _s1 + _s2 + _s3 + _s4 + _s5) * 0.25;
    }
}
