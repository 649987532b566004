namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>
/// Pending, active, enabled and priority state of every exception (NVIC for the IRQs, SCB for the
/// system exceptions; ARMv6-M ARM B3.4, ARMv7-M ARM B3.4). Indexed by exception number.
/// </summary>
public sealed class NestedInterrupts
{
    readonly ArmCore core;
    readonly ExceptionConfig config;
    readonly bool[] pending;
    readonly bool[] active;
    readonly bool[] enabled;
    readonly byte[] priority;
    // Level-sensitive request lines of the IRQs (modelled peripherals): a line still high keeps its
    // interrupt pending, and pends it again when its handler returns (ARMv7-M ARM B3.4.1).
    readonly bool[] level;

    public NestedInterrupts(ArmCore core, ExceptionConfig config)
    {
        this.core = core;
        this.config = config;
        Count = ExceptionNumbers.FirstIrq + config.Irqs;
        pending = new bool[Count];
        active = new bool[Count];
        enabled = new bool[Count];
        priority = new byte[Count];
        level = new bool[Count];
    }

    /// <summary>Exception numbers 0 .. Count-1 exist (16 system + the chip's IRQs).</summary>
    public int Count { get; }

    public int ActiveCount { get; private set; }

    public void Reset()
    {
        Array.Clear(pending);
        Array.Clear(active);
        Array.Clear(enabled);
        Array.Clear(priority);
        Array.Clear(level);
        ActiveCount = 0;
    }

    public bool IsPending(int n) => pending[n];
    public bool IsActive(int n) => active[n];
    public bool IsEnabled(int n) => n < ExceptionNumbers.FirstIrq || enabled[n];

    /// <summary>Pends exception <paramref name="n"/> (a peripheral raising IRQ n - 16, a SysTick wrap, PENDSVSET).</summary>
    public void SetPending(int n)
    {
        if (pending[n]) return;
        pending[n] = true;
        core.RequestAttention();
    }

    /// <summary>Pends external interrupt <paramref name="irq"/> (what a modelled peripheral calls).</summary>
    public void RaiseIrq(int irq) => SetPending(ExceptionNumbers.FirstIrq + irq);

    /// <summary>ICPR: a request line that is still high keeps a non-active interrupt pending.</summary>
    public void ClearPending(int n) => pending[n] = level[n] && !active[n];

    public bool IrqLevel(int irq) => level[ExceptionNumbers.FirstIrq + irq];

    /// <summary>
    /// A peripheral's level-sensitive request line for IRQ <paramref name="irq"/>: a rising edge pends
    /// the interrupt (latched even while its handler runs); a line that stays high pends it again when
    /// the handler returns (<see cref="Deactivate"/>) or its pend is cleared.
    /// </summary>
    public void SetIrqLevel(int irq, bool high)
    {
        var n = ExceptionNumbers.FirstIrq + irq;
        var rising = high && !level[n];
        level[n] = high;
        if (high && (rising || !active[n])) SetPending(n);
    }

    public void SetEnabled(int n, bool on)
    {
        enabled[n] = on;
        if (on) core.RequestAttention();
    }

    /// <summary>Priority as the architecture orders it: Reset -3, NMI -2, HardFault -1, others their register value.</summary>
    public int Priority(int n) => n switch
    {
        ExceptionNumbers.Reset => -3,
        ExceptionNumbers.Nmi => -2,
        ExceptionNumbers.HardFault => -1,
        _ => priority[n],
    };

    /// <summary>The 8-bit priority field of exception <paramref name="n"/> (unimplemented low bits read as zero).</summary>
    public byte PriorityField(int n) => priority[n];

    public void SetPriorityField(int n, uint value)
    {
        priority[n] = (byte)(value & config.PriorityMask);
        core.RequestAttention();
    }

    public void Activate(int n)
    {
        pending[n] = false;
        if (!active[n]) ActiveCount++;
        active[n] = true;
    }

    public void Deactivate(int n)
    {
        if (active[n]) ActiveCount--;
        active[n] = false;
        if (level[n]) SetPending(n);
    }

    /// <summary>The pending, enabled exception to take next: lowest priority value, then lowest number; -1 for none.</summary>
    public int HighestPending(out int bestPriority)
    {
        var best = -1;
        bestPriority = int.MaxValue;
        for (var n = 1; n < Count; n++)
        {
            if (!pending[n] || !IsEnabled(n)) continue;
            var p = Priority(n);
            if (p < bestPriority)
            {
                best = n;
                bestPriority = p;
            }
        }
        return best;
    }

    /// <summary>Highest priority (lowest value) among the active exceptions, or 256 when none is active.</summary>
    public int HighestActivePriority(int prigroup)
    {
        var highest = 256;
        if (ActiveCount == 0) return highest;
        for (var n = 1; n < Count; n++)
            if (active[n])
                highest = Math.Min(highest, GroupPriority(Priority(n), prigroup));
        return highest;
    }

    /// <summary>The group (preemption) part of a priority under AIRCR.PRIGROUP (ARMv7-M B1.5.4; 0 on ARMv6-M).</summary>
    public static int GroupPriority(int priority, int prigroup) =>
        priority < 0 ? priority : priority & (0xFF << (prigroup + 1)) & 0xFF;

    /// <summary>An IRQ number's word/bit view for ISER/ICER/ISPR/ICPR/IABR: bits of IRQs 32*word .. 32*word+31.</summary>
    public uint ReadBits(int word, Func<int, bool> state)
    {
        uint bits = 0;
        for (var i = 0; i < 32; i++)
        {
            var n = ExceptionNumbers.FirstIrq + 32 * word + i;
            if (n < Count && state(n)) bits |= 1u << i;
        }
        return bits;
    }
}
