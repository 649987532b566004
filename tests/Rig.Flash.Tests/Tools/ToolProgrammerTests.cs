using Rig.Core;
using Rig.Elf.Build;
using Rig.Elf.Format;
using Rig.Flash.Image;
using Rig.Flash.Tools;

namespace Rig.Flash.Tests.Tools;

public sealed class ToolProgrammerTests
{
    private sealed class Steps : IFlashProgress
    {
        public void Step(string text) { }
    }

    /// <summary>A vendor tool as the programmer drives it, under a name no machine has installed.</summary>
    private sealed class AbsentTool : ToolCommands
    {
        public override string Program => "rig-test-no-such-programmer";
        public override string InstallHint => "the-package (sudo apt install the-package)";
        public override string ProbeHint => "check the probe";
        public override ToolPlan Plan(FlashImage image, BuildIdNote? note, string? readBack) => new([new ToolStep("load", ["load", image.ElfPath])]);
    }

    private static FlashImage Image(string board)
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        foreach (var step in builder.Build(board)) Assert.True(step.Succeeded, $"{step.Command} exited {step.ExitCode}\n{step.Output}");
        return FlashImage.Load(builder.DefaultElfPath(board));
    }

    [Fact]
    public void A_tool_that_is_not_installed_is_one_line_saying_what_to_install()
    {
        var e = Assert.Throws<ProgrammerUnavailableException>(() => new ToolProgrammer(new AbsentTool(), TimeSpan.FromSeconds(10)).Flash(Image("rp2040"), true, new Steps()));
        Assert.Equal("rig-test-no-such-programmer is not installed (not found on PATH): install the-package (sudo apt install the-package)", e.Message);
    }

    [Fact]
    public void Every_vendor_tool_reads_the_build_id_note_back_from_its_address_with_one_argument_per_word()
    {
        var image = Image("stm32l4");
        var note = image.BuildId!;
        foreach (var tool in new ToolCommands[] { new Picotool(), new Nrfjprog(), new Openocd(["interface/stlink.cfg", "target/stm32l4x.cfg"]), new StFlash() })
        {
            var plan = tool.Plan(image, note, "/tmp/rig-readback.bin");
            var args = plan.Steps.SelectMany(s => s.Args).ToList();
            Assert.True(args.Any(a => a.Contains($"{note.Address:X8}", StringComparison.Ordinal)), $"{tool.Program}: no step reads 0x{note.Address:X8}: {string.Join(' ', args)}");
            Assert.DoesNotContain(args, a => a.Contains(';', StringComparison.Ordinal)); // one argument each, nothing for a shell to split
        }
    }

    [Fact]
    public void Nrfjprog_memrd_words_are_little_endian_bytes_in_address_order()
    {
        const string memrd = "0x00000100: 00000004 00000014 00000003 00554E47   |............GNU.|\n0x00000110: 12345678                              |xV4.|\n";
        Assert.Equal(new byte[] { 4, 0, 0, 0, 0x14, 0, 0, 0, 3, 0, 0, 0, 0x47, 0x4E, 0x55, 0, 0x78, 0x56, 0x34, 0x12 }, Nrfjprog.MemrdBytes(memrd).ToArray());
    }

    [Theory]
    [InlineData("/tmp/a}b.elf")]
    [InlineData("/tmp/a{b.elf")]
    [InlineData("/tmp/a\\b.elf")]
    [InlineData("/tmp/a\nb.elf")]
    public void Openocd_refuses_a_path_its_tcl_would_read_as_code(string path)
    {
        var image = Image("stm32l4");
        var e = Assert.Throws<ArgumentException>(() => new Openocd(["target/stm32l4x.cfg"]).Plan(image with { ElfPath = path }, null, null));
        Assert.Contains("braces", e.Message, StringComparison.Ordinal);
        var readBack = Assert.Throws<ArgumentException>(() => new Openocd(["target/stm32l4x.cfg"]).Plan(image, BuildIdNote.Read(image.ElfPath), path));
        Assert.Contains("braces", readBack.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Openocd_gets_a_plain_path_as_one_braced_tcl_word()
    {
        var image = Image("stm32l4");
        var plan = new Openocd(["target/stm32l4x.cfg"]).Plan(image with { ElfPath = "/tmp/my image.elf" }, null, null);
        Assert.Contains("program {/tmp/my image.elf} verify", plan.Steps[0].Args);
    }
}
