using System.Diagnostics;
using System.Text.RegularExpressions;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Thumb32;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// Every distinct 32-bit encoding in the Cortex-M4 board images (each profile whose board.core is
/// cortex-m4f, built through its CMake preset and listed with arm-none-eabi-objdump -d) decodes in
/// the Thumb-2 executor, apart from the ARMv6-M ones the core executes (BL, MRS, MSR, DMB, DSB,
/// ISB, UDF.W). Each encoding is executed once with every register pointing into SRAM; a bus or
/// usage fault (or a bus fault) still counts as decoded, a false answer (not implemented) fails the test.
/// </summary>
public sealed partial class ShippedImageCoverageTests
{
    public static TheoryData<string> M4Profiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in ProfileCatalog.Names())
            if (ProfileCatalog.Load(name).Board.Core == "cortex-m4f") data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(M4Profiles))]
    public void Every_32_bit_encoding_in_the_image_is_implemented(string profile)
    {
        var dir = Directory.CreateTempSubdirectory("rig-thumb32-image-");
        try
        {
            var steps = new FirmwareBuilder(RepoPaths.Firmware).Build(profile, dir.FullName);
            var failed = steps.FirstOrDefault(s => !s.Succeeded);
            if (failed is not null) Assert.Fail($"{profile}: {failed.Command} exited {failed.ExitCode}\n{failed.Output}");
            var encodings = ThirtyTwoBitEncodings(Path.Combine(dir.FullName, "firmware.elf"));
            Assert.True(encodings.Count > 50, $"{profile}: only {encodings.Count} distinct 32-bit encodings found");
            var missing = encodings.Where(e => !IsCoreEncoding(e.Hw1, e.Hw2) && !Decodes(e.Hw1, e.Hw2))
                .Select(e => $"{e.Hw1:x4} {e.Hw2:x4} {e.Text}").ToList();
            Assert.True(missing.Count == 0, $"{profile}: not implemented:\n{string.Join('\n', missing)}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    static bool Decodes(ushort hw1, ushort hw2)
    {
        var map = new MemoryMap();
        map.AddMemory("flash", 0, 0x1_0000, writable: false, waitStates: 0);
        map.AddMemory("sram", 0x2000_0000, 0x4_0000, writable: true, waitStates: 0);
        var executor = new Thumb2Executor();
        var core = new ArmCore(CoreKind.CortexM4, map, new CortexM4Timing(map), executor) { Pc = 0x1000 };
        for (int r = 0; r < 15; r++) core.R[r] = 0x2002_0000;
        try
        {
            return executor.Execute(core, hw1, hw2);
        }
        catch (Exception e) when (e is BusFaultException or CpuFaultException)
        {
            return true;
        }
    }

    /// <summary>The ARMv6-M 32-bit encodings, which the core executes itself (README contract).</summary>
    static bool IsCoreEncoding(ushort hw1, ushort hw2) =>
        ((hw1 & 0xF800) == 0xF000 && (hw2 & 0xD000) == 0xD000) // BL
        || ((hw1 & 0xFFE0) == 0xF380 && (hw2 & 0xD000) == 0x8000) // MSR
        || (hw1 == 0xF3EF && (hw2 & 0xD000) == 0x8000) // MRS
        || (hw1 == 0xF3BF && (hw2 & 0xFFF0) is 0x8F40 or 0x8F50 or 0x8F60) // DSB, DMB, ISB
        || ((hw1 & 0xFFF0) == 0xF7F0 && (hw2 & 0xF000) == 0xA000); // UDF.W

    static List<(ushort Hw1, ushort Hw2, string Text)> ThirtyTwoBitEncodings(string elf)
    {
        var start = new ProcessStartInfo("arm-none-eabi-objdump") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add(elf);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start arm-none-eabi-objdump");
        var stderr = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "objdump did not finish in 60 s");
        Assert.True(process.ExitCode == 0, stderr.Result);
        var seen = new Dictionary<uint, (ushort, ushort, string)>();
        foreach (Match m in Instruction().Matches(text))
        {
            var hw1 = Convert.ToUInt16(m.Groups[1].Value, 16);
            var hw2 = Convert.ToUInt16(m.Groups[2].Value, 16);
            seen.TryAdd((uint)hw1 << 16 | hw2, (hw1, hw2, m.Groups[3].Value.Trim()));
        }
        return [.. seen.Values];
    }

    [GeneratedRegex(@"^\s*[0-9a-f]+:\t([0-9a-f]{4}) ([0-9a-f]{4})\s*\t(.*)$", RegexOptions.Multiline)]
    private static partial Regex Instruction();
}
