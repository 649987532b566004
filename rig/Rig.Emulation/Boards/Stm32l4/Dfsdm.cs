using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// DFSDM1 (RM0351 "Digital filter for sigma delta modulators", registers: channel y at 0x20 x y,
/// filter x at 0x100 + 0x80 x x) as the port runs it for the PDM microphone: channel 0 holds the
/// global enable (DFSDMEN) and the CKOUT divider, channel 2 takes SPI data clocked by CKOUT, filter 0
/// converts channel 2 continuously (Sinc3, FOSR 100, FAST) and asks DMA1 channel 4 (CSELR request 0,
/// RM0351 11.3.2) to fetch each result from FLT0RDATAR. Conversion times (DFSDM "Conversion
/// times"): the first [FOSR x (IOSR - 1 + FORD) + FORD] CKIN periods, then FOSR x IOSR each (FAST),
/// with CKIN = CKOUT = the DFSDM clock (PCLK2 from reset, CCIPR.DFSDM1SEL = 0) / (CKOUTDIV + 1).
/// Each conversion is one <see cref="MicrophoneFeed.Take"/>: the result is the inverse of the port's
/// conversion (RDATAR >> 13, board.c PDM_TO_Q15_SHIFT), RDATA[31:8] = Q15 x 32, with RDATACH = the
/// channel, so the port reads back exactly the Q15 sample (a real Sinc3 of FOSR 100 spans +-1e6, i.e.
/// +-31250 of Q15; the model carries the rig's full Q15 range). Offsets and right shifts (CHyCFGR2),
/// injected conversions, the other filters, the analog watchdog, clock absence/short-circuit detection
/// and the filter interrupts (FLTxCR2) are not modelled.
/// </summary>
public sealed class Dfsdm : StPeripheral, IClocked
{
    public const uint ChannelStride = 0x20;
    public const uint ChCfgr1 = 0x00;
    public const uint ChCfgr2 = 0x04;
    public const int ChannelCount = 8;

    public const uint Flt0 = 0x100;
    public const uint FltCr1 = 0x00;
    public const uint FltCr2 = 0x04;
    public const uint FltIsr = 0x08;
    public const uint FltIcr = 0x0C;
    public const uint FltFcr = 0x14;
    public const uint FltRdatar = 0x1C;

    public const uint ChDfsdmEn = 1u << 31;
    public const uint ChCkoutSrc = 1u << 30;
    public const uint ChChen = 1u << 7;
    /// <summary>SPICKSEL = 01: the channel is clocked by the internal CKOUT.</summary>
    public const uint ChSpiCkselCkout = 1u << 2;

    public const uint CrDfen = 1u << 0;
    public const uint CrJswstart = 1u << 1;
    public const uint CrRswstart = 1u << 17;
    public const uint CrRcont = 1u << 18;
    public const uint CrRsync = 1u << 19;
    public const uint CrRdmaen = 1u << 21;
    public const uint CrFast = 1u << 29;

    public const uint IsrReocf = 1u << 1;
    public const uint IsrRovrf = 1u << 3;
    public const uint IsrRcip = 1u << 14;
    public const uint IcrClrrovrf = 1u << 3;

    /// <summary>The port's Q15 = RDATAR >> 13 (8 bits below RDATA, then 5 more): the inverse shifts left by 13.</summary>
    public const int RawShift = 13;

    /// <summary>DMA1 channel 4, request 0 is DFSDM1_FLT0 (RM0351 11.3.2 Table 41).</summary>
    public const int DmaChannel = 4;
    public const uint DmaSelection = 0;

    readonly ArmCore core;
    readonly MicrophoneFeed microphone;
    readonly DmaController dma;
    readonly Func<long> dfsdmClockHz;
    readonly long coreHz;
    readonly uint[] chCfgr1 = new uint[ChannelCount];
    readonly uint[] chCfgr2 = new uint[ChannelCount];
    uint cr1, fcr, isr, rdatar;
    bool converting;
    ulong nextAt = ulong.MaxValue;
    ulong startedAt;
    long conversions;

    public Dfsdm(string name, uint baseAddress, ArmCore core, MicrophoneFeed microphone, DmaController dma, Func<long> dfsdmClockHz, long coreHz)
        : base(name, baseAddress)
    {
        this.core = core;
        this.microphone = microphone;
        this.dma = dma;
        this.dfsdmClockHz = dfsdmClockHz;
        this.coreHz = coreHz;
        core.AddClocked(this);
    }

    /// <summary>The raw FLT0RDATAR word of a Q15 sample from regular channel <paramref name="channel"/>.</summary>
    public static uint RawOf(short q15, int channel) => (uint)(q15 << RawShift) | (uint)channel;

    int RegularChannel => (int)(cr1 >> 24 & 7);
    uint Fosr => (fcr >> 16 & 0x3FF) + 1;
    uint Iosr => (fcr & 0xFF) + 1;
    uint Ford => fcr >> 29;
    uint CkoutDivider => (chCfgr1[0] >> 16 & 0xFF) + 1;

    /// <summary>Core cycles of one CKIN period (CKOUT = DFSDM clock / (CKOUTDIV + 1)).</summary>
    double CkinCycles => (double)CkoutDivider * coreHz / dfsdmClockHz();

    bool Running => (chCfgr1[0] & ChDfsdmEn) != 0 && (cr1 & CrDfen) != 0;

    protected override uint? ReadRegister(uint offset)
    {
        if (offset < ChannelCount * ChannelStride)
        {
            var y = (int)(offset / ChannelStride);
            return (offset % ChannelStride) switch
            {
                ChCfgr1 => chCfgr1[y],
                ChCfgr2 => chCfgr2[y],
                _ => null,
            };
        }
        switch (offset)
        {
            case Flt0 + FltCr1: return cr1;
            case Flt0 + FltCr2: return 0;
            case Flt0 + FltIsr: return isr | (converting ? IsrRcip : 0);
            case Flt0 + FltFcr: return fcr;
            case Flt0 + FltRdatar:
                isr &= ~IsrReocf;
                return rdatar;
            default: return null;
        }
    }

    protected override bool WriteRegister(uint offset, uint value)
    {
        if (offset < ChannelCount * ChannelStride)
        {
            var y = (int)(offset / ChannelStride);
            switch (offset % ChannelStride)
            {
                case ChCfgr1:
                    if (y != 0 && (value & (ChDfsdmEn | ChCkoutSrc | 0xFFu << 16)) != 0)
                        throw UnmodelledValue(offset, value, "DFSDMEN, CKOUTSRC and CKOUTDIV exist in channel 0 only");
                    if ((value & ChCkoutSrc) != 0) throw UnmodelledValue(offset, value, "CKOUT from the audio clock is not modelled");
                    if ((value & 0x3F73) != 0 || (value & ChChen) != 0 && (value & 0xC) != ChSpiCkselCkout)
                        throw UnmodelledValue(offset, value, "only SPI input on the channel's own pin, clocked by CKOUT on rising edges, is modelled");
                    chCfgr1[y] = value;
                    if (!Running || (chCfgr1[RegularChannel] & ChChen) == 0) converting = false; // DFSDMEN/CHEN off stops the filter
                    break;
                case ChCfgr2:
                    if (value != 0) throw UnmodelledValue(offset, value, "offset and data right shift are not modelled");
                    break;
                default: return false;
            }
            Reschedule();
            return true;
        }
        switch (offset)
        {
            case Flt0 + FltCr1:
                WriteCr1(value);
                break;
            case Flt0 + FltCr2:
                if (value != 0) throw UnmodelledValue(offset, value, "filter interrupts and the analog watchdog are not modelled");
                break;
            case Flt0 + FltIcr:
                isr &= ~(value & IcrClrrovrf);
                break;
            case Flt0 + FltFcr:
                // FCR may be written only with DFEN = 0 (RM0351 DFSDM_FLTxFCR); ignored otherwise.
                if ((cr1 & CrDfen) == 0) fcr = value & 0xE3FF_00FF;
                break;
            default: return false;
        }
        return true;
    }

    void WriteCr1(uint value)
    {
        const uint modelled = CrDfen | CrRswstart | CrRcont | CrRdmaen | CrFast | 7u << 24;
        if ((value & ~modelled) != 0) throw UnmodelledValue(Flt0 + FltCr1, value, "injected conversions, synchronous starts and the watchdog are not modelled");
        cr1 = value & ~CrRswstart; // RSWSTART reads 0 once the conversion started
        if ((cr1 & CrDfen) == 0)
        {
            // DFEN = 0 stops any conversion and resets the filter's flags (DFSDM_FLTxCR1 DFEN).
            converting = false;
            isr = 0;
        }
        else if ((value & CrRswstart) != 0 && !converting) Start();
        Reschedule();
    }

    void Start()
    {
        if ((cr1 & CrFast) == 0 || (cr1 & CrRcont) == 0)
            throw UnmodelledValue(Flt0 + FltCr1, cr1 | CrRswstart, "only continuous regular conversions in FAST mode are modelled");
        if (Ford is 0 or > 5) throw UnmodelledValue(Flt0 + FltFcr, fcr, "only Sinc1..Sinc5 filters are modelled");
        if (!Running || (chCfgr1[RegularChannel] & ChChen) == 0)
            throw UnmodelledValue(Flt0 + FltCr1, cr1 | CrRswstart, $"a regular conversion with DFSDMEN off or channel {RegularChannel} disabled is not modelled");
        converting = true;
        startedAt = core.Cycles;
        conversions = 0;
    }

    /// <summary>Cycle at which conversion <paramref name="n"/> (0-based) of the running sequence completes.</summary>
    ulong CompletionOf(long n)
    {
        var first = Fosr * (Iosr - 1 + Ford) + Ford;
        var periods = first + (double)n * Fosr * Iosr;
        return startedAt + (ulong)Math.Round(periods * CkinCycles);
    }

    void Reschedule()
    {
        nextAt = converting && Running && (chCfgr1[RegularChannel] & ChChen) != 0 ? CompletionOf(conversions) : ulong.MaxValue;
        core.Reschedule();
    }

    public ulong NextEventCycle => nextAt;

    public void Service(ulong now)
    {
        while (nextAt <= now)
        {
            var sample = microphone.Take();
            conversions++;
            if ((isr & IsrReocf) != 0) isr |= IsrRovrf; // the previous result was not read: overrun, this one is lost
            else
            {
                rdatar = RawOf(sample, RegularChannel);
                isr |= IsrReocf;
                if ((cr1 & CrRdmaen) != 0) dma.Request(DmaChannel, DmaSelection);
            }
            nextAt = CompletionOf(conversions);
        }
    }
}
