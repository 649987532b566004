namespace Rig.Simulation.Ina219;

/// <summary>Where the virtual chip sits and how its bus behaves.</summary>
public sealed record VirtualIna219Options
{
    public int BusId { get; init; } = 1;
    /// <summary>7-bit address; A1/A0 strapping gives 0x40-0x4F (SBOS448G 8.5.5.1).</summary>
    public int Address { get; init; } = 0x40;
    public double ShuntOhms { get; init; } = 0.1;
    /// <summary>
    /// SCL frequency used to charge each transaction's bus time to the clock (via <see cref="AdvanceClock"/>).
    /// 0 = transactions take no time.
    /// </summary>
    public double I2cBusHz { get; init; } = 400_000;
    /// <summary>
    /// Moves a virtual clock on by each transaction's bus time, so a driver polling CNVR on a virtual clock
    /// sees time pass exactly as the wire would make it pass. Null when the clock moves by itself.
    /// </summary>
    public Action<TimeSpan>? AdvanceClock { get; init; }
    /// <summary>Fault: the chip stops acknowledging after this many transfers (0 = never), like a bus that dies mid-run.</summary>
    public long NakAfterTransfers { get; init; }
    /// <summary>False: nothing answers at the address (every transfer is a NAK).</summary>
    public bool Present { get; init; } = true;
}
