namespace Rig.Audio.Mixing;

/// <summary>
/// Mixing at a signal-to-noise ratio measured over the whole clip: the interferer is scaled so that
/// 20 log10(signalRms / rms(scaled interferer)) = snrDb, then added. signalRms is the clean
/// signal's, so several interferers each keep their own ratio to it. A silent signal or
/// interferer adds nothing (no ratio can be met).
/// </summary>
public static class SnrMixer
{
    public static void AddAt(Span<float> mixture, double signalRms, ReadOnlySpan<float> interferer, double snrDb)
    {
        if (interferer.Length != mixture.Length)
            throw new ArgumentException($"interferer has {interferer.Length} samples, the mixture {mixture.Length}", nameof(interferer));
        var rs = signalRms;
        var ri = Rms(interferer);
        if (rs == 0 || ri == 0) return;
        var gain = rs / ri / Math.Pow(10, snrDb / 20);
        for (var i = 0; i < mixture.Length; i++) mixture[i] = (float)(mixture[i] + gain * interferer[i]);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        if (x.Length == 0) return 0;
        double sum = 0;
        foreach (var v in x) sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>
    /// A mixture louder than full scale is turned down as a whole (as a recording level would be) so
    /// its peak sits at <paramref name="peak"/>; quieter mixtures are left alone.
    /// </summary>
    public static void LimitPeak(Span<float> x, double peak)
    {
        double max = 0;
        foreach (var v in x) max = Math.Max(max, Math.Abs(v));
        if (max <= 1) return;
        var g = peak / max;
        for (var i = 0; i < x.Length; i++) x[i] = (float)(x[i] * g);
    }
}
