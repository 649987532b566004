using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Thumb32;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// A Cortex-M4 core with the Thumb-2 executor, an assembled snippet in flash at <see cref="CodeBase"/>
/// and 64 KB of SRAM at <see cref="SramBase"/>; <see cref="Step"/> executes one 32-bit instruction
/// through <see cref="Thumb2Executor"/> directly (the snippets use only 32-bit encodings).
/// </summary>
sealed class Thumb32Machine
{
    public const uint CodeBase = 0x0000_1000;
    public const uint SramBase = 0x2000_0000;

    public Thumb32Machine(string source, int flashWaitStates = 0)
    {
        Map = new MemoryMap();
        var flash = Map.AddMemory("flash", 0, 0x1_0000, writable: false, flashWaitStates);
        Map.AddMemory("sram", SramBase, 0x1_0000, writable: true, waitStates: 0);
        var code = ThumbAssembler.Assemble(source);
        code.CopyTo(flash.Backing!, (int)CodeBase);
        End = CodeBase + (uint)code.Length;
        Timing = new CortexM4Timing(Map);
        Core = new ArmCore(CoreKind.CortexM4, Map, Timing, Executor) { Pc = CodeBase };
        Core.R[13] = SramBase + 0x8000;
    }

    public MemoryMap Map { get; }
    public CortexM4Timing Timing { get; }
    public Thumb2Executor Executor { get; } = new();
    public ArmCore Core { get; }
    public uint End { get; }
    public uint[] R => Core.R;

    /// <summary>Executes the instruction at the PC; a non-branching one moves the PC on by 4 as the core's loop does.</summary>
    public void Step()
    {
        uint pc = Core.Pc;
        var hw1 = (ushort)Map.Read16(pc);
        Assert.True(hw1 >> 11 >= 0x1D, $"0x{hw1:X4} at 0x{pc:X8} is a 16-bit encoding (the core's, not the Thumb-2 executor's)");
        var hw2 = (ushort)Map.Read16(pc + 2);
        Assert.True(Executor.Execute(Core, hw1, hw2), $"0x{hw1:X4} 0x{hw2:X4} at 0x{pc:X8} not implemented");
        if (Core.Pc == pc) Core.Pc = pc + 4;
    }

    /// <summary>Steps until the PC leaves the snippet (or <paramref name="limit"/> instructions).</summary>
    public void Run(int limit = 1000)
    {
        for (int i = 0; i < limit && Core.Pc >= CodeBase && Core.Pc < End; i++) Step();
    }

    /// <summary>Runs a snippet with the given registers preset and returns the machine.</summary>
    public static Thumb32Machine Execute(string source, params (int Reg, uint Value)[] registers)
    {
        var m = new Thumb32Machine(source);
        foreach (var (reg, value) in registers) m.R[reg] = value;
        m.Run();
        return m;
    }

    public (bool N, bool Z, bool C, bool V) Flags => (Core.N, Core.Z, Core.C, Core.V);
}
