using System.CommandLine;
using System.Text.Json;
using Rig.Cli.Commands;
using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Emulation.Boards;
using Rig.Emulation.Gdb;
using Rig.Emulation.Tests.Cli;

namespace Rig.Emulation.Tests.Gdb;

/// <summary>
/// Issue 20's number, end to end: `rig flash --via gdb://` puts another image into an emulated py32f003 board (the same
/// port relinked with another build id, <see cref="FlashImages"/>), after which gdb-multiarch's `compare-sections`
/// matches every section, and a run on a board flashed that way (`rig run --gdb-halt reset`) reports the build id that
/// `arm-none-eabi-readelf -n` prints for the flashed ELF. A board left on its old image is refused (exit 2, both ids).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FlashEmulatedBoardTests(FlashImages images) : IClassFixture<FlashImages>
{
    static int Flash(params string[] args) => new RootCommand { FlashCommand.Create() }.Parse(["flash", .. args]).Invoke();

    static Task<int> Run(params string[] args) => Task.Run(() => new RootCommand { RunCommand.Create() }.Parse(["run", .. args]).Invoke());

    [Fact]
    public async Task Rig_flash_through_the_gdb_server_leaves_every_section_matching_in_gdb_compare_sections()
    {
        Assert.NotEqual(images.OldBuildId, images.NewBuildId);
        var port = GdbBatch.FreePort();
        using var board = EmulatedBoard.Start(ProfileCatalog.Load(FlashImages.Board), images.Old);
        using var server = GdbServer.Start(board, GdbServerOptions.Parse($":{port}") with { StartHalted = true, AttachWait = TimeSpan.FromMinutes(2) }, TextWriter.Synchronized(new StringWriter()));
        var runner = Task.Run(() => GdbBoardRunner.Run(board, server, TimeProvider.System, CancellationToken.None));

        // Before: the board holds the old image, so the new one's sections (its build-id note first) do not match.
        var before = GdbBatch.Run(images.New, $"target extended-remote localhost:{port}", "compare-sections", "detach");
        var (flashed, output) = Captured(() => Flash("--profile", FlashImages.Board, images.New, "--via", $"gdb://127.0.0.1:{port}"));
        var after = GdbBatch.Run(images.New, $"target extended-remote localhost:{port}", "echo @compare\\n", "compare-sections", "kill");

        Assert.Contains("Section .note.gnu.build-id, range", before, StringComparison.Ordinal);
        Assert.Contains("MIS-MATCHED", before, StringComparison.Ordinal);
        Assert.True(flashed == 0, output);
        Assert.Contains($"build id {images.NewBuildId} (read back from flash)", output, StringComparison.Ordinal);
        var sections = after[after.IndexOf("@compare", StringComparison.Ordinal)..].Split('\n').Where(l => l.StartsWith("Section ", StringComparison.Ordinal)).ToList();
        Assert.True(sections.Count >= 3, after); // vectors, build-id note, text, data at least
        Assert.Contains(sections, l => l.StartsWith("Section .note.gnu.build-id,", StringComparison.Ordinal));
        Assert.All(sections, l => Assert.EndsWith(": matched.", l.TrimEnd(), StringComparison.Ordinal));
        Assert.Null(await runner.WaitAsync(TimeSpan.FromMinutes(1))); // ended by gdb's kill, not by a fault of the flashed image
    }

    [Fact]
    public async Task A_run_on_a_board_flashed_through_its_gdb_server_reports_the_flashed_images_build_id()
    {
        var folder = Directory.CreateTempSubdirectory("rig-flash-run-").FullName;
        try
        {
            using var console = new SwappedConsole();
            var port = GdbBatch.FreePort();
            var run = Run([.. RunArgs(folder, port), "--firmware", images.New]);
            await HaltedAtReset(console, run);
            var flashed = Flash("--profile", FlashImages.Board, images.New, "--via", $"gdb://localhost:{port}");

            Assert.True(flashed == 0, console.ToString());
            Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(4)) == 0, console.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run", "run.json")));
            var firmware = json.RootElement.GetProperty("firmware");
            Assert.Equal(images.NewBuildId, firmware.GetProperty("buildId").GetString());
            Assert.Equal(images.NewBuildId, firmware.GetProperty("expectedBuildId").GetString());
            Assert.True(firmware.GetProperty("checked").GetBoolean());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_board_left_on_its_old_image_is_refused_naming_both_build_ids()
    {
        var folder = Directory.CreateTempSubdirectory("rig-flash-refused-").FullName;
        try
        {
            using var console = new SwappedConsole();
            var port = GdbBatch.FreePort();
            var run = Run([.. RunArgs(folder, port), "--firmware", images.New]);
            await HaltedAtReset(console, run);
            // gdb looks and lets go without flashing: the board boots the image it held.
            var looked = GdbBatch.Run(images.Old, $"target extended-remote localhost:{port}", "echo @reset\\n", "info registers pc", "detach");

            Assert.Equal(2, await run.WaitAsync(TimeSpan.FromMinutes(4)));
            // Halted before its first instruction: at the reset handler of the image it held.
            Assert.Equal(ElfFile.Load(images.Old).Entry & ~1u, GdbBatch.Register(looked, "@reset", "pc"));
            var said = console.ToString();
            Assert.Contains($"runs the image with build id {images.OldBuildId}", said, StringComparison.Ordinal);
            Assert.Contains($"has build id {images.NewBuildId}", said, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "run", "run.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string[] RunArgs(string folder, int port)
    {
        var playlist = Path.Combine(folder, "one.yaml");
        File.WriteAllText(playlist, "name: one\nitems:\n  - {name: jackhammer_01, label: jackhammer, synth: jackhammer, seed: 5001, duration: 0.6}\n");
        return ["--profile", FlashImages.Board, "--board", "emulated", "--playlist", playlist, "--out", Path.Combine(folder, "run"),
                "--store", Path.Combine(folder, "history.db"), "--gdb", $":{port}", "--gdb-halt", "reset", "--gdb-wait", "240"];
    }

    /// <summary>Waits (bounded) until the run says its board waits at its reset vector, as a user reads it before flashing.</summary>
    static async Task HaltedAtReset(SwappedConsole console, Task<int> run)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!console.Said("halted at its reset vector") && !run.IsCompleted && waited.Elapsed < GdbBatch.Timeout)
            await Task.Delay(200);
        Assert.False(run.IsCompleted, $"the run ended before halting for gdb: {console}");
        Assert.True(console.Said("halted at its reset vector"), $"no halt within {GdbBatch.Timeout}: {console}");
    }

    /// <summary>The process's stdout and stderr written into one buffer while a run goes on in another thread, until disposed.</summary>
    sealed class SwappedConsole : IDisposable
    {
        readonly TextWriter oldOut = Console.Out, oldErr = Console.Error;
        readonly StringWriter text = new();
        readonly TextWriter synced;

        public SwappedConsole()
        {
            synced = TextWriter.Synchronized(text);
            Console.SetOut(synced);
            Console.SetError(synced);
        }

        /// <summary>Whether the run wrote <paramref name="s"/> so far; the synchronized writer locks itself, so this does too.</summary>
        public bool Said(string s) => ToString().Contains(s, StringComparison.Ordinal);

        public override string ToString()
        {
            lock (synced) return text.ToString();
        }

        public void Dispose()
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    static (int Exit, string Output) Captured(Func<int> command)
    {
        using var console = new SwappedConsole();
        return (command(), console.ToString());
    }
}
