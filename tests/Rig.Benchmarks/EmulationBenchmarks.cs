using BenchmarkDotNet.Attributes;
using Rig.Core;
using Rig.Emulation.Cpu;
using Rig.Emulation.Oracle;

namespace Rig.Benchmarks;

/// <summary>
/// EMULATION target: the ISS runs >= 50 million instructions per second on program (b) (the firmware
/// core: frontend + model on a fixed input, firmware/emulation-selftest/firmware_core.c), and the same
/// ELF's wall time under QEMU, run (not stepped) from reset to its selftest_done breakpoint, is
/// measured in the same run: Iss / Qemu of the mean times is the ratio (QEMU being a JIT).
/// The instruction count of one run is found in the setup (stepping the ISS to selftest_done) and
/// printed; instructions per second = that count / the Iss mean.
/// </summary>
// In process: a run starts QEMU per iteration anyway, and no separate benchmark executable has to be built.
[InProcess]
// An emulated board runs for minutes: the steady state after the JIT's tiering (PGO-instrumented code first,
// fully optimised after a few dozen calls of the run loop) is the figure, so the warm-up covers the tier-up.
[WarmupCount(8)]
[IterationCount(15)]
public class EmulationBenchmarks
{
    /// <summary>Frontend columns of program (b), the most it takes: 2.5 M (M0) / 4.9 M (M4) instructions, so an iteration
    /// lasts long enough for QEMU's start-up not to be the measurement and for the JIT to reach its steady state.</summary>
    const int Columns = 64;

    [Params("microbit", "mps2-an386")]
    public string Machine { get; set; } = "";

    string folder = "";
    SelftestImage image = null!;
    ulong instructions;
    ArmCore core = null!;
    QemuSession? qemu;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("rig-bench-emulation-").FullName;
        var machine = QemuMachine.All.Single(m => m.Name == Machine);
        image = new SelftestBuilder(RepoPaths.Firmware, folder, TimeSpan.FromMinutes(2)).Build(machine, SelftestProgram.FirmwareCore, Columns);
        var probe = QemuMachineChip.Create(machine, image.ElfPath);
        while (probe.Pc != image.DoneAddress)
            if (probe.Step() is { } stop) throw new InvalidOperationException($"{image.ElfPath}: the ISS stopped before selftest_done: {stop}");
        instructions = probe.Instructions;
        Console.WriteLine($"// {Machine}: program (b) with {Columns} columns = {instructions} instructions to selftest_done");
    }

    [IterationSetup(Target = nameof(Iss))]
    public void LoadIss() => core = QemuMachineChip.Create(image.Machine, image.ElfPath);

    /// <summary>The ISS from reset to selftest_done (the instruction count found in the setup).</summary>
    [Benchmark(Baseline = true)]
    public ulong Iss()
    {
        var stop = core.Run(ulong.MaxValue, instructions);
        if (core.Pc != image.DoneAddress) throw new InvalidOperationException($"the ISS ended at 0x{core.Pc:X8}, not selftest_done: {stop}");
        return core.Instructions;
    }

    [IterationSetup(Target = nameof(Qemu))]
    public void StartQemu() => qemu = QemuSession.Start(image.Machine, image.ElfPath, TimeSpan.FromSeconds(60));

    /// <summary>QEMU from reset (halted, started in the iteration setup) to the selftest_done breakpoint.</summary>
    [Benchmark]
    public uint Qemu() => new QemuLockstepTarget(qemu!.Gdb).RunTo(image.DoneAddress, TimeSpan.FromSeconds(60)).Pc;

    [IterationCleanup(Target = nameof(Qemu))]
    public void StopQemu()
    {
        qemu?.Dispose();
        qemu = null;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);
}
