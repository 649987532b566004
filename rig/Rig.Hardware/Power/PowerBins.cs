namespace Rig.Hardware.Power;

/// <summary>Power over one stretch of a live readout.</summary>
public readonly record struct PowerBin(double StartSeconds, double EndSeconds, int Samples, double MeanMw, double MinMw, double MaxMw);

/// <summary>Groups readings into fixed-length bins for the live table and sparkline.</summary>
public static class PowerBins
{
    public static IReadOnlyList<PowerBin> Of(IReadOnlyList<PowerReading> readings, long timestampFrequency, long originTimestamp, double binSeconds, double totalSeconds)
    {
        if (!(binSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(binSeconds), binSeconds, "bin length must be positive");
        var count = Math.Max(1, (int)Math.Ceiling(totalSeconds / binSeconds - 1e-9));
        var groups = new List<double>[count];
        for (var i = 0; i < count; i++) groups[i] = [];
        foreach (var r in readings)
        {
            var t = (r.Timestamp - originTimestamp) / (double)timestampFrequency;
            var i = (int)Math.Floor(t / binSeconds);
            if (i >= 0 && i < count) groups[i].Add(r.PowerWatts * 1e3);
        }
        return groups.Select((g, i) => new PowerBin(i * binSeconds, Math.Min((i + 1) * binSeconds, totalSeconds), g.Count,
            g.Count > 0 ? g.Average() : double.NaN, g.Count > 0 ? g.Min() : double.NaN, g.Count > 0 ? g.Max() : double.NaN)).ToList();
    }

    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>One block character per bin, scaled between the smallest and largest mean; a space for an empty bin.</summary>
    public static string Sparkline(IReadOnlyList<PowerBin> bins)
    {
        var means = bins.Where(b => b.Samples > 0).Select(b => b.MeanMw).ToList();
        if (means.Count == 0) return new string(' ', bins.Count);
        double lo = means.Min(), hi = means.Max();
        return string.Concat(bins.Select(b => b.Samples == 0 ? ' '
            : hi - lo < 1e-12 ? Blocks[3] : Blocks[(int)Math.Round((b.MeanMw - lo) / (hi - lo) * (Blocks.Length - 1))]));
    }
}
