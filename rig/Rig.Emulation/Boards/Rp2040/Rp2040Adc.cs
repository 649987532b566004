using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// The ADC as the port runs it (datasheet 4.9 "ADC and Temperature Sensor"): CS.EN powers it (READY set
/// while no conversion runs; ASSUMPTION: ready at once), CS.START_MANY converts AINSEL repeatedly, one
/// result every 1 + DIV.INT + DIV.FRAC / 256 cycles of clk_adc (4.9.2.2), timed here in core cycles at
/// the clk_sys/clk_adc ratio of the moment START_MANY was set. Each result takes one sample from the
/// microphone (AINSEL 0, GPIO 26) as a 12-bit code into the 4-entry FIFO (FCS.EN); DREQ_ADC is asserted
/// while the FIFO holds at least FCS.THRESH results. A result for a full FIFO is lost and sets FCS.OVER.
/// Round robin, the temperature sensor, SHIFT, START_ONCE and the ADC interrupt are not modelled.
/// </summary>
public sealed class Rp2040Adc : Rp2040Block, IClocked
{
    public const uint BaseAddress = 0x4004_C000;
    public const int FifoDepth = 4;

    public const uint Cs = 0x00, Result = 0x04, Fcs = 0x08, Fifo = 0x0C, Div = 0x10, Inte = 0x18;
    public const uint CsEn = 1u << 0, CsStartOnce = 1u << 2, CsStartMany = 1u << 3, CsReady = 1u << 8;
    public const int CsAinselPos = 12;
    public const uint FcsEn = 1u << 0, FcsShift = 1u << 1, FcsDreqEn = 1u << 3, FcsEmpty = 1u << 8, FcsFull = 1u << 9;
    public const uint FcsUnder = 1u << 10, FcsOver = 1u << 11;
    public const int FcsLevelPos = 16, FcsThreshPos = 24;

    /// <summary>The microphone's input: AINSEL 0 = GPIO 26 (datasheet 4.9.1).</summary>
    public const uint MicInput = 0;

    readonly MicrophoneFeed microphone;
    readonly Rp2040Clocks clocks;
    readonly Queue<uint> fifo = new();
    uint cs, fcs, div, result;
    ulong startedAt;
    UInt128 periodNumerator; // core cycles per result = periodNumerator / periodDenominator
    ulong periodDenominator = 1;
    ulong results;
    ulong nextResult = ulong.MaxValue;

    public Rp2040Adc(ArmCore core, Rp2040Resets resets, Rp2040Clocks clocks, MicrophoneFeed microphone)
        : base("ADC", BaseAddress, core, resets, Rp2040Resets.Adc)
    {
        this.clocks = clocks;
        this.microphone = microphone;
        core.AddClocked(this);
    }

    /// <summary>The DMA's pacing: called after a result entered the FIFO.</summary>
    public Action? ResultQueued { get; set; }

    /// <summary>DREQ_ADC (datasheet 4.9.3): the FIFO holds at least THRESH results and DREQ_EN is set.</summary>
    public bool DreqAsserted => (fcs & FcsDreqEn) != 0 && fifo.Count > 0 && fifo.Count >= Math.Max(1, (int)((fcs >> FcsThreshPos) & 0xF));

    /// <summary>The 12-bit code the port turns back into <paramref name="q15"/> ((code - 2048) * 16, board.c): q15 / 16 rounded down, plus mid-scale.</summary>
    public static uint Code(short q15) => (uint)((q15 >> 4) + 2048);

    protected override void OnReset()
    {
        (cs, fcs, div, result) = (0, 0, 0, 0);
        fifo.Clear();
        nextResult = ulong.MaxValue;
    }

    public ulong NextEventCycle => nextResult;

    public void Service(ulong now)
    {
        while (nextResult <= now)
        {
            Convert();
            results++;
            nextResult = startedAt + (ulong)(periodNumerator * (results + 1) / periodDenominator);
        }
    }

    void Convert()
    {
        result = Code(microphone.Take());
        if ((fcs & FcsEn) == 0) return;
        if (fifo.Count >= FifoDepth)
        {
            fcs |= FcsOver;
            return;
        }
        fifo.Enqueue(result);
        ResultQueued?.Invoke();
    }

    void Start()
    {
        var clkAdc = clocks.ClkAdcHz;
        var clkSys = clocks.ClkSysHz;
        if (clkAdc <= 0 || clkSys <= 0 || ((cs >> CsAinselPos) & 7) != MicInput || (fcs & FcsShift) != 0)
        {
            Core.StopRun(StopReason.UnmappedAccess, $"ADC START_MANY with clk_adc {clkAdc:0} Hz, AINSEL {(cs >> CsAinselPos) & 7}, FCS 0x{fcs:X}: the model converts input 0 (the microphone) as 12-bit results on a running clk_adc", BaseAddress + Cs);
            return;
        }
        // Period in 1/256 clk_adc cycles, scaled to core cycles: exact rational timing (7812.5 cycles at 16 kHz and 125 MHz).
        var period256 = 256 + ((div >> 8) & 0xFFFF) * 256 + (div & 0xFF);
        periodNumerator = (UInt128)period256 * (ulong)Math.Round(clkSys);
        periodDenominator = 256 * (ulong)Math.Round(clkAdc);
        startedAt = Core.Cycles;
        results = 0;
        nextResult = startedAt + (ulong)(periodNumerator / periodDenominator);
        Core.Reschedule();
    }

    protected override uint Read(uint register)
    {
        switch (register)
        {
            case Cs: return cs | ((cs & CsEn) != 0 ? CsReady : 0);
            case Result: return result;
            case Fcs:
                return fcs | (fifo.Count == 0 ? FcsEmpty : 0) | (fifo.Count >= FifoDepth ? FcsFull : 0) | ((uint)fifo.Count << FcsLevelPos);
            case Fifo:
                if (fifo.Count == 0)
                {
                    fcs |= FcsUnder;
                    return 0;
                }
                return fifo.Dequeue();
            case Div: return div;
            case Inte: return 0;
            default: throw Unmodelled(register, write: false);
        }
    }

    protected override uint Peek(uint register) => register switch
    {
        Fifo => 0,
        Fcs => fcs,
        Cs => cs,
        _ => Read(register),
    };

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case Cs:
                if ((value & (CsStartOnce | 0x1F_0002)) != 0) throw Unmodelled(register, write: true); // START_ONCE, TS_EN, RROBIN
                var wasRunning = (cs & CsStartMany) != 0;
                cs = value & 0x700F;
                var running = (cs & (CsEn | CsStartMany)) == (CsEn | CsStartMany);
                if (running && !wasRunning) Start();
                else if (!running)
                {
                    nextResult = ulong.MaxValue;
                    Core.Reschedule();
                }
                break;
            case Fcs:
                // UNDER and OVER are write-1-to-clear; THRESH, DREQ_EN, ERR, SHIFT, EN are stored.
                fcs = (value & 0x0F00_000F) | (fcs & ~value & (FcsUnder | FcsOver));
                break;
            case Div: div = value & 0xFF_FFFF; break;
            case Inte:
                if (value != 0) throw Unmodelled(register, write: true);
                break;
            default: throw Unmodelled(register, write: true);
        }
    }
}
