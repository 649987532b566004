using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Exceptions;

/// <summary>HardFault on an undefined instruction, an unaligned access and a bus error; lockup; stops instead of faults.</summary>
public sealed class HardFaultTests
{
    const string Handler = """
        hardfault_handler:
            mrs r4, ipsr
            mov r0, sp
            ldr r5, [r0, #24]    @ stacked PC: the faulting instruction
            bkpt #1
        """;

    /// <summary>A program whose instruction at label <c>bad</c> loads a word from <paramref name="address"/>, then BKPT #0.</summary>
    static TestMachine WordLoadFrom(uint address, string handler, bool stopOnFault = false) =>
        TestMachine.Of($"""
            reset:
                ldr r1, =0x{address:X8}
            bad:
                ldr r2, [r1]
                bkpt #0
            {handler}
            """, stopOnFault: stopOnFault);

    [Fact]
    public void Udf_takes_hardfault_with_the_udf_address_stacked()
    {
        var m = TestMachine.Of("""
            reset:
                nop
            bad:
                udf #7
                bkpt #0
            """ + "\n" + Handler);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.Breakpoint, stop.Reason);
        Assert.Equal(3u, m.R(4));
        Assert.Equal(m.Address("bad"), m.R(5));
    }

    [Fact]
    public void An_unaligned_word_load_faults_on_the_m0plus()
    {
        var m = WordLoadFrom(0x2000_0002, Handler);
        var stop = m.Core.Run(10_000);
        Assert.Equal("BKPT #0x01", stop.Message);
        Assert.Equal(m.Address("bad"), m.R(5));
    }

    [Fact]
    public void An_unaligned_word_load_is_allowed_on_the_m4()
    {
        var m = TestMachine.Of("""
            reset:
                ldr.n r0, ram
                ldr.n r1, low
                str r1, [r0]
                ldr.n r1, high
                str r1, [r0, #4]
                movs r3, #2
                ldr r2, [r0, r3]
                bkpt #0
                .align 2
            ram:
                .word 0x20000000
            low:
                .word 0x44332211
            high:
                .word 0x88776655
            """, CoreKind.CortexM4);
        m.RunToBreakpoint();
        Assert.Equal(0x6655_4433u, m.R(2));
    }

    [Fact]
    public void A_load_from_unmapped_memory_is_a_bus_fault_taken_as_hardfault()
    {
        var m = WordLoadFrom(0x3000_0000, Handler);
        var stop = m.Core.Run(10_000);
        Assert.Equal("BKPT #0x01", stop.Message);
        Assert.Equal(m.Address("bad"), m.R(5));
    }

    [Fact]
    public void With_stop_on_fault_an_unmapped_load_stops_naming_address_pc_and_symbol()
    {
        var m = WordLoadFrom(0x3000_0000, "", stopOnFault: true);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(m.Address("bad"), stop.Pc);
        Assert.Equal(0x3000_0000u, stop.Address);
        Assert.Equal("bad", stop.Symbol);
        Assert.Contains("0x30000000", stop.Message);
    }

    [Fact]
    public void A_fault_inside_the_hardfault_handler_locks_the_core_up()
    {
        var m = TestMachine.Of("""
            reset:
                udf #0
            hardfault_handler:
                udf #1
            """);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.Fault, stop.Reason);
        Assert.StartsWith("lockup", stop.Message);
    }

    [Fact]
    public void A_jump_to_unmapped_memory_stops_with_the_target_as_pc()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x30000001
                bx r0
            """, stopOnFault: true);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(0x3000_0000u, stop.Pc);
        Assert.Contains("instruction fetch", stop.Message);
    }

    [Fact]
    public void An_access_to_an_unmodelled_peripheral_stops_naming_the_window()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x40021000
            bad:
                ldr r1, [r0]
                bkpt #0
            """);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(m.Address("bad"), stop.Pc);
        Assert.Contains("test peripherals", stop.Message);
        Assert.Contains("0x40021000", stop.Message);
    }

    [Fact]
    public void An_unmodelled_system_control_register_stops_naming_it()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0xE000ED30  @ DFSR: debug, not modelled
                ldr r1, [r0]
                bkpt #0
            """);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Contains("System Control Space", stop.Message);
        Assert.Contains("0xE000ED30", stop.Message);
    }
}
