namespace Rig.Audio.Resampling;

/// <summary>
/// The Kaiser window and Kaiser's empirical design formulas (Oppenheim and Schafer, "Discrete-Time
/// Signal Processing", section 7.5.3): beta from the stopband attenuation, length from attenuation
/// and transition width.
/// </summary>
public static class KaiserWindow
{
    /// <summary>w(x) for x in [-1, 1]; 0 outside.</summary>
    public static double Value(double x, double beta)
    {
        if (x <= -1 || x >= 1) return 0;
        return BesselI0(beta * Math.Sqrt(1 - x * x)) / BesselI0(beta);
    }

    public static double Beta(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21),
        _ => 0,
    };

    /// <summary>Filter length in taps for an attenuation and a transition width in radians per sample.</summary>
    public static int Length(double attenuationDb, double transitionRadians) =>
        (int)Math.Ceiling((attenuationDb - 8) / (2.285 * transitionRadians)) + 1;

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    public static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 200; k++)
        {
            term *= half / k;
            var t2 = term * term;
            sum += t2;
            if (t2 < sum * 1e-17) break;
        }
        return sum;
    }
}
