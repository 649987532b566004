using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// TIM1 as the ADC's sample clock (Reference Manual, "Advanced-control timer (TIM1)"): an up-counter
/// clocked by PCLK (APB prescaler /1, so TIMCLK = PCLK = the core clock) through PSC + 1, overflowing
/// after ARR + 1 counts with an update event. PSC is preloaded (taken at the next update event, or at
/// once by EGR.UG); ARR is taken at once while CR1.ARPE is clear. CR2.MMS = 010 sends each update
/// event to TRGO, which starts an ADC conversion. Only the up-counting time base is modelled:
/// interrupts, capture/compare and other counter modes stop the run.
/// </summary>
public sealed class Py32Tim1 : RegisterBlock, IClocked
{
    public const uint BaseAddress = 0x4001_2C00;
    public const uint Size = 0x400;

    public const uint Cr1 = 0x00, Cr2 = 0x04, Sr = 0x10, Egr = 0x14, Cnt = 0x24, Psc = 0x28, Arr = 0x2C;
    public const uint Cr1Cen = 1u << 0, Cr1Arpe = 1u << 7;
    public const uint Cr2MmsMask = 7u << 4, Cr2MmsUpdate = 2u << 4;
    public const uint EgrUg = 1u << 0;
    public const uint SrUif = 1u << 0;

    readonly ArmCore core;
    readonly Action<ulong> trgo;
    uint cr1, cr2, sr, psc, pscShadow, arr = 0xFFFF;
    // Cycle at which the counter was 0 at the start of a prescaler period (valid while counting).
    ulong zeroAt;
    uint stoppedCount;
    ulong nextUpdate = ulong.MaxValue;

    /// <param name="trgo">Called with the cycle of each update event when MMS routes it to TRGO.</param>
    public Py32Tim1(ArmCore core, Action<ulong> trgo) : base("TIM1", BaseAddress)
    {
        this.core = core;
        this.trgo = trgo;
        core.AddClocked(this);
    }

    bool Counting => (cr1 & Cr1Cen) != 0;

    ulong TickCycles => (ulong)pscShadow + 1;

    public ulong NextEventCycle => nextUpdate;

    public void Service(ulong now)
    {
        while (nextUpdate <= now)
        {
            var at = nextUpdate;
            zeroAt = at;
            UpdateEvent(at);
            nextUpdate = zeroAt + TickCycles * ((ulong)arr + 1);
        }
    }

    void UpdateEvent(ulong at)
    {
        pscShadow = psc;
        sr |= SrUif;
        if ((cr2 & Cr2MmsMask) == Cr2MmsUpdate) trgo(at);
    }

    uint Count(ulong now) => Counting ? (uint)((now - zeroAt) / TickCycles) : stoppedCount;

    protected override uint ReadRegister(uint offset) => offset switch
    {
        Cr1 => cr1,
        Cr2 => cr2,
        Sr => sr,
        Egr => 0,
        Cnt => Count(core.Cycles),
        Psc => psc,
        Arr => arr,
        _ => throw Unmodelled(offset, write: false),
    };

    protected override void WriteRegister(uint offset, uint value)
    {
        var now = core.Cycles;
        switch (offset)
        {
            case Cr1:
                // Only CEN and ARPE: direction, centre-aligned modes, one-pulse and URS are not modelled.
                if ((value & ~(Cr1Cen | Cr1Arpe)) != 0) throw Unmodelled(offset, write: true);
                var count = Count(now);
                cr1 = value;
                if (Counting) zeroAt = now - (ulong)count * TickCycles;
                else stoppedCount = count;
                break;
            case Cr2:
                if ((value & ~Cr2MmsMask) != 0) throw Unmodelled(offset, write: true);
                cr2 = value;
                break;
            case Sr: sr &= value; break; // rc_w0
            case Egr:
                if ((value & ~EgrUg) != 0) throw Unmodelled(offset, write: true);
                if ((value & EgrUg) != 0)
                {
                    // UG re-initialises the counter and generates an update event (RM "TIMx_EGR").
                    zeroAt = now;
                    stoppedCount = 0;
                    UpdateEvent(now);
                }
                break;
            case Cnt:
                stoppedCount = value & 0xFFFF;
                zeroAt = now - (ulong)stoppedCount * TickCycles;
                break;
            case Psc: psc = value & 0xFFFF; break;
            case Arr:
                if ((cr1 & Cr1Arpe) != 0) throw Unmodelled(offset, write: true); // preloaded ARR is not modelled
                arr = value & 0xFFFF;
                break;
            default: throw Unmodelled(offset, write: true);
        }
        Reschedule(now);
    }

    void Reschedule(ulong now)
    {
        nextUpdate = Counting ? zeroAt + TickCycles * ((ulong)arr + 1) : ulong.MaxValue;
        if (nextUpdate <= now) nextUpdate = now + 1;
        core.Reschedule();
    }
}
