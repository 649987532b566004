using Rig.Dsp.Reference;

namespace Rig.Plots;

/// <summary>
/// Short-time power spectrum of a clip in dB (relative to a full-scale sine), for drawing only:
/// Hann window of about 32 ms (a power of two), hop of a quarter window. Row 0 is the highest
/// frequency so that the matrix reads like the picture.
/// </summary>
public sealed record SpectrogramData(double[,] Decibels, double Seconds, double NyquistHz, int FftLength, int Hop)
{
    public const double FloorDb = -100;

    /// <summary>NaN or infinite samples would make every dB value NaN; callers show them instead of a picture.</summary>
    public static int CountNotFinite(ReadOnlySpan<float> samples)
    {
        var n = 0;
        foreach (var x in samples)
            if (!float.IsFinite(x)) n++;
        return n;
    }

    public static SpectrogramData Compute(ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        var notFinite = CountNotFinite(samples);
        if (notFinite > 0) throw new ArgumentException($"{notFinite} samples are NaN or infinite", nameof(samples));
        var n = 1;
        while (n < sampleRate * 0.032) n <<= 1;
        var hop = n / 4;
        var frames = Math.Max(1, (samples.Length - n) / hop + 1);
        var bins = n / 2 + 1;
        var db = new double[bins, frames];
        var window = new double[n];
        double windowSum = 0;
        for (var i = 0; i < n; i++)
        {
            window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n);
            windowSum += window[i];
        }
        // A full-scale sine peaks at (windowSum / 2) in magnitude: that is 0 dB.
        var reference = windowSum / 2;
        var re = new double[n];
        var im = new double[n];
        for (var f = 0; f < frames; f++)
        {
            for (var i = 0; i < n; i++)
            {
                var j = f * hop + i;
                re[i] = j < samples.Length ? samples[j] * window[i] : 0;
                im[i] = 0;
            }
            ComplexFft.Forward(re, im);
            for (var k = 0; k < bins; k++)
            {
                var mag = Math.Sqrt(re[k] * re[k] + im[k] * im[k]) / reference;
                // Finite samples far beyond full scale can still overflow the power sum; keep the picture finite.
                db[bins - 1 - k, f] = Math.Clamp(20 * Math.Log10(mag + 1e-12), FloorDb, double.MaxValue);
            }
        }
        return new SpectrogramData(db, (double)samples.Length / sampleRate, sampleRate / 2.0, n, hop);
    }
}
