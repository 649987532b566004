namespace Rig.Hardware.Ina219;

/// <summary>The bus voltage register decoded (SBOS448G 8.6.3.2).</summary>
public readonly record struct Ina219BusVoltage(ushort Raw)
{
    /// <summary>Bits 15..3, 4 mV LSB. Unsigned: the 13-bit value never goes through a signed cast.</summary>
    public int Counts => Raw >> 3;
    public double Volts => Counts * 0.004;
    /// <summary>CNVR, bit 1: a conversion finished since power was last read.</summary>
    public bool ConversionReady => (Raw & 0x2) != 0;
    /// <summary>OVF, bit 0: current or power arithmetic out of range.</summary>
    public bool MathOverflow => (Raw & 0x1) != 0;
}

/// <summary>
/// One conversion as the sampler read it. <see cref="Timestamp"/> is the TimeProvider timestamp of
/// the poll that saw CNVR; the conversion ended after <see cref="PreviousPollTimestamp"/> (the poll
/// before it, which had not seen CNVR), which brackets it for window alignment. <see cref="ClearedTimestamp"/> is
/// taken just before the power read that cleared CNVR: the next conversion the sampler sees ended after it.
/// </summary>
public readonly record struct Ina219Sample(
    long Timestamp,
    long PreviousPollTimestamp,
    double BusVolts,
    double CurrentAmps,
    double PowerWatts,
    ushort PowerRegister,
    long ClearedTimestamp);
