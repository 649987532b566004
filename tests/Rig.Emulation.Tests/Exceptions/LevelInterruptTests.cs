using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Exceptions;

/// <summary>The NVIC's level-sensitive request lines (ARMv7-M ARM B3.4.1) that every board model's interrupt line drives.</summary>
public sealed class LevelInterruptTests
{
    const int Irq = 3, Exception = ExceptionNumbers.FirstIrq + Irq;

    static NestedInterrupts Nvic()
    {
        var map = new MemoryMap();
        return new ArmCore(CoreKind.CortexM0Plus, map, new CortexM0PlusTiming(map), null, new ExceptionConfig(8, 2, true)).Nvic;
    }

    [Fact]
    public void A_line_still_high_when_its_handler_returns_pends_the_interrupt_again()
    {
        var nvic = Nvic();
        nvic.SetIrqLevel(Irq, true);
        Assert.True(nvic.IsPending(Exception));
        nvic.Activate(Exception);
        Assert.False(nvic.IsPending(Exception));
        nvic.Deactivate(Exception);
        Assert.True(nvic.IsPending(Exception));
    }

    [Fact]
    public void A_line_lowered_by_the_handler_leaves_nothing_pending()
    {
        var nvic = Nvic();
        nvic.SetIrqLevel(Irq, true);
        nvic.Activate(Exception);
        nvic.SetIrqLevel(Irq, false);
        nvic.Deactivate(Exception);
        Assert.False(nvic.IsPending(Exception));
    }

    [Fact]
    public void A_rising_edge_while_the_handler_runs_is_latched()
    {
        var nvic = Nvic();
        nvic.SetIrqLevel(Irq, true);
        nvic.Activate(Exception);
        nvic.SetIrqLevel(Irq, false);
        nvic.SetIrqLevel(Irq, true);
        Assert.True(nvic.IsPending(Exception));
    }

    [Fact]
    public void Clearing_the_pend_of_a_high_line_does_not_clear_it_but_a_low_line_does()
    {
        var nvic = Nvic();
        nvic.SetIrqLevel(Irq, true);
        nvic.ClearPending(Exception);
        Assert.True(nvic.IsPending(Exception));
        nvic.SetIrqLevel(Irq, false);
        nvic.ClearPending(Exception);
        Assert.False(nvic.IsPending(Exception));
    }
}
