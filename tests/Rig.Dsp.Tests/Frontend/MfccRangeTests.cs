using Rig.Dsp.Frontend;
using Rig.Dsp.Signals;
using Rig.Dsp.Tables;

namespace Rig.Dsp.Tests.Frontend;

/// <summary>
/// The MFCCs fit their int16 for every input and every band count FrontendConfig allows with MFCC on:
/// no coefficient ever reaches the saturation the DCT stage would apply, and c0 keeps the frame's level.
/// </summary>
public class MfccRangeTests
{
    public static TheoryData<int> BandCounts()
    {
        var data = new TheoryData<int>();
        for (var m = 1; m <= 48; m++) data.Add(m);
        return data;
    }

    [Theory]
    [MemberData(nameof(BandCounts))]
    public void No_coefficient_saturates_from_digital_silence_to_full_scale(int melBands)
    {
        var tables = new FrontendTables(ConfigWith(melBands));
        foreach (var log in ExtremeLogMels(tables))
        {
            var mfcc = new short[melBands];
            Q15Dct.Apply(log, tables.Dct, mfcc);
            for (var k = 0; k < melBands; k++)
            {
                long acc = 0;
                for (var m = 0; m < melBands; m++) acc += (long)log[m] * tables.Dct[k * melBands + m];
                var unsaturated = (acc + 16384) >> 15;
                Assert.InRange(unsaturated, short.MinValue + 1, short.MaxValue - 1);
                Assert.Equal(unsaturated, mfcc[k]);
            }
            Assert.InRange(mfcc[0] - log.Average(v => (double)v), -5.0, 5.0);
        }
    }

    [Theory]
    [InlineData(13)]
    [InlineData(32)]
    [InlineData(48)]
    public void C0_follows_the_level_of_silence_quiet_and_loud_frames(int melBands)
    {
        var c = ConfigWith(melBands);
        var n = c.FftLength * 4;
        var loud = TestSignals.Sweep(c.SampleRate, n);
        var quiet = loud.Select(v => (short)(v >> 5)).ToArray();
        var c0 = new[] { new short[n], quiet, loud }.Select(x => MeanC0(c, x)).ToArray();

        Assert.Equal(FrontendTables.LogFloorQ78, c0[0], tolerance: 5);
        Assert.True(c0[0] < c0[1] && c0[1] < c0[2], $"c0 of silence, quiet, loud: {string.Join(", ", c0)}");
    }

    private static double MeanC0(FrontendConfig c, short[] samples)
    {
        var columns = new Q15Frontend(c).ComputeAll(samples);
        Assert.NotEmpty(columns);
        Assert.All(columns, col => Assert.InRange(col[0], short.MinValue + 1, short.MaxValue - 1));
        return columns.Average(col => (double)col[0]);
    }

    private static FrontendConfig ConfigWith(int melBands) =>
        RepoProfiles.Load("stm32l4").Frontend with { MelBands = melBands, MfccCount = melBands };

    /// <summary>Every log-mel frame at the ends of the log stage's range, and for each coefficient the frame that drives it furthest either way.</summary>
    private static IEnumerable<short[]> ExtremeLogMels(FrontendTables t)
    {
        const short floor = FrontendTables.LogFloorQ78, top = -512;
        var m = t.Config.MelBands;
        yield return Enumerable.Repeat(floor, m).ToArray();
        yield return Enumerable.Repeat(top, m).ToArray();
        for (var k = 1; k < t.Config.MfccCount; k++)
        {
            var row = t.Dct.AsSpan(k * m, m).ToArray();
            yield return row.Select(d => d > 0 ? top : floor).ToArray();
            yield return row.Select(d => d > 0 ? floor : top).ToArray();
        }
    }
}
