namespace Rig.Emulation.Tests.Thumb32;

/// <summary>LDREX/STREX and the local monitor, CLREX, TBB/TBH, B.W T3 (own condition) and T4 (A5.3.4, A5.3.6).</summary>
public class ExclusiveAndBranchTests
{
    const uint Ram = Thumb32Machine.SramBase;

    static Thumb32Machine Machine(string asm)
    {
        var m = new Thumb32Machine(asm);
        m.R[1] = Ram + 0x40;
        m.R[3] = 0xFEEDF00D;
        m.Map.Write32(Ram + 0x40, 0x11111111);
        return m;
    }

    [Fact]
    public void Strex_after_ldrex_stores_and_returns_0()
    {
        var m = Machine("ldrex r0, [r1]\nstrex r2, r3, [r1]");
        m.Run();
        Assert.Equal(0x11111111u, m.R[0]);
        Assert.Equal(0u, m.R[2]);
        Assert.Equal(0xFEEDF00Du, m.Map.Read32(Ram + 0x40));
        Assert.False(m.Core.ExclusiveOpen);
    }

    [Theory]
    [InlineData("ldrex r0, [r1]\nclrex\nstrex r2, r3, [r1]")] // CLREX clears the monitor
    [InlineData("strex r2, r3, [r1]")] // no LDREX at all
    [InlineData("ldrex r0, [r1, #4]\nstrex r2, r3, [r1]")] // a different address
    [InlineData("ldrex r0, [r1]\nstrex r2, r3, [r1]\nstrex r2, r3, [r1]")] // a STREX clears it, pass or fail
    public void Strex_without_an_open_monitor_fails_with_1_and_stores_nothing(string asm)
    {
        var m = Machine(asm);
        m.R[3] = 0x11111111; // what the first STREX of the last case may store: unchanged either way
        m.Map.Write32(Ram + 0x40, 0x11111111);
        m.Run();
        Assert.Equal(1u, m.R[2]);
        Assert.Equal(0x11111111u, m.Map.Read32(Ram + 0x40));
    }

    [Fact]
    public void Byte_and_halfword_exclusives()
    {
        var m = Machine("ldrexb r0, [r1]\nstrexb r2, r3, [r1]\nldrexh r4, [r1]\nstrexh r5, r6, [r1]");
        m.R[6] = 0xABCD;
        m.Run();
        Assert.Equal(0x11u, m.R[0]);
        Assert.Equal(0u, m.R[2]);
        Assert.Equal(0x110Du, m.R[4]); // byte 0 now 0x0D from the STREXB
        Assert.Equal(0u, m.R[5]);
        Assert.Equal(0x1111ABCDu, m.Map.Read32(Ram + 0x40));
    }

    [Theory]
    [InlineData(0u, 10u)]
    [InlineData(1u, 20u)]
    [InlineData(2u, 30u)]
    public void Tbb_branches_by_twice_the_table_byte(uint index, uint expected)
    {
        var m = Thumb32Machine.Execute("""
            tbb [pc, r0]
            table:
            .byte (c0 - table) / 2
            .byte (c1 - table) / 2
            .byte (c2 - table) / 2
            .align 1
            c0: movw r1, #10
            b.w done
            c1: movw r1, #20
            b.w done
            c2: movw r1, #30
            done:
            """, (0, index));
        Assert.Equal(expected, m.R[1]);
    }

    [Fact]
    public void Tbh_reads_halfword_entries_from_a_register_base()
    {
        var m = Thumb32Machine.Execute("""
            adr.w r2, table
            tbh [r2, r0, lsl #1]
            table:
            .hword (c0 - table) / 2
            .hword (c1 - table) / 2
            c0: movw r1, #10
            b.w done
            c1: movw r1, #20
            done:
            """, (0, 1));
        Assert.Equal(20u, m.R[1]);
    }

    [Theory]
    [InlineData("beq.w skip", true, false, false, false, 0u)]
    [InlineData("beq.w skip", false, false, false, false, 1u)]
    [InlineData("bge.w skip", false, true, false, false, 1u)] // N != V: not taken
    [InlineData("bge.w skip", false, true, false, true, 0u)] // N == V
    [InlineData("bhi.w skip", false, false, true, false, 0u)] // C && !Z
    [InlineData("bhi.w skip", true, false, true, false, 1u)]
    [InlineData("bls.w skip", true, false, false, false, 0u)]
    [InlineData("blt.w skip", false, true, false, false, 0u)]
    [InlineData("bgt.w skip", true, false, false, false, 1u)] // Z: not greater
    [InlineData("bmi.w skip", false, true, false, false, 0u)]
    [InlineData("bcc.w skip", false, false, true, false, 1u)]
    public void Conditional_b_w_checks_its_own_condition(string branch, bool z, bool n, bool c, bool v, uint expectedR0)
    {
        var m = new Thumb32Machine(branch + "\nmovw r0, #1\nskip: movw r1, #2");
        (m.Core.Z, m.Core.N, m.Core.C, m.Core.V) = (z, n, c, v);
        m.Run();
        Assert.Equal(expectedR0, m.R[0]);
        Assert.Equal(2u, m.R[1]);
    }

    [Fact]
    public void Unconditional_b_w_goes_forwards_and_backwards_over_long_distances()
    {
        var m = Thumb32Machine.Execute("""
            b.w fwd
            back: movw r0, #7
            b.w out
            .space 0x3000
            fwd: b.w back
            out:
            """);
        Assert.Equal(7u, m.R[0]);
        Assert.Equal(m.End, m.Core.Pc);
    }

    [Fact]
    public void Sev_w_sets_the_event_register_and_wfe_w_consumes_it()
    {
        var m = new Thumb32Machine("sev.w\nwfe.w");
        m.Step();
        Assert.True(m.Core.EventRegister);
        m.Step(); // the event is pending: WFE clears it instead of sleeping
        Assert.False(m.Core.EventRegister);
        Assert.Equal(m.End, m.Core.Pc);
    }

    [Fact]
    public void Nop_w_changes_nothing_but_the_pc()
    {
        var m = new Thumb32Machine("nop.w");
        m.R[0] = 5;
        m.Step();
        Assert.Equal(5u, m.R[0]);
        Assert.Equal(Thumb32Machine.CodeBase + 4, m.Core.Pc);
    }
}
