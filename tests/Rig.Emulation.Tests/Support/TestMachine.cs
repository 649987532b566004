using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Loading;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Support;

/// <summary>
/// A test chip: 64 KB flash at 0 (with <paramref name="flashWaitStates"/>), 16 KB SRAM at
/// 0x20000000, a peripheral window at 0x40000000 nobody models, the core with the M0+ cycle
/// model, the program loaded and reset from the vector table at 0.
/// </summary>
public sealed class TestMachine
{
    public TestMachine(string elfPath, CoreKind kind = CoreKind.CortexM0Plus, int flashWaitStates = 0, bool stopOnFault = false)
    {
        Memory = new MemoryMap();
        Memory.AddMemory("flash", 0, 0x10000, writable: false, flashWaitStates);
        Memory.AddMemory("sram", ThumbAssembler.RamStart, ThumbAssembler.RamSize, writable: true, 0);
        Memory.AddUnmodelledWindow("test peripherals", 0x4000_0000, 0x1000_0000);
        Core = new ArmCore(kind, Memory, new CortexM0PlusTiming(Memory), kind == CoreKind.CortexM4 ? new NoThumb32() : null,
            new ExceptionConfig(32, kind == CoreKind.CortexM0Plus ? 2 : 4, HasVtor: true));
        Elf = ElfFile.Load(elfPath);
        Core.Symbols = ElfImageLoader.Load(Elf, Memory, kind, "test chip");
        Core.StopOnFault = stopOnFault;
        Core.Reset(0);
    }

    public static TestMachine Of(string body, CoreKind kind = CoreKind.CortexM0Plus, int flashWaitStates = 0, bool stopOnFault = false) =>
        new(ThumbAssembler.Program(body, kind == CoreKind.CortexM0Plus ? "cortex-m0plus" : "cortex-m4"), kind, flashWaitStates, stopOnFault);

    public MemoryMap Memory { get; }
    public ArmCore Core { get; }
    public ElfFile Elf { get; }

    public uint R(int n) => Core.R[n];

    /// <summary>Runs to the program's BKPT (fails the test on any other stop).</summary>
    public EmulationStop RunToBreakpoint(ulong maxCycles = 1_000_000)
    {
        var stop = Core.Run(maxCycles);
        Assert.True(stop.Reason == StopReason.Breakpoint, $"expected the program's BKPT, got {stop}");
        return stop;
    }

    public uint Address(string label) =>
        Core.Symbols?.AddressOf(label) ?? throw new InvalidOperationException($"no label {label}");
}
