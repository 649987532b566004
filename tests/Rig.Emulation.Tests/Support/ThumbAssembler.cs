using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Rig.Emulation.Tests.Support;

/// <summary>
/// Assembles and links a test program with arm-none-eabi-gcc (argument lists, no shell, bounded
/// wait) into an ELF: the vector table at the start of flash (0 unless told, 64 KB), RAM at 0x20000000 (16 KB), the stack
/// at the top of RAM. Results are cached per source text in one temporary folder per test run.
/// </summary>
public static class ThumbAssembler
{
    static readonly string Folder = Directory.CreateTempSubdirectory("rig-emulation-tests-").FullName;

    public const uint RamStart = 0x2000_0000;
    public const uint RamSize = 0x4000;

    static string LinkerScript(uint flash, uint ramSize) => $$"""
        MEMORY { FLASH (rx) : ORIGIN = 0x{{flash:X8}}, LENGTH = 64K
                 RAM (rwx) : ORIGIN = 0x20000000, LENGTH = {{ramSize}} }
        SECTIONS {
          .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
          .data : { *(.data*) } > RAM AT > FLASH
          .bss (NOLOAD) : { *(.bss*) } > RAM
        }
        _stack_top = ORIGIN(RAM) + LENGTH(RAM);
        """;

    /// <summary>
    /// A program whose vector table points SP at the top of RAM, Reset at <c>reset</c>, and each
    /// exception at the label the source defines (<c>hardfault_handler</c>, <c>svc_handler</c>,
    /// <c>pendsv_handler</c>, <c>systick_handler</c>, <c>irq0_handler</c>, <c>irq1_handler</c>),
    /// or at <c>unexpected</c> (BKPT #0xEE) when it does not.
    /// </summary>
    public static string Program(string body, string cpu = "cortex-m0plus", uint flash = 0, uint ramSize = RamSize)
    {
        var handlers = new[] { "nmi_handler", "hardfault_handler", "", "", "", "", "", "", "", "svc_handler", "", "", "pendsv_handler", "systick_handler", "irq0_handler", "irq1_handler" };
        var vectors = new StringBuilder();
        vectors.AppendLine("    .word _stack_top");
        vectors.AppendLine("    .word reset");
        foreach (var h in handlers)
            vectors.AppendLine(h.Length > 0 && body.Contains(h + ":", StringComparison.Ordinal) ? $"    .word {h}" : "    .word unexpected");
        var source = $"""
                .syntax unified
                .cpu {cpu}
                .thumb
                .section .vectors, "a"
            {vectors}
                .text
                .thumb_func
            unexpected:
                bkpt #0xEE
            {Thumbify(body)}
            """;
        return Assemble(source, cpu, LinkerScript(flash, ramSize));
    }

    /// <summary>Marks every label at the start of a line as a Thumb function, so vectors and BX targets get bit 0.</summary>
    static string Thumbify(string body)
    {
        var lines = body.Replace("\r", "").Split('\n');
        var result = new StringBuilder();
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t.EndsWith(':') && !t.StartsWith('.') && !t.Contains(' ') && !char.IsDigit(t[0]))
                result.AppendLine("    .thumb_func");
            result.AppendLine(line);
        }
        return result.ToString();
    }

    public static string Assemble(string source, string cpu, string? linkerScript = null)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cpu + source + linkerScript))).Substring(0, 16);
        var dir = Path.Combine(Folder, key);
        var elf = Path.Combine(dir, "program.elf");
        if (File.Exists(elf)) return elf;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "program.s"), source);
        File.WriteAllText(Path.Combine(dir, "link.ld"), linkerScript ?? LinkerScript(0, RamSize));
        Run("arm-none-eabi-gcc", [$"-mcpu={cpu}", "-mthumb", "-nostdlib", "-nostartfiles", "-T", "link.ld", "program.s", "-o", "program.elf"], dir);
        return elf;
    }

    static void Run(string tool, IEnumerable<string> args, string dir)
    {
        var psi = new ProcessStartInfo(tool) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 60 s");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {p.ExitCode} in {dir}:\n{stdout.Result}{stderr.Result}");
    }
}
