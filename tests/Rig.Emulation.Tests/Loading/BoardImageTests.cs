using Rig.Core;
using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Tests.Loading;

/// <summary>
/// The shipped images (Cortex-M0+ and, with the Thumb-2 executor, Cortex-M4) on their profiles' chips: they boot from the reset vector,
/// execute their start-up and board code with every instruction implemented, and stop at their
/// first access to a peripheral nobody models yet (issue 17 models them).
/// </summary>
public sealed class BoardImageTests
{
    static string Image(string board)
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        var path = builder.DefaultElfPath(board);
        if (File.Exists(path)) return path;
        foreach (var step in builder.Build(board))
            Assert.True(step.Succeeded, $"{step.Command} exited {step.ExitCode}\n{step.Output}");
        return path;
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("rp2040")]
    [InlineData("nrf52840")]
    [InlineData("stm32l4")]
    public void The_image_runs_until_its_first_unmodelled_peripheral_access(string board)
    {
        var profile = ProfileCatalog.Load(board);
        var chip = EmulatedChip.Create(profile, Image(board));
        var reset = chip.Symbols.AddressOf("Reset_Handler");
        Assert.Equal(reset, chip.Core.Pc);
        var stop = chip.Core.Run(50_000_000);
        Assert.True(stop.Reason == StopReason.UnmappedAccess, stop.ToString());
        Assert.NotNull(stop.Address);
        Assert.True(stop.Address >= 0x1000_0000, stop.ToString()); // a peripheral window, not a wild pointer into flash/RAM
        Assert.NotEqual("", stop.Symbol);
        Assert.True(chip.Core.Instructions > 10, stop.ToString());
    }

    [Fact]
    public void Two_runs_of_the_same_image_count_the_same_cycles()
    {
        var profile = ProfileCatalog.Load("py32f003");
        var a = EmulatedChip.Create(profile, Image("py32f003"));
        var b = EmulatedChip.Create(profile, Image("py32f003"));
        var stopA = a.Core.Run(50_000_000);
        var stopB = b.Core.Run(50_000_000);
        Assert.Equal(stopA, stopB);
        Assert.Equal(a.Core.Cycles, b.Core.Cycles);
        Assert.Equal(a.Core.Instructions, b.Core.Instructions);
    }

    [Fact]
    public void A_profile_without_an_emulation_section_cannot_be_emulated()
    {
        var profile = ProfileCatalog.Load("py32f003") with { Emulation = null };
        var e = Assert.Throws<InvalidDataException>(() => EmulatedChip.Create(profile, Image("py32f003")));
        Assert.Contains("no emulation: section", e.Message);
    }
}
