using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// The 12-bit ADC as the port drives it (Reference Manual, "Analog-to-digital converter (ADC)"): one
/// channel (CHSELR), started by TIM1_TRGO (CFGR1.EXTSEL = 000, EXTEN = 01 rising) once ADSTART is set,
/// each conversion taking the sampling time (SMPR) plus 12.5 ADC clocks, the ADC clock PCLK / 4
/// (CFGR2.CKMODE = 0010). At the end of a conversion the sample at the microphone
/// (<see cref="MicrophoneFeed.Take"/>) becomes a right-aligned 12-bit code in DR, EOC is set and, with
/// DMAEN, the DMA is asked to move it. CR bits are set by software and cleared by the hardware
/// (ADCAL at the end of the calibration, ADSTP/ADSTART when stopped), as the RM describes.
/// Continuous, scan, wait, auto-off, the analog watchdog and interrupts are not modelled.
/// </summary>
public sealed class Py32Adc : RegisterBlock, IClocked
{
    public const uint BaseAddress = 0x4001_2400;
    public const uint Size = 0x400;

    public const uint Isr = 0x00, Ier = 0x04, Cr = 0x08, Cfgr1 = 0x0C, Cfgr2 = 0x10, Smpr = 0x14, Chselr = 0x28, Dr = 0x40;
    public const uint IsrEoc = 1u << 2, IsrEos = 1u << 3, IsrOvr = 1u << 4;
    public const uint CrAden = 1u << 0, CrAdstart = 1u << 2, CrAdstp = 1u << 4, CrAdcal = 1u << 31;
    public const uint Cfgr1DmaEn = 1u << 0, Cfgr1DmaCfg = 1u << 1, Cfgr1ExtSelMask = 7u << 6, Cfgr1ExtEnMask = 3u << 10;
    public const uint Cfgr1ExtEnRising = 1u << 10, Cfgr1OvrMod = 1u << 12;
    public const uint Cfgr2CkModeMask = 0xFu << 28, Cfgr2CkModePclkDiv4 = 2u << 28;

    /// <summary>The microphone's ADC channel: PA0 = ADC_IN0 (datasheet pin definitions).</summary>
    public const uint MicChannelMask = 1u << 0;

    /// <summary>Conversion after sampling: 12.5 ADC clocks (RM "ADC conversion time"), in half clocks.</summary>
    const int ConversionHalfClocks = 25;

    /// <summary>SMPR SMP[2:0] sampling times in half ADC clocks (RM "ADC_SMPR"): 3.5, 5.5, 7.5, 13.5, 28.5, 41.5, 71.5, 239.5.</summary>
    static readonly int[] SamplingHalfClocks = [7, 11, 15, 27, 57, 83, 143, 479];

    /// <summary>ASSUMPTION: the calibration takes 83 ADC clocks, as on the STM32F0 ADC this one follows; the RM gives no figure.</summary>
    const int CalibrationAdcClocks = 83;

    readonly ArmCore core;
    readonly MicrophoneFeed microphone;
    readonly Action dmaRequest;
    uint isr, cr, cfgr1, cfgr2, smpr, chselr, dr;
    ulong conversionEnd = ulong.MaxValue;
    ulong calibrationEnd = ulong.MaxValue;

    /// <param name="dmaRequest">The ADC's DMA request (end of a conversion with DMAEN).</param>
    public Py32Adc(ArmCore core, MicrophoneFeed microphone, Action dmaRequest) : base("ADC", BaseAddress)
    {
        this.core = core;
        this.microphone = microphone;
        this.dmaRequest = dmaRequest;
        core.AddClocked(this);
    }

    /// <summary>Conversions finished since reset.</summary>
    public long Conversions { get; private set; }

    /// <summary>The 12-bit code the port turns back into <paramref name="q15"/> ((code - 2048) * 16, board.c): q15 / 16 rounded down, plus mid-scale.</summary>
    public static uint Code(short q15) => (uint)((q15 >> 4) + 2048);

    /// <summary>Core (= ADC kernel PCLK) cycles per ADC clock: CKMODE 0010 is PCLK / 4; the other modes are not modelled.</summary>
    ulong AdcClockCycles => (cfgr2 & Cfgr2CkModeMask) == Cfgr2CkModePclkDiv4 ? 4u : 0u;

    public ulong NextEventCycle => Math.Min(conversionEnd, calibrationEnd);

    public void Service(ulong now)
    {
        if (calibrationEnd <= now)
        {
            calibrationEnd = ulong.MaxValue;
            cr &= ~CrAdcal;
        }
        if (conversionEnd <= now)
        {
            conversionEnd = ulong.MaxValue;
            EndOfConversion();
        }
    }

    /// <summary>TIM1_TRGO at <paramref name="at"/>: starts a conversion when armed for it.</summary>
    public void Trigger(ulong at)
    {
        if ((cr & (CrAden | CrAdstart)) != (CrAden | CrAdstart)) return;
        if ((cfgr1 & Cfgr1ExtEnMask) != Cfgr1ExtEnRising || (cfgr1 & Cfgr1ExtSelMask) != 0) return;
        if (conversionEnd != ulong.MaxValue) return; // a trigger during a conversion is ignored
        var clocks = AdcClockCycles;
        if (clocks == 0 || chselr != MicChannelMask)
        {
            core.StopRun(StopReason.UnmappedAccess, $"ADC started with CKMODE 0x{cfgr2 >> 28:X} and CHSELR 0x{chselr:X}: the model converts channel 0 (the microphone) at PCLK/4 only", BaseAddress + Cr);
            return;
        }
        var halfClocks = (ulong)(SamplingHalfClocks[smpr & 7] + ConversionHalfClocks);
        conversionEnd = at + halfClocks * clocks / 2;
        core.Reschedule();
    }

    void EndOfConversion()
    {
        if ((isr & IsrEoc) != 0)
        {
            isr |= IsrOvr;
            if ((cfgr1 & Cfgr1OvrMod) == 0) { microphone.Take(); return; } // OVRMOD = 0 keeps the old data
        }
        dr = Code(microphone.Take());
        isr |= IsrEoc | IsrEos;
        Conversions++;
        if ((cfgr1 & Cfgr1DmaEn) != 0) dmaRequest();
    }

    protected override uint ReadRegister(uint offset)
    {
        switch (offset)
        {
            case Isr: return isr;
            case Ier: return 0;
            case Cr: return cr;
            case Cfgr1: return cfgr1;
            case Cfgr2: return cfgr2;
            case Smpr: return smpr;
            case Chselr: return chselr;
            case Dr:
                isr &= ~(IsrEoc | IsrEos);
                return dr;
            default: throw Unmodelled(offset, write: false);
        }
    }

    protected override void WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Isr: isr &= ~value; break; // write 1 to clear
            case Ier:
                if (value != 0) throw Unmodelled(offset, write: true); // ADC interrupts are not modelled
                break;
            case Cr: WriteControl(value); break;
            case Cfgr1:
                // DMAEN, DMACFG, EXTSEL, EXTEN, OVRMOD: right-aligned 12-bit single conversions.
                if ((value & ~(Cfgr1DmaEn | Cfgr1DmaCfg | Cfgr1ExtSelMask | Cfgr1ExtEnMask | Cfgr1OvrMod)) != 0) throw Unmodelled(offset, write: true);
                cfgr1 = value;
                break;
            case Cfgr2: cfgr2 = value; break;
            case Smpr: smpr = value & 7; break;
            case Chselr: chselr = value & 0xFFFF; break;
            default: throw Unmodelled(offset, write: true);
        }
    }

    void WriteControl(uint value)
    {
        if ((value & ~(CrAden | CrAdstart | CrAdstp | CrAdcal)) != 0) throw Unmodelled(Cr, write: true);
        if ((value & CrAdcal) != 0 && (cr & CrAden) == 0 && calibrationEnd == ulong.MaxValue)
        {
            cr |= CrAdcal;
            calibrationEnd = core.Cycles + CalibrationAdcClocks * Math.Max(AdcClockCycles, 1);
        }
        if ((value & CrAden) != 0) cr |= CrAden;
        if ((value & CrAdstart) != 0 && (cr & CrAden) != 0) cr |= CrAdstart;
        if ((value & CrAdstp) != 0 && (cr & CrAdstart) != 0)
        {
            // ADSTP ends the ongoing conversion without data; ADSTART and ADSTP then clear together.
            conversionEnd = ulong.MaxValue;
            cr &= ~(CrAdstart | CrAdstp);
        }
        core.Reschedule();
    }
}
