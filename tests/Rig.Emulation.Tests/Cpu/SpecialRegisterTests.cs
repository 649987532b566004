using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cpu;

/// <summary>MRS/MSR, CPS, CONTROL.SPSEL stack switching (ARMv6-M ARM B4.2).</summary>
public sealed class SpecialRegisterTests
{
    [Fact]
    public void Msr_apsr_sets_the_flags_and_mrs_reads_them_back()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0xA0000000
                msr apsr, r0
                mrs r1, apsr
                mrs r2, ipsr
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0xA000_0000u, m.R(1));
        Assert.True(m.Core.N && m.Core.C && !m.Core.Z && !m.Core.V);
        Assert.Equal(0u, m.R(2));
    }

    [Fact]
    public void Cps_and_msr_primask_mask_interrupts()
    {
        var m = TestMachine.Of("""
            reset:
                cpsid i
                mrs r0, primask
                cpsie i
                mrs r1, primask
                movs r2, #1
                msr primask, r2
                mrs r3, primask
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(1u, m.R(0));
        Assert.Equal(0u, m.R(1));
        Assert.Equal(1u, m.R(3));
    }

    [Fact]
    public void Setting_control_spsel_in_thread_mode_switches_sp_to_the_psp()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x20001000
                msr psp, r0
                movs r0, #2
                msr control, r0
                isb
                mov r1, sp           @ now the PSP
                mrs r2, msp
                mrs r3, control
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0x2000_1000u, m.R(1));
        Assert.Equal(ThumbAssembler.RamStart + ThumbAssembler.RamSize, m.R(2));
        Assert.Equal(2u, m.R(3));
        Assert.Equal(0x2000_1000u, m.Core.Psp);
    }
}
