namespace Rig.Model.Training.Cnn;

/// <summary>
/// What one training window goes through before the net sees it, each draw from the run's seeded
/// generator: its start moved by up to <see cref="DsCnnOptions.TimeShiftColumns"/> either way (kept
/// inside the clip), then SpecAugment-style masks: runs of whole columns and of bands set to 0, the
/// normalised training mean (a masked part carries no information, and 0 is the value the first
/// convolution's folded normalisation treats as "average").
/// </summary>
public sealed class WindowAugmentation(DsCnnOptions options, SplitMix64 rng)
{
    /// <summary>A start column for the window at <paramref name="start"/> of a clip of <paramref name="clipColumns"/> columns.</summary>
    public int Shift(int start, int clipColumns, int windowColumns)
    {
        var s = options.TimeShiftColumns;
        if (s <= 0) return start;
        var moved = start + rng.NextInt(2 * s + 1) - s;
        return Math.Clamp(moved, 0, clipColumns - windowColumns);
    }

    /// <summary>Masks the window <paramref name="x"/> ([columns, bands], time-major) in place.</summary>
    public void Mask(Span<double> x, int bands)
    {
        var columns = x.Length / bands;
        for (var m = 0; m < options.TimeMasks; m++)
        {
            var width = rng.NextInt(options.TimeMaskMaxColumns + 1);
            var first = rng.NextInt(columns - width + 1);
            x.Slice(first * bands, width * bands).Clear();
        }
        for (var m = 0; m < options.BandMasks; m++)
        {
            var width = rng.NextInt(options.BandMaskMaxBands + 1);
            var first = rng.NextInt(bands - width + 1);
            for (var t = 0; t < columns; t++) x.Slice(t * bands + first, width).Clear();
        }
    }

    /// <summary>
    /// The training target of a window of class <paramref name="label"/>: one-hot smoothed by
    /// <see cref="DsCnnOptions.LabelSmoothing"/> (the rest spread evenly over all classes; sums to 1).
    /// </summary>
    public static void Target(int label, double smoothing, Span<double> target)
    {
        target.Fill(smoothing / target.Length);
        target[label] += 1 - smoothing;
    }
}
