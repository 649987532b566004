using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// The PDM interface with its EasyDMA channel (PS v1.7 "PDM - Pulse density modulation interface";
/// ID 29), as the port runs it: mono, PDM clock 1.280 MHz, decimation ratio 80, so one 16-bit PCM
/// sample every 80 PDM clocks (16 kHz); EasyDMA writes SAMPLE.MAXCNT samples from SAMPLE.PTR on
/// (little-endian halfwords in Data RAM). START latches PTR and MAXCNT and generates STARTED, so the
/// firmware can set the next buffer at once; when a buffer is full END follows, and the PDM goes on
/// into the buffer set meanwhile (latched, STARTED again). STOP ends the current buffer after the
/// sample in flight: END for what was written, then STOPPED. Each sample is one
/// <see cref="MicrophoneFeed.Take"/>: the PCM the port reads is the Q15 value itself (the port copies
/// it unchanged), at GAINL = 0 dB (0x28); other gains, stereo, the other clocks and ratios are not
/// modelled (writing them stops the run). The decimation filter's start-up delay is not modelled:
/// the first sample lands one sample period after START.
/// </summary>
public sealed class Pdm : NrfPeripheral, IClocked
{
    public const uint BaseAddress = 0x4001_D000;
    public const int Irq = 29;

    public const uint TasksStart = 0x000;
    public const uint TasksStop = 0x004;
    public const uint EventsStarted = 0x100;
    public const uint EventsStopped = 0x104;
    public const uint EventsEnd = 0x108;
    public const uint Enable = 0x500;
    public const uint PdmClkCtrl = 0x504;
    public const uint Mode = 0x508;
    public const uint GainL = 0x518;
    public const uint GainR = 0x51C;
    public const uint Ratio = 0x520;
    public const uint PselClk = 0x540;
    public const uint PselDin = 0x544;
    public const uint SamplePtr = 0x560;
    public const uint SampleMaxCnt = 0x564;

    /// <summary>PDMCLKCTRL: 1.280 MHz (32 MHz / 25), the value the PS lists as 1280K.</summary>
    public const uint Clock1280K = 0x0A00_0000;
    /// <summary>PDMCLKCTRL reset: 1.032 MHz.</summary>
    public const uint ClockReset = 0x0840_0000;
    /// <summary>RATIO: 0 = 64, 1 = 80.</summary>
    public const uint Ratio80 = 1;
    /// <summary>MODE: OPERATION bit 0 (1 = mono), EDGE bit 1 (0 = left sampled on the falling edge).</summary>
    public const uint ModeMono = 1;
    /// <summary>GAINL/GAINR: 0x28 = 0 dB (the reset value; 0.5 dB steps from 0x00 = -20 dB to 0x50 = +20 dB).</summary>
    public const uint GainDefault = 0x28;
    /// <summary>SAMPLE.MAXCNT is a 15-bit count of samples.</summary>
    public const uint MaxCntMask = 0x7FFF;

    readonly ArmCore core;
    readonly MicrophoneFeed microphone;
    readonly uint ramStart, ramEnd;
    readonly long coreHz;
    uint enable, clockCtrl = ClockReset, mode, gainL = GainDefault, gainR = GainDefault, ratio;
    uint pselClk = 0xFFFF_FFFF, pselDin = 0xFFFF_FFFF;
    uint ptr, maxCnt;
    // The buffer EasyDMA is filling (latched at START / at the previous END).
    uint bufferPtr, bufferCount, written;
    bool running;
    ulong nextSampleAt = ulong.MaxValue;
    ulong firstSampleAt;
    long samplesTaken;

    public Pdm(ArmCore core, MicrophoneFeed microphone, long coreHz, uint ramStart, uint ramSize)
        : base("PDM", BaseAddress, new InterruptLine(core, Irq))
    {
        this.core = core;
        this.microphone = microphone;
        this.coreHz = coreHz;
        this.ramStart = ramStart;
        ramEnd = ramStart + ramSize;
        core.AddClocked(this);
    }

    /// <summary>Core cycles between two PCM samples: 80 PDM clocks of 25 / 32 MHz (= 4000 at 64 MHz).</summary>
    public ulong SamplePeriodCycles => (ulong)(coreHz * 25L * 80 / 32_000_000);

    public bool Running => running;

    protected override uint EventMask =>
        1u << EventIndex(EventsStarted) | 1u << EventIndex(EventsStopped) | 1u << EventIndex(EventsEnd);

    protected override uint TaskMask => 0b11;

    protected override void Trigger(uint taskOffset)
    {
        if (taskOffset == TasksStart)
        {
            if (enable == 0 || running) return;
            CheckConfiguration();
            running = true;
            Latch();
            firstSampleAt = core.Cycles;
            samplesTaken = 0;
            nextSampleAt = core.Cycles + SamplePeriodCycles;
            core.Reschedule();
            return;
        }
        if (!running) return;
        running = false;
        nextSampleAt = ulong.MaxValue;
        core.Reschedule();
        Generate(EventsEnd);
        Generate(EventsStopped);
    }

    void CheckConfiguration()
    {
        if (clockCtrl != Clock1280K) throw UnmodelledValue(PdmClkCtrl, clockCtrl, "only the 1.280 MHz PDM clock is modelled");
        if (ratio != Ratio80) throw UnmodelledValue(Ratio, ratio, "only ratio 80 is modelled");
        if (mode != ModeMono) throw UnmodelledValue(Mode, mode, "only mono, left on the falling edge, is modelled");
        if (gainL != GainDefault) throw UnmodelledValue(GainL, gainL, "only the 0 dB gain is modelled");
    }

    /// <summary>EasyDMA takes the buffer the firmware set (PTR, MAXCNT) and says so with STARTED.</summary>
    void Latch()
    {
        var bytes = (ulong)maxCnt * 2;
        if (maxCnt == 0 || (ptr & 3) != 0 || ptr < ramStart || ptr + bytes > ramEnd)
            throw UnmodelledValue(SamplePtr, ptr, $"EasyDMA buffer of {maxCnt} samples at 0x{ptr:X8} is not word-aligned in Data RAM 0x{ramStart:X8}-0x{ramEnd - 1:X8}");
        bufferPtr = ptr;
        bufferCount = maxCnt;
        written = 0;
        Generate(EventsStarted);
    }

    protected override uint? ReadRegister(uint offset) => offset switch
    {
        Enable => enable,
        PdmClkCtrl => clockCtrl,
        Mode => mode,
        GainL => gainL,
        GainR => gainR,
        Ratio => ratio,
        PselClk => pselClk,
        PselDin => pselDin,
        SamplePtr => ptr,
        SampleMaxCnt => maxCnt,
        _ => null,
    };

    protected override bool WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Enable: enable = value & 1; break;
            case PdmClkCtrl: clockCtrl = value; break;
            case Mode: mode = value & 3; break;
            case GainL: gainL = value & 0x7F; break;
            case GainR: gainR = value & 0x7F; break;
            case Ratio: ratio = value & 1; break;
            case PselClk: pselClk = value; break;
            case PselDin: pselDin = value; break;
            case SamplePtr: ptr = value; break;
            case SampleMaxCnt: maxCnt = value & MaxCntMask; break;
            default: return false;
        }
        return true;
    }

    public ulong NextEventCycle => nextSampleAt;

    public void Service(ulong now)
    {
        while (running && nextSampleAt <= now)
        {
            var sample = microphone.Take();
            core.Memory.Write16(bufferPtr + 2 * written, (ushort)sample);
            written++;
            samplesTaken++;
            // From the first sample on, exactly one period apart (no drift from rounding).
            nextSampleAt = firstSampleAt + (ulong)(samplesTaken + 1) * SamplePeriodCycles;
            if (written == bufferCount)
            {
                Generate(EventsEnd);
                Latch();
            }
        }
    }
}
