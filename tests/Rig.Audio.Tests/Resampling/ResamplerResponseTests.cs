using Rig.Audio.Resampling;
using Rig.Audio.Tests.Support;
using Xunit.Abstractions;

namespace Rig.Audio.Tests.Resampling;

/// <summary>
/// Stepped sine sweeps through the resampler: the passband must be flat and everything that would
/// fold back below the new Nyquist frequency must be at least 60 dB down.
/// </summary>
public class ResamplerResponseTests(ITestOutputHelper output)
{
    public static TheoryData<int, int> Pairs => new()
    {
        { 44100, 16000 }, { 48000, 8000 }, { 22050, 16000 }, { 16000, 8000 }, { 44100, 8000 },
        { 8000, 16000 }, { 11025, 16000 }, { 44101, 16000 },
    };

    // Measures the output's amplitude away from the clip edges, where the filter sees only signal.
    private static (float[] Out, int Skip) Run(PolyphaseResampler r, double hz, double amplitude = 0.5)
    {
        var x = Signals.Sine(hz, r.FromRate, r.FromRate / 4, amplitude);
        var y = r.Process(x);
        return (y, r.TapsPerPhase * r.ToRate / r.FromRate + 8);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Passband_ripple_is_under_0_1_dB_from_near_DC_to_0_42_of_the_lower_rate(int from, int to)
    {
        var r = new PolyphaseResampler(from, to);
        var edge = 0.42 * Math.Min(from, to);
        var gains = new List<double>();
        for (var k = 0; k <= 40; k++)
        {
            var hz = 30 + (edge - 30) * k / 40;
            var (y, skip) = Run(r, hz);
            var middle = y.AsSpan(skip, y.Length - 2 * skip);
            gains.Add(Signals.Db(Signals.AmplitudeAt(middle, hz, to) / 0.5));
        }
        var ripple = gains.Max() - gains.Min();
        output.WriteLine($"{from}->{to}: passband ripple {ripple:0.0000} dB, gain {gains.Min():0.0000}..{gains.Max():0.0000} dB");
        Assert.InRange(ripple, 0, 0.1);
        Assert.InRange(gains.Min(), -0.1, 0.1);
        Assert.InRange(gains.Max(), -0.1, 0.1);
    }

    [Theory]
    [InlineData(44100, 16000)]
    [InlineData(48000, 8000)]
    [InlineData(22050, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(44100, 8000)]
    [InlineData(44101, 16000)]
    public void Everything_above_the_new_Nyquist_is_rejected_by_at_least_60_dB(int from, int to)
    {
        var r = new PolyphaseResampler(from, to);
        var worst = double.NegativeInfinity;
        var stop = 0.5 * to;
        for (var k = 0; k <= 60; k++)
        {
            var hz = stop + (0.499 * from - stop) * k / 60;
            var (y, skip) = Run(r, hz);
            // Whatever comes out is aliasing (it lands somewhere below to/2): measure all of it.
            var level = Signals.Db(Signals.Rms(y.AsSpan(skip, y.Length - 2 * skip)) * Math.Sqrt(2) / 0.5);
            worst = Math.Max(worst, level);
        }
        output.WriteLine($"{from}->{to}: stopband rejection {-worst:0.0} dB (worst case from {stop} Hz to {0.499 * from} Hz)");
        Assert.True(worst <= -60, $"stopband leaks at {worst:0.0} dB");
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 48000)]
    [InlineData(11025, 16000)]
    public void Upsampling_images_are_rejected_by_at_least_60_dB(int from, int to)
    {
        var r = new PolyphaseResampler(from, to);
        var worst = double.NegativeInfinity;
        for (var k = 0; k <= 30; k++)
        {
            var hz = 50 + (0.499 * from - 50) * k / 30;
            if (hz > 0.42 * from && hz < 0.5 * from) continue; // the transition band
            var (y, skip) = Run(r, hz);
            var middle = y.AsSpan(skip, y.Length - 2 * skip);
            var image = from - hz; // the first image of a zero-stuffed upsampler
            if (image >= to / 2.0) continue;
            var level = hz < 0.42 * from ? Signals.Db(Signals.AmplitudeAt(middle, image, to) / 0.5) : 0;
            worst = Math.Max(worst, level);
        }
        output.WriteLine($"{from}->{to}: image rejection {-worst:0.0} dB");
        Assert.True(worst <= -60, $"images at {worst:0.0} dB");
    }

    [Fact]
    public void A_logarithmic_chirp_keeps_its_passband_and_loses_what_would_alias()
    {
        const int from = 44100, to = 16000;
        var n = from * 2;
        var x = new float[n];
        double phase = 0;
        var freq = new double[n];
        for (var i = 0; i < n; i++)
        {
            freq[i] = 100 * Math.Pow(200, (double)i / n); // 100 Hz to 20 kHz
            phase += 2 * Math.PI * freq[i] / from;
            x[i] = (float)(0.5 * Math.Sin(phase));
        }
        var y = PolyphaseResampler.Resample(x, from, to);
        double passSum = 0, stopSum = 0;
        int passN = 0, stopN = 0;
        for (var k = 400; k < y.Length - 400; k++)
        {
            var f = freq[(int)((long)k * from / to)];
            if (f < 0.4 * to) { passSum += y[k] * y[k]; passN++; }
            else if (f > 0.55 * to) { stopSum += y[k] * y[k]; stopN++; }
        }
        var pass = Signals.Db(Math.Sqrt(passSum / passN) * Math.Sqrt(2) / 0.5);
        var stop = Signals.Db(Math.Sqrt(stopSum / stopN) * Math.Sqrt(2) / 0.5);
        output.WriteLine($"chirp: passband {pass:0.000} dB, stopband {stop:0.0} dB");
        Assert.InRange(pass, -0.1, 0.1);
        Assert.True(stop < -60, $"stopband {stop:0.0} dB");
    }

    [Theory]
    [InlineData(44100, 16000, 44100, 16000)]
    [InlineData(8000, 16000, 1000, 2000)]
    [InlineData(44100, 16000, 1, 1)]
    [InlineData(48000, 8000, 7, 2)]
    public void Output_covers_the_same_duration(int from, int to, int n, int expected)
    {
        Assert.Equal(expected, PolyphaseResampler.Resample(new float[n], from, to).Length);
    }

    [Fact]
    public void A_constant_stays_constant_away_from_the_edges()
    {
        var x = Enumerable.Repeat(0.25f, 8000).ToArray();
        var r = new PolyphaseResampler(44100, 16000);
        var y = r.Process(x);
        for (var k = 100; k < y.Length - 100; k++) Assert.Equal(0.25f, y[k], 1e-5f);
    }

    [Fact]
    public void Equal_rates_copy_and_bad_rates_are_refused()
    {
        float[] x = [0.1f, 0.2f];
        Assert.Equal(x, PolyphaseResampler.Resample(x, 16000, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(0, 16000));
        Assert.Throws<ArgumentException>(() => new PolyphaseResampler(16000, 8000, new ResamplerDesign(PassbandEdge: 0.6)));
    }
}
