namespace Rig.Emulation.Tests.Thumb32;

/// <summary>Single loads/stores, LDRD/STRD, LDM/STM, PUSH/POP.W (DDI 0403E A5.3.5-A5.3.10).</summary>
public class LoadStoreTests
{
    const uint Ram = Thumb32Machine.SramBase;

    static Thumb32Machine Machine(string asm, uint r1 = Ram + 0x100)
    {
        var m = new Thumb32Machine(asm);
        m.R[1] = r1;
        return m;
    }

    [Fact]
    public void Ldr_immediate_forms_and_writeback()
    {
        var m = Machine("ldr.w r0, [r1, #0x104]\nldr r2, [r1, #-4]\nldr r3, [r1, #8]!\nldr r4, [r1], #8");
        m.Map.Write32(Ram + 0x204, 0xCAFEBABE);
        m.Map.Write32(Ram + 0x0FC, 0x11111111);
        m.Map.Write32(Ram + 0x108, 0x22222222);
        m.Run();
        Assert.Equal(0xCAFEBABEu, m.R[0]);
        Assert.Equal(0x11111111u, m.R[2]);
        Assert.Equal(0x22222222u, m.R[3]); // pre-indexed: loads from r1 + 8, r1 = r1 + 8
        Assert.Equal(0x22222222u, m.R[4]); // post-indexed: loads from r1 (now +8), then r1 += 8
        Assert.Equal(Ram + 0x110, m.R[1]);
    }

    [Fact]
    public void Ldr_register_offset_shifts_the_index()
    {
        var m = Machine("ldr.w r0, [r1, r2, lsl #2]\nldrh.w r3, [r1, r2, lsl #1]");
        m.R[2] = 3;
        m.Map.Write32(Ram + 0x10C, 0xA5A5A5A5);
        m.Map.Write32(Ram + 0x104, 0xBEEF0000);
        m.Run();
        Assert.Equal(0xA5A5A5A5u, m.R[0]);
        Assert.Equal(0xBEEFu, m.R[3]); // halfword at r1 + (3 << 1) = 0x106
    }

    [Fact]
    public void Byte_and_halfword_loads_extend_by_signedness()
    {
        var m = Machine("ldrsb.w r0, [r1]\nldrb.w r2, [r1]\nldrsh.w r3, [r1, #2]\nldrh.w r4, [r1, #2]");
        m.Map.Write32(Ram + 0x100, 0x8000_0080);
        m.Run();
        Assert.Equal(0xFFFFFF80u, m.R[0]);
        Assert.Equal(0x80u, m.R[2]);
        Assert.Equal(0xFFFF8000u, m.R[3]);
        Assert.Equal(0x8000u, m.R[4]);
    }

    [Fact]
    public void Stores_write_their_size_only()
    {
        var m = Machine("str.w r0, [r1, #0x10]\nstrb.w r2, [r1, #4]\nstrh.w r3, [r1, #-2]\nstr r4, [r1], #-4\nstrh.w r5, [r1, r6, lsl #1]");
        m.R[0] = 0x11223344; m.R[2] = 0x1FF; m.R[3] = 0xABCD1234; m.R[4] = 0x55; m.R[5] = 0x7777; m.R[6] = 6;
        m.Run();
        Assert.Equal(0x11223344u, m.Map.Read32(Ram + 0x110));
        Assert.Equal(0xFFu, m.Map.Read32(Ram + 0x104)); // byte 0 only
        Assert.Equal(0x1234u, m.Map.Read32(Ram + 0xFC) >> 16); // halfword at 0xFE
        Assert.Equal(0x55u, m.Map.Read32(Ram + 0x100)); // post-indexed: stored at r1, then r1 -= 4
        Assert.Equal(Ram + 0xFC, m.R[1]);
        Assert.Equal(0x7777u, m.Map.Read32(Ram + 0x108)); // 0xFC + (6 << 1)
    }

    [Fact]
    public void Ldr_literal_reads_relative_to_the_aligned_pc()
    {
        // ldr.w at 0x1000 (PC reads 0x1004), nop.w, data at 0x1008
        var m = new Thumb32Machine("ldr.w r0, data\nnop.w\ndata: .word 0x11223344");
        m.Step();
        Assert.Equal(0x11223344u, m.R[0]);
        m = Thumb32Machine.Execute("b.w over\ndata2: .word 0x55667788\nover: ldr.w r0, data2"); // U = 0: PC - imm
        Assert.Equal(0x55667788u, m.R[0]);
    }

    [Fact]
    public void Ldr_into_pc_interworks()
    {
        var m = Machine("ldr.w pc, [r1]");
        m.Map.Write32(Ram + 0x100, 0x0000_2001);
        m.Step();
        Assert.Equal(0x2000u, m.Core.Pc);
    }

    [Fact]
    public void Unaligned_ldr_is_allowed_and_ldrt_loads()
    {
        var m = Machine("ldr.w r0, [r1, #1]\nldrt r2, [r1, #4]");
        m.Map.Write32(Ram + 0x100, 0x44332211);
        m.Map.Write32(Ram + 0x104, 0x88776655);
        m.Run();
        Assert.Equal(0x55443322u, m.R[0]);
        Assert.Equal(0x88776655u, m.R[2]);
    }

    [Fact]
    public void Unaligned_ldr_w_faults_when_ccr_unalign_trp_is_set()
    {
        var m = Machine("ldr.w r0, [r1, #1]");
        m.Map.Write32(0xE000_ED14, 0x208); // CCR: STKALIGN | UNALIGN_TRP
        m.StepToFault();
        Assert.Equal(Thumb32Machine.CfsrUnaligned, m.Core.Scs.Cfsr);
    }

    [Fact]
    public void Pld_is_a_hint_even_for_an_unmapped_address()
    {
        var m = Machine("pld [r1, #0]\npli [r1, #0]", r1: 0x9000_0000);
        m.Run();
        Assert.Equal(Thumb32Machine.CodeBase + 8, m.Core.Pc);
    }

    [Fact]
    public void Ldrd_strd_with_writeback_and_literal()
    {
        var m = Machine("strd r2, r3, [r1, #8]!\nldrd r4, r5, [r1], #-8\nldrd r6, r7, lit\nb.w out\n.align 2\nlit: .word 0xAAAA0001, 0xBBBB0002\nout:");
        m.R[2] = 0x12345678; m.R[3] = 0x9ABCDEF0;
        m.Run();
        Assert.Equal(0x12345678u, m.Map.Read32(Ram + 0x108));
        Assert.Equal(0x9ABCDEF0u, m.Map.Read32(Ram + 0x10C));
        Assert.Equal((0x12345678u, 0x9ABCDEF0u), (m.R[4], m.R[5]));
        Assert.Equal(Ram + 0x100, m.R[1]);
        Assert.Equal((0xAAAA0001u, 0xBBBB0002u), (m.R[6], m.R[7]));
    }

    [Fact]
    public void Unaligned_ldrd_ldm_and_exclusives_are_usage_faults()
    {
        foreach (var (asm, address) in new[] { ("ldrd r4, r5, [r1]", Ram + 2), ("ldmia.w r1, {r2, r3}", Ram + 1), ("ldrex r0, [r1]", Ram + 2), ("strexh r0, r2, [r1]", Ram + 1) })
        {
            var m = Machine(asm, r1: address);
            m.StepToFault();
            Assert.Equal(Thumb32Machine.CfsrUnaligned, m.Core.Scs.Cfsr);
        }
    }

    [Fact]
    public void Push_pop_w_move_sp_and_pop_pc_interworks()
    {
        var m = new Thumb32Machine("push.w {r4-r7, lr}\npop.w {r0-r3, pc}");
        uint sp = m.R[13];
        for (int i = 4; i < 8; i++) m.R[i] = (uint)(i * 0x11);
        m.R[14] = 0x0000_3001;
        m.Step();
        Assert.Equal(sp - 20, m.R[13]);
        Assert.Equal(0x44u, m.Map.Read32(sp - 20)); // lowest register at the lowest address
        Assert.Equal(0x3001u, m.Map.Read32(sp - 4));
        m.Step();
        Assert.Equal(sp, m.R[13]);
        Assert.Equal(new uint[] { 0x44, 0x55, 0x66, 0x77 }, m.R[0..4]);
        Assert.Equal(0x3000u, m.Core.Pc);
    }

    [Fact]
    public void Stm_ldmdb_with_and_without_writeback()
    {
        var m = Machine("stmia.w r1, {r2, r3}\nldmdb r4!, {r5, r6}");
        m.R[2] = 7; m.R[3] = 9; m.R[4] = Ram + 0x108;
        m.Run();
        Assert.Equal(Ram + 0x100, m.R[1]);
        Assert.Equal((7u, 9u), (m.R[5], m.R[6]));
        Assert.Equal(Ram + 0x100, m.R[4]);
    }
}
