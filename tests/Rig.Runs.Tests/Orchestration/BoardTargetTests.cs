using Rig.Core.Runs;
using Rig.Runs.Orchestration;
using Rig.Runs.Parts;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>`--board virtual|emulated|serial:&lt;port&gt;`, repeatable and mixed.</summary>
public sealed class BoardTargetTests
{
    [Theory]
    [InlineData("virtual", BoardKind.Virtual, "virtual-0")]
    [InlineData("emulated", BoardKind.Emulated, "emulated-0")]
    [InlineData("serial:/dev/ttyACM0", BoardKind.Serial, "serial-ttyACM0")]
    public void Each_kind_parses_and_prints_back_as_given(string text, BoardKind kind, string id)
    {
        var target = BoardTarget.Parse(text);
        Assert.Equal(kind, target.Kind);
        Assert.Equal(text, target.ToString());
        Assert.Equal(id, target.Id(0));
        Assert.Equal(target, BoardTarget.Parse(target.ToString())); // a resume reads the board back from the store
    }

    [Fact]
    public void An_unknown_board_names_every_kind()
    {
        var e = Assert.Throws<ArgumentException>(() => BoardTarget.Parse("emulator"));
        Assert.Contains("'emulator'", e.Message);
        Assert.Contains("emulated", e.Message);
        Assert.Contains("serial:<port>", e.Message);
    }

    [Fact]
    public void Several_emulated_boards_mix_with_virtual_and_serial_ones_but_a_port_is_given_once()
    {
        RunOptions With(params string[] boards) => new()
        {
            Profile = "py32f003", Playlist = "p.yaml", Mode = RunMode.Inject, OutDir = "out",
            Boards = boards.Select(BoardTarget.Parse).ToList(),
        };
        var mixed = With("emulated", "virtual", "emulated", "serial:/dev/ttyUSB0").Validated();
        Assert.Equal(["emulated-0", "virtual-1", "emulated-2", "serial-ttyUSB0"], mixed.Boards.Select((b, i) => b.Id(i)));
        Assert.Throws<ArgumentException>(() => With("emulated", "serial:/dev/ttyUSB0", "serial:/dev/ttyUSB0").Validated());
    }

    [Fact]
    public void An_emulated_board_with_an_image_that_is_not_an_elf_is_refused_naming_the_file()
    {
        using var tmp = new TempDir();
        var elf = Path.Combine(tmp.Path, "firmware.elf");
        File.WriteAllText(elf, "not an image");
        var options = new RunOptions
        {
            Profile = "py32f003", Playlist = "p.yaml", Mode = RunMode.Inject, OutDir = tmp.Path, Firmware = elf,
            Boards = [BoardTarget.Parse("emulated")],
        };
        var profile = Rig.Core.Profiles.ProfileCatalog.Load("py32f003");
        var e = Assert.Throws<InvalidDataException>(() =>
            RigParts.OpenBoard(options.Boards[0], "py32f003", profile.Serial, microphone: false, options, TimeSpan.FromSeconds(1), TimeProvider.System));
        Assert.Contains(elf, e.Message);
    }
}
