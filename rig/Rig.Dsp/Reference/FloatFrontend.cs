using Rig.Dsp.Tables;

namespace Rig.Dsp.Reference;

/// <summary>
/// Double-precision reference of the same pipeline: samples x/32768, the exact periodic window
/// (not the Q15 table), a full-precision DFT scaled by 1/N, power, the same HTK mel triangles
/// (peak 1.0, unnormalised, <see cref="MelScale"/>) with unquantised weights, log2 of the mel
/// energy clamped at the same floor (-24). Frames are the same ones the Q15 model uses.
/// </summary>
public sealed class FloatFrontend
{
    private readonly FrontendConfig _c;
    private readonly double[,] _mel;
    private readonly double[] _window;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _power;

    public const double LogFloor = FrontendTables.LogFloorQ78 / 256.0;

    public FloatFrontend(FrontendConfig config)
    {
        _c = config;
        _mel = MelScale.Weights(config);
        _window = new double[config.FftLength];
        for (var i = 0; i < _window.Length; i++) _window[i] = FrontendTables.WindowValue(config, i);
        _re = new double[config.FftLength];
        _im = new double[config.FftLength];
        _power = new double[config.Bins];
    }

    /// <summary>Log2 mel energies (not Q7.8) of one frame of N samples, oldest first.</summary>
    public void LogMel(ReadOnlySpan<short> frame, Span<double> dst)
    {
        var n = _c.FftLength;
        for (var i = 0; i < n; i++)
        {
            _re[i] = frame[i] / 32768.0 * _window[i];
            _im[i] = 0;
        }
        ComplexFft.Forward(_re, _im);
        for (var k = 0; k < _c.Bins; k++)
        {
            var r = _re[k] / n;
            var im = _im[k] / n;
            _power[k] = r * r + im * im;
        }
        for (var m = 0; m < _c.MelBands; m++)
        {
            var e = 0.0;
            for (var k = 0; k < _c.Bins; k++) e += _mel[m, k] * _power[k];
            dst[m] = e > 0 ? Math.Max(LogFloor, Math.Log2(e)) : LogFloor;
        }
    }

    /// <summary>Frame level in dBFS: 20 log10 of the RMS of x/32768 (a full-scale square reads 0).</summary>
    public static double LevelDbfs(ReadOnlySpan<short> frame)
    {
        var sum = 0.0;
        foreach (var x in frame) sum += (double)x * x;
        var rms = Math.Sqrt(sum / frame.Length) / 32768.0;
        return rms > 0 ? 20 * Math.Log10(rms) : double.NegativeInfinity;
    }
}
