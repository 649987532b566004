using Rig.Core;
using Rig.Elf.Build;
using Rig.Elf.Format;
using Rig.Flash.Gdb;
using Rig.Flash.Image;
using Rig.Gdb;

namespace Rig.Flash.Tests.Gdb;

public sealed class GdbProgrammerTests
{
    private sealed class Steps : IFlashProgress
    {
        public List<string> Lines { get; } = [];
        public void Step(string text) => Lines.Add(text);
    }

    /// <summary>The shipped nRF52840 image (linked at 0), built as `rig mem` builds it.</summary>
    private static string Nrf52840Image()
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        foreach (var step in builder.Build("nrf52840"))
            Assert.True(step.Succeeded, $"{step.Command} exited {step.ExitCode}\n{step.Output}");
        return builder.DefaultElfPath("nrf52840");
    }

    [Fact]
    public void An_image_loaded_through_qemus_gdbstub_reads_back_section_by_section_and_with_its_build_id()
    {
        using var qemu = new QemuGdbServer();
        var image = FlashImage.Load(Nrf52840Image());
        var steps = new Steps();
        var report = new GdbProgrammer("127.0.0.1", qemu.Port, TimeSpan.FromSeconds(30)).Flash(image, readBackBuildId: true, steps);

        Assert.Equal(image.Bytes, report.BytesWritten);
        Assert.Equal(image.Sections.Select(s => s.Name), report.Sections.Select(s => s.Name));
        Assert.Contains(".note.gnu.build-id", report.Sections.Select(s => s.Name));
        Assert.All(report.Sections, s => Assert.True(s.Matches, $"{s.Name} at 0x{s.Address:X8} differs ({s.How})"));
        Assert.All(report.Sections, s => Assert.Equal("read back", s.How)); // QEMU has no qCRC
        Assert.Equal(BuildIdNote.Read(image.ElfPath)!.Id, report.BuildIdReadBack);
        Assert.False(report.Reset); // QEMU's monitor has no `reset`, and the programmer says so rather than claim one
        Assert.Contains(steps.Lines, l => l.StartsWith("reset: the server has no `monitor reset`", StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_differ_on_the_target_are_found_by_the_verify()
    {
        using var qemu = new QemuGdbServer();
        var image = FlashImage.Load(Nrf52840Image());
        // Something else already sits where .text goes: an image whose .text is one byte off is not the image.
        var text = image.Sections.Single(s => s.Name == ".text");
        var wrong = image with { Sections = image.Sections.Select(s => s == text ? s with { Data = Flip(s.Data, 100) } : s).ToList() };
        var report = new GdbProgrammer("127.0.0.1", qemu.Port, TimeSpan.FromSeconds(30)).Flash(wrong, readBackBuildId: false, new Steps());
        Assert.False(report.AllMatch);
        Assert.Equal([".text"], report.Sections.Where(s => !s.Matches).Select(s => s.Name));
        Assert.Null(report.BuildIdReadBack);
    }

    [Fact]
    public void A_server_nobody_listens_on_is_one_line_naming_it_and_what_to_start()
    {
        var image = FlashImage.Load(Nrf52840Image());
        int port;
        using (var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)) { l.Start(); port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port; }
        var e = Assert.Throws<ProgrammerUnavailableException>(() => new GdbProgrammer("127.0.0.1", port, TimeSpan.FromSeconds(5)).Flash(image, true, new Steps()));
        Assert.StartsWith($"gdb server 127.0.0.1:{port}: cannot connect", e.Message, StringComparison.Ordinal);
        Assert.Contains("openocd", e.Message, StringComparison.Ordinal);
        Assert.Contains("--gdb", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static byte[] Flip(byte[] data, int at)
    {
        var copy = data.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }
}
