using Rig.Elf.Format;
using Rig.Emulation.Oracle;
using Rig.Emulation.Profiling;
using Rig.Emulation.Tests.Oracle;
using Rig.Emulation.Tracing;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Profiling;

/// <summary>
/// The firmware core (selftest program (b): frontend + model of firmware/core, built with the
/// images' flags) profiled on both cores: the frontend and model scopes, the profile adding up to
/// the run, and the stack and RAM figures checked against the memory the run left behind.
/// </summary>
[Collection(SelftestCollection.Name)]
public sealed class FirmwareCoreProfileTests(SelftestImages images, ITestOutputHelper output)
{
    [Theory]
    [InlineData("microbit")]
    [InlineData("mps2-an386")]
    public void The_firmware_core_profile_adds_up_and_names_its_scopes(string machine)
    {
        var image = images.Get(SelftestImages.Machine(machine), SelftestProgram.FirmwareCore);
        var core = QemuMachineChip.Create(image.Machine, image.ElfPath);
        var elf = ElfFile.Load(image.ElfPath);
        var probe = FirmwareProbe.Create(core, elf);
        core.Trace = new StopAtAddress(probe, image.DoneAddress, "selftest_done");
        var stop = core.Run(200_000_000);
        Assert.Equal(Rig.Emulation.Cpu.StopReason.Breakpoint, stop.Reason);
        var r = probe.Result();
        var p = r.Profile!;
        foreach (var f in p.Top(12)) output.WriteLine($"{f.Name,-32} self {f.SelfCycles,9} total {f.TotalCycles,9} calls {f.Calls,6}");
        output.WriteLine($"stack high-water {r.StackHighWaterBytes} B, RAM touched {r.RamTouchedBytes} B, static {r.StaticRamBytes} B");

        Assert.Equal(core.Cycles, p.Cycles);
        Assert.Equal(core.Cycles, p.Of("Reset_Handler")!.TotalCycles);
        Assert.All(p.Functions, f => Assert.True(f.TotalCycles >= f.SelfCycles, $"{f.Name}: total {f.TotalCycles} < self {f.SelfCycles}"));
        Assert.Equal(1ul, p.Of(FirmwareScopes.Model)!.Calls);
        Assert.True(p.Of(FirmwareScopes.Frontend)!.Calls >= 1);
        foreach (var scope in FirmwareScopes.All)
        {
            // Every cycle of a scope is some function's self cycles inside it; the shares add up to 1.
            var inside = p.Functions.Aggregate(0ul, (s, f) => s + f.ScopeSelfCycles.GetValueOrDefault(scope));
            Assert.Equal(p.Of(scope)!.TotalCycles, inside);
            Assert.Equal(1.0, p.Functions.Sum(f => p.ShareOf(f.Name, scope) ?? 0), 9);
        }
        // The caller's own work (the input synthesis inlined into selftest_main) is outside both scopes.
        Assert.Empty(p.Of("selftest_main")!.ScopeSelfCycles);

        // Every SRAM byte that is not 0 at the end (SRAM starts zeroed) was written by a store the probe saw.
        var sram = core.Memory.Regions.First(x => x.Writable && x.Start == 0x2000_0000);
        var unseen = Enumerable.Range(0, (int)sram.Size).Where(i => sram.Backing![i] != 0)
            .Select(i => sram.Start + (uint)i).Where(a => probe.RamWrites!.TouchedIn(a, 1) == 0).ToList();
        Assert.True(unseen.Count == 0, $"{unseen.Count} bytes changed without a store the probe decoded, the first at 0x{unseen.FirstOrDefault():X8}");
        Assert.True(r.RamTouchedBytes >= r.StaticRamBytes, $"touched {r.RamTouchedBytes} < static {r.StaticRamBytes} (crt0 writes all of .data/.bss)");
        Assert.Equal(r.StaticRamBytes, r.StaticRamTouchedBytes);
        // The stack sits below .data/.bss (cortexm_sections.ld): nothing below the lowest SP was written.
        var stackBottom = elf.Symbols.Single(s => s.Name == "__stack_bottom").Value;
        var deepestWritten = Enumerable.Range(0, (int)(r.StackTop - stackBottom)).Select(i => stackBottom + (uint)i)
            .FirstOrDefault(a => sram.Backing![a - sram.Start] != 0, r.StackTop);
        Assert.True(deepestWritten >= r.LowestSp, $"stack written at 0x{deepestWritten:X8}, below the lowest SP 0x{r.LowestSp:X8}");
        Assert.InRange(r.StackHighWaterBytes, 64, 2048);
    }
}
