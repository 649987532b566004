using System.Numerics;
using System.Runtime.InteropServices;

namespace Rig.Audio.Resampling;

/// <summary>
/// Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated as a polyphase filter.
/// The ratio is reduced to L/M (up L, down M); each output sample is one dot product of the input
/// around its exact (rational) position with the phase's taps, so there is no drift over long clips.
/// When L is large (awkward rate pairs such as 44 101 to 16 000) the phase table would be huge, so a
/// table of <see cref="InterpolatedPhases"/> phases is used with linear interpolation between the
/// two nearest phases. Whole-clip, zero-phase: output sample k is centred on input time k*M/L.
/// Immutable once built; safe to share between threads.
/// </summary>
public sealed class PolyphaseResampler
{
    public const int MaxExactPhases = 2048;
    public const int InterpolatedPhases = 1024;

    private readonly float[] _taps;      // phase-major, _stride floats per phase
    private readonly int _stride;
    private readonly int _half;          // taps reach _half input samples either side
    private readonly int _phases;        // rows in _taps minus the interpolation guard row
    private readonly bool _interpolated;

    public PolyphaseResampler(int fromRate, int toRate, ResamplerDesign? design = null)
    {
        design ??= ResamplerDesign.Default;
        if (fromRate <= 0 || toRate <= 0) throw new ArgumentOutOfRangeException(nameof(fromRate), "sample rates must be positive");
        var problems = design.Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(design));
        FromRate = fromRate;
        ToRate = toRate;
        var g = Gcd(fromRate, toRate);
        Up = toRate / g;
        Down = fromRate / g;

        var minRate = Math.Min(fromRate, toRate);
        var cutoff = (design.PassbandEdge + design.StopbandEdge) / 2 * minRate / fromRate; // cycles per input sample
        var transition = 2 * Math.PI * (design.StopbandEdge - design.PassbandEdge) * minRate / fromRate;
        var length = KaiserWindow.Length(design.AttenuationDb, transition);
        _half = Math.Max(2, (length + 1) / 2);
        var beta = KaiserWindow.Beta(design.AttenuationDb);
        var width = 2 * _half;
        _stride = (width + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

        _interpolated = Up > MaxExactPhases;
        _phases = _interpolated ? InterpolatedPhases : Up;
        var rows = _phases + 1;
        _taps = new float[rows * _stride];
        for (var p = 0; p < rows; p++)
        {
            var frac = (double)p / _phases;
            var row = _taps.AsSpan(p * _stride, width);
            double sum = 0;
            var k = new double[width];
            for (var i = 0; i < width; i++)
            {
                var tau = i - (_half - 1) - frac; // tap i multiplies input sample base - (_half - 1) + i
                k[i] = 2 * cutoff * Sinc(2 * cutoff * tau) * KaiserWindow.Value(tau / _half, beta);
                sum += k[i];
            }
            // Each phase is normalised to unity DC gain so that constant input stays constant exactly.
            for (var i = 0; i < width; i++) row[i] = (float)(k[i] / sum);
        }
        TapsPerPhase = width;
    }

    public int FromRate { get; }
    public int ToRate { get; }
    public int Up { get; }
    public int Down { get; }
    public int TapsPerPhase { get; }

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate) =>
        fromRate == toRate ? input.ToArray() : new PolyphaseResampler(fromRate, toRate).Process(input);

    /// <summary>Output length: ceil(n * to / from), the samples covering the same duration.</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * Up + Down - 1) / Down);

    public float[] Process(ReadOnlySpan<float> input)
    {
        var n = input.Length;
        var outLen = OutputLength(n);
        var output = new float[outLen];
        if (n == 0) return output;
        // Zero padding either side lets every dot product run full-width without bounds checks.
        var pad = _half + _stride;
        var x = new float[n + 2 * pad];
        input.CopyTo(x.AsSpan(pad));
        var xs = x.AsSpan();
        var taps = _taps.AsSpan();
        for (var k = 0; k < outLen; k++)
        {
            var num = (long)k * Down;
            var basePos = (int)(num / Up);
            var phase = (int)(num % Up);
            var start = pad + basePos - (_half - 1);
            var window = xs.Slice(start, _stride);
            if (!_interpolated)
            {
                output[k] = Dot(window, taps.Slice(phase * _stride, _stride));
            }
            else
            {
                var pos = (double)phase * _phases / Up;
                var idx = (int)pos;
                var a = (float)(pos - idx);
                var lo = Dot(window, taps.Slice(idx * _stride, _stride));
                var hi = Dot(window, taps.Slice((idx + 1) * _stride, _stride));
                output[k] = lo + a * (hi - lo);
            }
        }
        return output;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var acc = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++) acc += va[i] * vb[i];
        return Vector.Sum(acc);
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
