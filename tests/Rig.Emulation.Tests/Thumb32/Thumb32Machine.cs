using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Thumb32;
using Rig.Emulation.Loading;
using Rig.Emulation.Memory;
using Rig.Emulation.Tests.Support;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// A Cortex-M4 core with the Thumb-2 executor and the M4 cycle model: 64 KB flash at 0 (a vector
/// table whose reset vector is the snippet), the assembled snippet at <see cref="CodeBase"/>, 64 KB
/// of SRAM at <see cref="SramBase"/>. <see cref="Step"/> runs one instruction through the core's
/// own loop (<see cref="ArmCore.Step"/>); faults stop the run (StopOnFault) with CFSR recorded.
/// </summary>
sealed class Thumb32Machine
{
    public const uint CodeBase = 0x0000_1000;
    public const uint SramBase = 0x2000_0000;
    const string LinkerScript = "ENTRY(snippet)\nSECTIONS { .text 0x1000 : { *(.text*) } }";

    public Thumb32Machine(string source, int flashWaitStates = 0)
    {
        Map = new MemoryMap();
        Map.AddMemory("flash", 0, 0x1_0000, writable: false, flashWaitStates);
        Map.AddMemory("sram", SramBase, 0x1_0000, writable: true, waitStates: 0);
        var elf = ElfFile.Load(ThumbAssembler.Assemble(
            $".syntax unified\n.thumb\n.text\n.global snippet\nsnippet:\n{source}\n", "cortex-m4", LinkerScript));
        ElfImageLoader.Load(elf, Map, CoreKind.CortexM4, "test chip");
        var text = elf.Sections.Single(s => s.Name == ".text");
        End = (uint)(text.Address + text.Size);
        Map.Load(0, [.. BitConverter.GetBytes(SramBase + 0x8000), .. BitConverter.GetBytes(CodeBase | 1)]);
        Timing = new CortexM4Timing(Map);
        Core = new ArmCore(CoreKind.CortexM4, Map, Timing, Executor) { StopOnFault = true };
        Core.Reset(0);
    }

    public MemoryMap Map { get; }
    public CortexM4Timing Timing { get; }
    public Thumb2Executor Executor { get; } = new();
    public ArmCore Core { get; }
    public uint End { get; }
    public ref RegisterFile R => ref Core.R;

    /// <summary>Executes the instruction at the PC; fails the test when the run stops.</summary>
    public void Step()
    {
        var stop = Core.Step();
        Assert.True(stop is null, stop?.ToString());
    }

    /// <summary>Executes the instruction at the PC, which must fault; returns the stop.</summary>
    public EmulationStop StepToFault()
    {
        var stop = Core.Step();
        Assert.True(stop is { Reason: StopReason.Fault }, $"expected a fault, got {stop?.ToString() ?? "none"}");
        return stop!;
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

    /// <summary>UFSR bits in CFSR (B3.2.15): NOCP 19, UNALIGNED 24, DIVBYZERO 25.</summary>
    public const uint CfsrNoCoprocessor = 1u << 19, CfsrUnaligned = 1u << 24, CfsrDivideByZero = 1u << 25;
}
