using CsCheck;
using Rig.Dsp.Frontend;
using Rig.Dsp.Reference;
using Rig.Dsp.Signals;
using Rig.Dsp.Tables;

namespace Rig.Dsp.Tests.Frontend;

/// <summary>Each integer stage against its exact value.</summary>
public class AccuracyTests
{
    [Fact]
    public void Log2_q78_is_within_one_step_of_the_exact_value()
    {
        var lut = new FrontendTables(RepoProfiles.Load("py32f003").Frontend).Log2Lut;
        Gen.UInt[1, uint.MaxValue].Sample(v =>
        {
            var exact = (Math.Log2(v) - 28) * 256;
            return exact < FrontendTables.LogFloorQ78 || Math.Abs(LogMel.Log2Q78(v, 0, lut) - exact) <= 1.0;
        }, iter: 20000);
        Assert.Equal(FrontendTables.LogFloorQ78, LogMel.Log2Q78(0, 0, lut));
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Fft_of_a_bin_centred_sine_peaks_at_its_bin(string profile)
    {
        var c = RepoProfiles.Load(profile).Frontend;
        var fe = new Q15Frontend(c);
        var bin = c.FftLength / 8 + 1;
        var x = new short[c.FftLength];
        for (var i = 0; i < x.Length; i++) x[i] = (short)Math.Round(16000 * Math.Cos(2 * Math.PI * bin * i / c.FftLength));
        fe.Push(x, out var ready);
        Assert.True(ready);
        var p = fe.Taps.Power;
        var peak = Array.IndexOf(p, p.Max());
        Assert.Equal(bin, peak);
        // Window shift 1 (16000 << 1 fits), hann peak bin: |X|/N = A/4 of the normalised amplitude.
        Assert.Equal(1, fe.Taps.Shift);
        var expected = 32000 / 2.0 * 0.5 / 2; // (x << 1) * w >> 16, coherent gain 0.5, one side of the cosine
        var got = Math.Sqrt(p[bin]);
        Assert.InRange(got, expected * 0.99 - (c.Window == "hamming" ? -expected * 0.08 : 0), expected * 1.09 + 2);
    }

    [Fact]
    public void Full_scale_sine_reads_about_minus_four_in_its_band()
    {
        var c = RepoProfiles.Load("nrf52840").Frontend;
        var reference = new FloatFrontend(c);
        var bin = 40;
        var x = new short[c.FftLength];
        for (var i = 0; i < x.Length; i++) x[i] = (short)Math.Round(32767 * Math.Sin(2 * Math.PI * bin * i / c.FftLength));
        var fe = new Q15Frontend(c);
        fe.Push(x, out _);
        var refLog = new double[c.MelBands];
        reference.LogMel(x, refLog);
        var loudest = refLog.Max();
        Assert.InRange(loudest, -4.5, -3.5);
        Assert.InRange(fe.Taps.Log.Max() / 256.0, loudest - 0.05, loudest + 0.05);
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Q15_log_mel_is_within_a_decibel_of_the_float_reference(string profile)
    {
        var c = RepoProfiles.Load(profile).Frontend;
        var error = new LogMelError(c);
        foreach (var name in TestSignals.Names)
        {
            error.Restart();
            error.Add(TestSignals.Create(name, c.SampleRate, c.SampleRate, seed: 9));
        }
        Assert.True(error.Values > 100);
        Assert.True(error.MeanAbsErrorDb <= 1.0, $"{error.MeanAbsErrorDb} dB");
    }

    [Fact]
    public void Error_metric_notices_a_wrong_pipeline()
    {
        // Same signals through a model with a broken log LUT must show a large error.
        var c = RepoProfiles.Load("py32f003").Frontend;
        var good = new LogMelError(c);
        good.Add(TestSignals.Noise(c.SampleRate, 3));
        var tables = new FrontendTables(c);
        for (var i = 0; i < tables.Log2Lut.Length; i++) tables.Log2Lut[i] = 0;
        var fe = new Q15Frontend(tables);
        var reference = new FloatFrontend(c);
        var x = TestSignals.Noise(c.FftLength, 3);
        fe.Push(x, out _);
        var r = new double[c.MelBands];
        reference.LogMel(x, r);
        var err = r.Select((v, m) => Math.Abs(v - fe.Taps.Log[m] / 256.0)).Average() * 3.0103;
        Assert.True(good.MeanAbsErrorDb < 0.5);
        Assert.True(err > 1.0, $"{err}");
    }
}
