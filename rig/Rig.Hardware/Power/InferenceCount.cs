namespace Rig.Hardware.Power;

/// <summary>How many back-to-back inferences fill a window with enough INA219 samples.</summary>
public static class InferenceCount
{
    /// <summary>Samples wanted inside the window (issue 5).</summary>
    public const int MinimumWindowSamples = 200;

    /// <summary>Headroom over the minimum: edge samples straddling a mark are discarded, and estimates are rough.</summary>
    public const double Margin = 1.25;

    public const int Maximum = 1_000_000;

    /// <summary>Conversion periods in a window (and in the idle stretch before it): 1.25 x (200 + 2).</summary>
    public const double WindowPeriods = Margin * (MinimumWindowSamples + 2);

    /// <summary>K = ceil(1.25 x (200 + 2) x conversion period / seconds per inference), at least 1.</summary>
    public static int For(double secondsPerInference, TimeSpan conversionPeriod, int minimumSamples = MinimumWindowSamples)
    {
        if (!(secondsPerInference > 0) || double.IsInfinity(secondsPerInference))
            throw new ArgumentOutOfRangeException(nameof(secondsPerInference), secondsPerInference, "estimated seconds per inference must be positive");
        var windowSeconds = Margin * (minimumSamples + 2) * conversionPeriod.TotalSeconds;
        return (int)Math.Clamp(Math.Ceiling(windowSeconds / secondsPerInference), 1, Maximum);
    }

    /// <summary>
    /// K for a second attempt when a window of <paramref name="k"/> inferences held only
    /// <paramref name="samplesSeen"/> samples: the estimate was off, so scale K by what the window held.
    /// </summary>
    public static int Rescale(int k, int samplesSeen) =>
        (int)Math.Min(Maximum, Math.Ceiling(k * WindowPeriods / Math.Max(1, samplesSeen)));
}
