using System.CommandLine;
using System.Globalization;
using Rig.Audio.Playlists;
using Rig.Cli.Commands;
using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Elf.Format;
using Rig.Emulation.Boards;
using Rig.Emulation.Gdb;
using Rig.Emulation.Tests.Boards.M4Host;
using Rig.Emulation.Tests.Cli;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Gdb;

/// <summary>
/// The emulated board's GDB server with Debian's gdb-multiarch as the client, in batch mode, on the shipped stm32l4
/// image: registers at reset, a single step, the memory map, `load` and `compare-sections`, `monitor reset` keeping
/// what was flashed; and in a `rig run --board emulated --gdb` run, a breakpoint in the frontend whose buffers
/// equal the golden frontend's stages on the same clip.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class GdbServerTests
{
    const string Board = "stm32l4";

    [Fact]
    public async Task Gdb_reads_the_reset_state_steps_compares_sections_and_loads_flash_that_a_reset_keeps()
    {
        var image = EmulatedHost.Image(Board);
        var elf = ElfFile.Load(image);
        // Another image for the same chip: a loop at its reset handler, linked at the stm32l4's flash and SRAM.
        var other = ThumbAssembler.Program("reset:\n    movs r0, #7\n    b reset", cpu: "cortex-m4", flash: 0x0800_0000, ramSize: 0x18000);
        var port = GdbBatch.FreePort();
        using var board = EmulatedBoard.Start(ProfileCatalog.Load(Board), image);
        var log = new StringWriter();
        using var server = GdbServer.Start(board, GdbServerOptions.Parse($":{port}") with { StartHalted = true, AttachWait = TimeSpan.FromMinutes(2) }, TextWriter.Synchronized(log));
        var resetSp = board.Core.Memory.Peek32(0);
        var runner = Task.Run(() => GdbBoardRunner.Run(board, server, TimeProvider.System, CancellationToken.None));

        var first = GdbBatch.Run(image,
            $"target extended-remote localhost:{port}",
            "echo @reset\\n", "info registers pc sp xpsr",
            "stepi", "echo @stepped\\n", "info registers pc",
            "echo @compare\\n", "compare-sections",
            "echo @map\\n", "info mem",
            "detach");
        var second = GdbBatch.Run(other,
            $"target extended-remote localhost:{port}",
            "load",
            "echo @vectors\\n", "x/2wx 0x08000000",
            "echo @compare-other\\n", "compare-sections",
            "monitor reset",
            "maintenance flush register-cache",
            "echo @after-reset\\n", "info registers pc",
            "kill");

        Assert.Equal(elf.Entry & ~1u, GdbBatch.Register(first, "@reset", "pc"));
        Assert.Equal(resetSp, GdbBatch.Register(first, "@reset", "sp"));
        Assert.NotEqual(elf.Entry & ~1u, GdbBatch.Register(first, "@stepped", "pc"));
        var compared = first[first.IndexOf("@compare", StringComparison.Ordinal)..first.IndexOf("@map", StringComparison.Ordinal)];
        Assert.Contains(": matched.", compared, StringComparison.Ordinal);
        Assert.DoesNotContain("MIS-MATCHED", compared, StringComparison.Ordinal);
        Assert.Contains("0x08000000 0x08100000 flash blocksize 0x800", first, StringComparison.Ordinal);
        // What `load` put in flash: the other image's vector table; its reset vector is where a reset starts.
        var vectors = second[second.IndexOf("@vectors", StringComparison.Ordinal)..].Split('\n')[1].Split(':')[1].Split('\t', StringSplitOptions.RemoveEmptyEntries);
        var otherEntry = Convert.ToUInt32(vectors[1].Trim(), 16) & ~1u;
        Assert.NotEqual(elf.Entry & ~1u, otherEntry);
        var comparedOther = second[second.IndexOf("@compare-other", StringComparison.Ordinal)..];
        Assert.Contains(": matched.", comparedOther, StringComparison.Ordinal);
        Assert.DoesNotContain("MIS-MATCHED", comparedOther, StringComparison.Ordinal);
        Assert.Equal(otherEntry, GdbBatch.Register(second, "@after-reset", "pc"));
        Assert.Null(await runner.WaitAsync(TimeSpan.FromMinutes(1))); // ended by gdb's kill, not by a stop
        Assert.True(server.Killed);
        // The board itself holds the flashed image after the reset (vectors and code) and runs its loop.
        Assert.True(server.Debugger.Flash.Changed);
        Assert.Equal(otherEntry | 1, board.Core.Memory.Peek32(0x0800_0004));
        Assert.InRange(board.Core.Pc, otherEntry, otherEntry + 3);
    }

    [Fact]
    public async Task In_a_run_gdb_breaks_in_the_frontend_and_its_buffers_equal_the_golden_stages()
    {
        var image = EmulatedHost.Image(Board);
        var profile = ProfileCatalog.Load(Board);
        var folder = Directory.CreateTempSubdirectory("rig-gdb-run-").FullName;
        var console = new StringWriter();
        var before = Console.Error;
        Console.SetError(TextWriter.Synchronized(console));
        try
        {
            var playlist = Path.Combine(folder, "one.yaml");
            File.WriteAllText(playlist, "name: one\nitems:\n  - {name: dog_bark_01, label: dog_bark, synth: dog_bark, seed: 5001, duration: 0.6}\n");
            var port = GdbBatch.FreePort();
            var run = Task.Run(() => new RootCommand { RunCommand.Create() }.Parse(
                ["run", "--profile", Board, "--board", "emulated", "--playlist", playlist, "--firmware", image, "--out", Path.Combine(folder, "run"),
                 "--store", Path.Combine(folder, "history.db"), "--gdb", $":{port}", "--gdb-wait", "240"]).Invoke());
            // gdb attaches once the run halted its board before the first clip (as its message says to).
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!console.ToString().Contains("halted before the first clip", StringComparison.Ordinal) && !run.IsCompleted && waited.Elapsed < GdbBatch.Timeout)
                await Task.Delay(200);
            Assert.False(run.IsCompleted, $"the run ended before halting for gdb: {console}");

            var output = GdbBatch.Run(image,
                $"target extended-remote localhost:{port}",
                "break rig_frontend_column",
                "continue",
                "set print repeats unlimited", "set print elements unlimited",
                "echo @ring\\n", "print fe->ring",
                "echo @pos\\n", "print fe->write_pos",
                "echo @log\\n", "print fe->logmel",
                "echo @mfcc\\n", "print fe->mfcc",
                "delete",
                "detach");

            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromMinutes(4))); // the run finishes after gdb detached
            Assert.True(output.Contains("Breakpoint 1, rig_frontend_column", StringComparison.Ordinal), output);
            var samples = ClipRenderer.RenderQ15(Playlist.Load(playlist).Items[0], profile.Frontend.SampleRate);
            var golden = new Q15Frontend(profile.Frontend);
            golden.Push(samples, out var ready);
            Assert.True(ready);
            var ring = GdbBatch.Array(output, "@ring");
            var pos = int.Parse(output[(output.IndexOf("@pos", StringComparison.Ordinal) + 5)..].Split('=')[1].Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
            var n = ring.Length;
            short[] seen = [.. Enumerable.Range(0, n).Select(i => ring[(pos + i) % n])];
            Assert.Equal(samples[..n], seen); // the Q15 input the first column saw, oldest first
            Assert.Equal(golden.Taps.Log.ToArray(), GdbBatch.Array(output, "@log"));
            Assert.Equal(golden.Taps.Dct.ToArray(), GdbBatch.Array(output, "@mfcc"));
        }
        finally
        {
            Console.SetError(before);
            Directory.Delete(folder, recursive: true);
        }
    }
}
