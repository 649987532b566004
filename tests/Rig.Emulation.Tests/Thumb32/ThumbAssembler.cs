using System.Diagnostics;

namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// Assembles a Thumb-2 snippet with the real GNU assembler (arm-none-eabi-as, -mcpu=cortex-m4)
/// so tests state instructions in assembler syntax instead of hand-made encodings.
/// </summary>
static class ThumbAssembler
{
    public static byte[] Assemble(string source)
    {
        var dir = Directory.CreateTempSubdirectory("rig-thumb32-");
        try
        {
            string asm = Path.Combine(dir.FullName, "t.s"), obj = Path.Combine(dir.FullName, "t.o"), bin = Path.Combine(dir.FullName, "t.bin");
            File.WriteAllText(asm, ".syntax unified\n.thumb\n.text\n" + source + "\n");
            Run("arm-none-eabi-as", "-mcpu=cortex-m4", "-mthumb", "-mimplicit-it=always", "-o", obj, asm);
            Run("arm-none-eabi-objcopy", "-O", "binary", "-j", ".text", obj, bin);
            return File.ReadAllBytes(bin);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 30 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {stderr.Result}");
    }
}
