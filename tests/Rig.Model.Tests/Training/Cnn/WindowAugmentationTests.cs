using Rig.Model.Training;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>The DS-CNN's training augmentations: shifts stay inside the clip, masks clear runs no longer than allowed, smoothed targets are distributions.</summary>
public class WindowAugmentationTests
{
    [Fact]
    public void Shifts_stay_inside_the_clip_within_the_allowed_distance_and_reach_both_ends()
    {
        var a = new WindowAugmentation(new DsCnnOptions { TimeShiftColumns = 5 }, new SplitMix64(1));
        var seen = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
        {
            var s = a.Shift(20, 100, 64);
            Assert.InRange(s, 15, 25);
            seen.Add(s);
            Assert.InRange(a.Shift(0, 100, 64), 0, 5);
            Assert.InRange(a.Shift(36, 100, 64), 31, 36);
        }
        Assert.Equal(11, seen.Count);
    }

    [Fact]
    public void Without_a_shift_the_grid_start_is_kept()
    {
        var a = new WindowAugmentation(new DsCnnOptions(), new SplitMix64(1));
        Assert.Equal(32, a.Shift(32, 250, 64));
    }

    [Fact]
    public void Time_and_band_masks_clear_whole_runs_no_wider_than_allowed()
    {
        const int columns = 64, bands = 13;
        var options = new DsCnnOptions { TimeMasks = 1, TimeMaskMaxColumns = 6, BandMasks = 1, BandMaskMaxBands = 3 };
        var a = new WindowAugmentation(options, new SplitMix64(9));
        var masked = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var x = Enumerable.Repeat(1.0, columns * bands).ToArray();
            a.Mask(x, bands);
            var zeroColumns = Enumerable.Range(0, columns).Where(t => Enumerable.Range(0, bands).All(b => x[t * bands + b] == 0)).ToList();
            var zeroBands = Enumerable.Range(0, bands).Where(b => Enumerable.Range(0, columns).All(t => x[t * bands + b] == 0)).ToList();
            Assert.True(zeroColumns.Count <= 6, $"{zeroColumns.Count} columns cleared");
            Assert.True(zeroBands.Count <= 3, $"{zeroBands.Count} bands cleared");
            // Every cleared value lies in a cleared column or a cleared band, and each is one contiguous run.
            for (var i = 0; i < x.Length; i++)
                if (x[i] == 0) Assert.True(zeroColumns.Contains(i / bands) || zeroBands.Contains(i % bands), $"value {i} cleared outside a mask");
            if (zeroColumns.Count > 0) Assert.Equal(zeroColumns.Count - 1, zeroColumns[^1] - zeroColumns[0]);
            if (zeroBands.Count > 0) Assert.Equal(zeroBands.Count - 1, zeroBands[^1] - zeroBands[0]);
            masked += zeroColumns.Count + zeroBands.Count;
        }
        Assert.True(masked > 0, "no mask in 200 windows");
    }

    [Fact]
    public void Without_masks_the_window_is_untouched()
    {
        var x = Enumerable.Range(0, 64 * 13).Select(i => i + 1.0).ToArray();
        new WindowAugmentation(new DsCnnOptions(), new SplitMix64(2)).Mask(x, 13);
        Assert.Equal(Enumerable.Range(0, 64 * 13).Select(i => i + 1.0), x);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void A_smoothed_target_sums_to_one_and_favours_the_label(double smoothing)
    {
        var t = new double[6];
        WindowAugmentation.Target(2, smoothing, t);
        Assert.Equal(1.0, t.Sum(), 12);
        Assert.Equal(1 - smoothing + smoothing / 6, t[2], 12);
        Assert.All(t.Where((_, i) => i != 2), v => Assert.Equal(smoothing / 6, v, 12));
    }
}
