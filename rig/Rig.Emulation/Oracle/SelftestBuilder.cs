using Rig.Core.Tools;
using Rig.Elf.Format;

namespace Rig.Emulation.Oracle;

/// <summary>
/// Builds the selftest programs with arm-none-eabi-gcc (an argument list, no shell) into an
/// output folder. Program (b) is built with the compile and link flags of the board images
/// (firmware/boards/cortexm/rig_image.cmake: -Os -g -ffunction-sections -fdata-sections
/// -fno-common -Wall -Wextra -Werror, --specs=nano.specs -nostartfiles --gc-sections) and the CPU
/// flags of the core's boards; its tables are a profile's generated headers
/// (py32f003 for the M0+, the hard case; stm32l4 for the M4, whose MFCC stage adds the DCT).
/// </summary>
public sealed class SelftestBuilder(string firmwareDir, string outputDir, TimeSpan timeout, string compiler = "arm-none-eabi-gcc")
{
    /// <summary>Stack of the selftest images (cortexm_sections.ld takes it as __stack_size).</summary>
    const int StackBytes = 2048;

    public string FirmwareDir { get; } = firmwareDir;
    public string OutputDir { get; } = outputDir;

    string Sources => Path.Combine(FirmwareDir, "emulation-selftest");

    /// <summary>The profile whose generated tables and weights program (b) runs on this core.</summary>
    public static string FirmwareProfile(QemuMachine machine) => machine.Core == Cpu.CoreKind.CortexM0Plus ? "py32f003" : "stm32l4";

    /// <summary>Builds one program for one machine; <paramref name="columns"/> is program (b)'s input length in frontend columns.</summary>
    public SelftestImage Build(QemuMachine machine, SelftestProgram program, int columns = 3)
    {
        if (columns is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(columns), columns, "program (b) takes 1 to 64 frontend columns");
        Directory.CreateDirectory(OutputDir);
        var name = program == SelftestProgram.Coverage ? "coverage" : $"firmware-core-{columns}";
        var elf = Path.Combine(OutputDir, $"{name}-{machine.Name}.elf");
        var args = new List<string>(machine.CpuFlags)
        {
            "-Os", "-g", "-ffunction-sections", "-fdata-sections", "-fno-common", "-Wall", "-Wextra", "-Werror",
            "-I" + Sources,
            "-nostartfiles", "--specs=nano.specs",
            "-T" + Path.Combine(Sources, machine.Name + ".ld"),
            "-L" + Path.Combine(FirmwareDir, "boards", "cortexm"),
            "-Wl,--gc-sections", $"-Wl,--defsym=__stack_size={StackBytes}", "-Wl,--fatal-warnings",
            Path.Combine(Sources, "selftest_start.c"),
        };
        if (program == SelftestProgram.Coverage)
        {
            args.Add(Path.Combine(Sources, "coverage.c"));
            args.Add(Path.Combine(Sources, "coverage_v6m.S"));
            args.Add(Path.Combine(Sources, "coverage_exceptions.S"));
            if (machine.Core == Cpu.CoreKind.CortexM4) args.Add(Path.Combine(Sources, "coverage_v7m.S"));
        }
        else
        {
            var profile = FirmwareProfile(machine);
            args.Add("-I" + Path.Combine(FirmwareDir, "core"));
            args.Add("-I" + Path.Combine(FirmwareDir, "generated", profile));
            args.Add($"-DSELFTEST_COLUMNS={columns}");
            args.Add(Path.Combine(Sources, "firmware_core.c"));
            args.Add(Path.Combine(FirmwareDir, "core", "frontend.c"));
            args.Add(Path.Combine(FirmwareDir, "core", "model.c"));
            // A profile that ships an operator graph (RIG_MODEL_GRAPH in its weights header) runs it through
            // model_graph.c and the nn kernels; for an MLP profile they compile to nothing or are collected.
            args.Add(Path.Combine(FirmwareDir, "core", "model_graph.c"));
            args.AddRange(Directory.GetFiles(Path.Combine(FirmwareDir, "core", "nn"), "*.c").Order(StringComparer.Ordinal));
        }
        args.Add("-o");
        args.Add(elf);
        Run(args);
        var file = ElfFile.Load(elf);
        return new SelftestImage(machine, program, elf, Symbol(file, "selftest_done"), Symbol(file, "selftest_unexpected"));
    }

    static uint Symbol(ElfFile file, string name) =>
        file.Symbols.FirstOrDefault(s => s.Name == name) is { } s
            ? s.Address(file.Machine)
            : throw new SelftestBuildException($"{file.Path}: no symbol {name} (firmware/emulation-selftest/selftest_start.c defines it)");

    void Run(IReadOnlyList<string> args)
    {
        var run = ExternalTool.Run(compiler, args, timeout);
        if (!run.Started)
            throw new SelftestBuildException($"{compiler} not found: install the Debian packages gcc-arm-none-eabi and libnewlib-arm-none-eabi");
        if (run.TimedOut)
            throw new SelftestBuildException($"{compiler}: gave up after {timeout.TotalSeconds:0} s building {args[^1]}");
        if (run.ExitCode != 0)
            throw new SelftestBuildException($"{run.Command} failed with exit code {run.ExitCode}:{Environment.NewLine}{run.Output}");
    }
}
