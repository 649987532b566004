namespace Rig.Hardware.Power;

/// <summary>A span of TimeProvider timestamps: the idle stretch or the marked inference window.</summary>
public readonly record struct PowerWindow(long Start, long Stop)
{
    public double Seconds(long timestampFrequency) => (Stop - Start) / (double)timestampFrequency;

    /// <summary>
    /// True when the reading's whole conversion lies inside: it ended after the poll before the one that saw
    /// CNVR, so it began after that minus one cycle; and it ended before the reading's timestamp.
    /// </summary>
    public bool Holds(PowerReading r, long cycleStamps) =>
        r.Sample.PreviousPollTimestamp - cycleStamps >= Start && r.Timestamp <= Stop;
}
