using Rig.Elf.Format;
using Rig.Hardware.Serial.Locks;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;
using Rig.Simulation.Board;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>
/// HELLO v3's build id against the image a board is expected to run: a native board behind its pty as a serial
/// board is a board holding an image; the run refuses it when the expected ELF is another one, and records both.
/// </summary>
public sealed class ImageCheckRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-image-check-").FullName;

    private RunOptions Options(string outDir, string board) =>
        TinyRuns.Options(_dir, TinyRuns.Playlist(_dir, 1), outDir, board) with { BoardLocks = BoardLockDirectory.Resolve(_dir) };

    [Fact]
    public void A_board_on_another_image_is_refused_at_the_handshake_naming_both_ids_and_leaves_no_run()
    {
        using var board = VirtualBoard.Start(new VirtualBoardOptions("py32f003"));
        var other = NativeBoardBuild.Ensure("rp2040"); // another executable: another build id
        var outDir = Path.Combine(_dir, "refused");
        var e = Assert.Throws<WrongImageException>(() => new RunOrchestrator(TimeProvider.System, new SilentProgress())
            .Execute(Options(outDir, "serial:" + board.PtyPath) with { Firmware = other }));
        var running = BuildIdNote.Read(board.Executable)!.Id;
        var expected = BuildIdNote.Read(other)!.Id;
        Assert.NotEqual(running, expected);
        Assert.Contains(running, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("--any-image", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Any_image_runs_it_and_run_json_keeps_what_the_board_reported_and_what_was_expected()
    {
        using var board = VirtualBoard.Start(new VirtualBoardOptions("py32f003"));
        var other = NativeBoardBuild.Ensure("rp2040");
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress())
            .Execute(Options(Path.Combine(_dir, "any"), "serial:" + board.PtyPath) with { Firmware = other, AnyImage = true }));
        var fw = outcome.Result.Firmware!;
        Assert.Equal(BuildIdNote.Read(board.Executable)!.Id, fw.BuildId);
        Assert.Equal(BuildIdNote.Read(other)!.Id, fw.ExpectedBuildId);
        Assert.Equal(other, fw.Elf);
        Assert.False(fw.Checked);
    }

    [Fact]
    public void A_virtual_board_reports_its_executables_build_id_and_is_checked_against_it()
    {
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress())
            .Execute(Options(Path.Combine(_dir, "virtual"), "virtual")));
        var fw = outcome.Result.Firmware!;
        var exe = NativeBoardBuild.ExecutablePath("py32f003");
        Assert.Equal(exe, fw.Elf);
        Assert.Equal(BuildIdNote.Read(exe)!.Id, fw.BuildId);
        Assert.Equal(fw.BuildId, fw.ExpectedBuildId);
        Assert.True(fw.Checked);
        Assert.Null(outcome.Result.BoardUid); // a host has no chip ID
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
