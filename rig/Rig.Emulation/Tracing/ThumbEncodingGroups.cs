namespace Rig.Emulation.Tracing;

/// <summary>A short name of an encoding's group (ARMv7-M ARM A5.2/A5.3 tables) for traces: mnemonic-ish, not a disassembler.</summary>
public static class ThumbEncodingGroups
{
    public static string Name(ushort hw1, ushort hw2)
    {
        if (hw1 >= 0xE800)
        {
            if ((hw1 & 0xF800) == 0xF000 && (hw2 & 0xD000) == 0xD000) return "bl";
            if ((hw1 & 0xFFF0) == 0xF380 && (hw2 & 0xC000) == 0x8000) return "msr";
            if (hw1 == 0xF3EF) return "mrs";
            if (hw1 == 0xF3BF) return ((hw2 >> 4) & 0xF) switch { 4 => "dsb", 5 => "dmb", 6 => "isb", _ => "barrier?" };
            return "32-bit (Thumb-2)";
        }
        return (hw1 >> 11) switch
        {
            0 => (hw1 & 0x07C0) == 0 ? "movs rd, rm" : "lsls #imm",
            1 => "lsrs #imm",
            2 => "asrs #imm",
            3 => ((hw1 >> 9) & 3) switch { 0 => "adds rd, rn, rm", 1 => "subs rd, rn, rm", 2 => "adds #imm3", _ => "subs #imm3" },
            4 => "movs #imm8",
            5 => "cmp #imm8",
            6 => "adds #imm8",
            7 => "subs #imm8",
            8 => (hw1 & 0x0400) == 0
                ? DataProcessing[(hw1 >> 6) & 0xF]
                : ((hw1 >> 8) & 3) switch { 0 => "add (any reg)", 1 => "cmp (any reg)", 2 => "mov (any reg)", _ => (hw1 & 0x80) != 0 ? "blx rm" : "bx rm" },
            9 => "ldr [pc, #imm]",
            10 or 11 => LoadStoreRegister[(hw1 >> 9) & 7],
            12 => "str [rn, #imm]",
            13 => "ldr [rn, #imm]",
            14 => "strb [rn, #imm]",
            15 => "ldrb [rn, #imm]",
            16 => "strh [rn, #imm]",
            17 => "ldrh [rn, #imm]",
            18 => "str [sp, #imm]",
            19 => "ldr [sp, #imm]",
            20 => "adr",
            21 => "add rd, sp, #imm",
            22 or 23 => Miscellaneous(hw1),
            24 => "stm",
            25 => "ldm",
            26 or 27 => ((hw1 >> 8) & 0xF) switch { 0xE => "udf", 0xF => "svc", _ => "b<cond>" },
            28 => "b",
            _ => "?",
        };
    }

    static readonly string[] DataProcessing =
        ["ands", "eors", "lsls rd, rm", "lsrs rd, rm", "asrs rd, rm", "adcs", "sbcs", "rors", "tst", "rsbs #0", "cmp rn, rm", "cmn", "orrs", "muls", "bics", "mvns"];

    static readonly string[] LoadStoreRegister =
        ["str [rn, rm]", "strh [rn, rm]", "strb [rn, rm]", "ldrsb [rn, rm]", "ldr [rn, rm]", "ldrh [rn, rm]", "ldrb [rn, rm]", "ldrsh [rn, rm]"];

    static string Miscellaneous(ushort hw) => ((hw >> 8) & 0xF) switch
    {
        0 => (hw & 0x80) != 0 ? "sub sp, #imm" : "add sp, #imm",
        1 or 3 => "cbz",
        9 or 11 => "cbnz",
        2 => "sxth/sxtb/uxth/uxtb",
        4 or 5 => "push",
        6 => "cps",
        0xA => "rev/rev16/revsh",
        0xC or 0xD => "pop",
        0xE => "bkpt",
        0xF => (hw & 0xF) != 0 ? "it" : ((hw >> 4) & 0xF) switch { 0 => "nop", 1 => "yield", 2 => "wfe", 3 => "wfi", 4 => "sev", _ => "hint" },
        _ => "?",
    };
}
