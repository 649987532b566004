using BenchmarkDotNet.Attributes;
using Rig.Core;
using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Oracle;
using Rig.Emulation.Profiling;

namespace Rig.Benchmarks;

/// <summary>
/// What the firmware probe (per-function profile, stack high-water, SRAM writes; rig/Rig.Emulation/Profiling)
/// costs: program (b) (the firmware core, 64 frontend columns) from reset to selftest_done on the ISS without a
/// trace (the core's fast loop), with a trace that does nothing (the core's per-instruction Step path: the floor of
/// anything hooked on ArmCore.Trace), with the profile alone, and with the whole probe.
/// </summary>
[InProcess]
[WarmupCount(1)]
[IterationCount(5)]
public class ProfilerBenchmarks
{
    const int Columns = 64;

    [Params("microbit", "mps2-an386")]
    public string Machine { get; set; } = "";

    string folder = "";
    SelftestImage image = null!;
    ElfFile elf = null!;
    ArmCore core = null!;

    sealed class NoTrace : IInstructionTrace
    {
        public void Executed(ArmCore core, uint pc, ushort hw1, ushort hw2, bool skipped, ulong cycles) { }
    }

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("rig-bench-profiler-").FullName;
        var machine = QemuMachine.All.Single(m => m.Name == Machine);
        image = new SelftestBuilder(RepoPaths.Firmware, folder, TimeSpan.FromMinutes(2)).Build(machine, SelftestProgram.FirmwareCore, Columns);
        elf = ElfFile.Load(image.ElfPath);
    }

    [IterationSetup]
    public void Load() => core = QemuMachineChip.Create(image.Machine, image.ElfPath);

    ulong RunToDone()
    {
        // selftest_done is a `b .`: the run ends at a cycle budget well past it, then the PC says it got there.
        while (core.Pc != image.DoneAddress)
            if (core.Run(core.Cycles + 50_000) is { Reason: not StopReason.MaxCycles } stop)
                throw new InvalidOperationException($"stopped before selftest_done: {stop}");
        return core.Cycles;
    }

    [Benchmark(Baseline = true)]
    public ulong Plain() => RunToDone();

    [Benchmark]
    public ulong EmptyTrace()
    {
        core.Trace = new NoTrace();
        return RunToDone();
    }

    [Benchmark]
    public ulong FunctionsOnly()
    {
        core.Trace = FirmwareProbe.Create(core, elf, functions: true, ramWrites: false);
        return RunToDone();
    }

    [Benchmark]
    public ulong WholeProbe()
    {
        core.Trace = FirmwareProbe.Create(core, elf);
        return RunToDone();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);
}
