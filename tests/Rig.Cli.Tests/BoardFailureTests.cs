using System.Diagnostics;
using Rig.Cli.Tests.Support;
using Rig.Hardware.Serial;
using Rig.Simulation.Board;
using Rig.Simulation.Link;
using Xunit.Abstractions;

namespace Rig.Cli.Tests;

/// <summary>
/// `rig run --board serial:` against boards that fail the way real ones do, each on a real
/// pseudo-terminal: absent, silent, chattering without ever answering, and vanishing mid-run. Each
/// must end with exit 2 within the profile's serial.timeouts, naming the port and what came back.
/// </summary>
public sealed class BoardFailureTests(ITestOutputHelper output) : IDisposable
{
    private const double HelloSeconds = 0.5;
    private const int Attempts = 4; // SessionOptions.MaxRetries (3) + 1
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>The shipped profile with short serial.timeouts, so the bound below is the profile's.</summary>
    private string ProfileWithShortTimeouts() => ShortTimeoutProfile.Write(_tmp, HelloSeconds);

    private string Playlist(int clips, double seconds)
    {
        var path = _tmp.Sub($"p{clips}.yaml");
        File.WriteAllLines(path, new[] { "name: failures", "items:" }.Concat(Enumerable.Range(0, clips)
            .Select(i => $"  - {{name: c{i}, label: jazz, synth: jazz, seed: {20 + i}, duration: {seconds}}}")));
        return path;
    }

    private (RigOutcome Outcome, double Seconds) Run(string port, string outDir, string playlist, params string[] more)
    {
        var clock = Stopwatch.StartNew();
        var r = RigProcess.Run(_tmp.Path, ["run", "--profile", ProfileWithShortTimeouts(), "--playlist", playlist, "--board", "serial:" + port, "--out", outDir, .. more]);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s\n{r}");
        return (r, clock.Elapsed.TotalSeconds);
    }

    /// <summary>What the process may take beyond the handshake budget: start-up, profile, firmware memory measurement on a loaded machine.</summary>
    private const double ProcessOverheadSeconds = 25;

    [Fact]
    public void A_missing_port_exits_2_saying_it_does_not_exist_and_leaves_no_run_behind()
    {
        var outDir = _tmp.Sub("missing");
        var (r, seconds) = Run("/dev/rig-no-such-port", outDir, Playlist(1, 0.5));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("serial port /dev/rig-no-such-port does not exist", r.Err);
        Assert.DoesNotContain("denied", r.Err);
        Assert.False(Directory.Exists(outDir), "a failed start left its run folder behind");
        Assert.True(seconds < ProcessOverheadSeconds, $"{seconds:0.0} s");
    }

    [Fact]
    public void A_silent_device_exits_2_within_the_hello_timeouts_naming_the_port_and_that_nothing_came()
    {
        using var device = ScriptedDevice.Silent();
        var outDir = _tmp.Sub("silent");
        var (r, seconds) = Run(device.PortPath, outDir, Playlist(1, 0.5));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains($"on {device.PortPath} did not answer a HELLO request within {HelloSeconds} s (serial.timeouts.hello_seconds)", r.Err);
        Assert.Contains("came back: nothing (0 bytes)", r.Err);
        Assert.Contains("check that the board is powered", r.Err);
        Assert.True(device.BytesHeard > 0, "the rig never asked the device anything");
        Assert.False(Directory.Exists(outDir), "a failed start left its run folder behind");
        Assert.True(seconds < Attempts * HelloSeconds + ProcessOverheadSeconds, $"{seconds:0.0} s");

        // The same --out works afterwards (nothing was left to refuse it).
        var again = Run(device.PortPath, outDir, Playlist(1, 0.5)).Outcome;
        Assert.DoesNotContain("already holds a run", again.Err);
    }

    [Fact]
    public void A_chattering_device_that_never_answers_hello_exits_2_within_the_hello_timeouts_with_what_it_sent()
    {
        using var device = ScriptedDevice.Chattering(TimeSpan.FromMilliseconds(10));
        var outDir = _tmp.Sub("chatter");
        var (r, seconds) = Run(device.PortPath, outDir, Playlist(1, 0.5));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains($"on {device.PortPath} did not answer a HELLO request within {HelloSeconds} s", r.Err);
        Assert.Matches(@"came back: \d+ bytes: \d+ valid frames \(LOG \d+\), 0 CRC errors", r.Err);
        Assert.Contains("valid frames came but not the answer", r.Err);
        Assert.Contains("last thing it said: LOG \"" + ScriptedDevice.ChatterText + "\"", r.Err);
        Assert.False(Directory.Exists(outDir), "a failed start left its run folder behind");
        Assert.True(seconds < Attempts * HelloSeconds + ProcessOverheadSeconds, $"{seconds:0.0} s");
    }

    [Fact]
    public void A_board_that_vanishes_mid_run_exits_2_naming_the_port()
    {
        using var board = VirtualBoard.Start(new VirtualBoardOptions("py32f003"));
        using var boardLink = new SerialPortLink(board.PtyPath, 460800, TimeSpan.FromSeconds(5));
        // Three 1 s clips send ~16 KB each toward the board; the line goes dead during the second.
        using var relay = PtyRelay.Start(boardLink, hangUpAfterHostBytes: 24_000);
        var outDir = _tmp.Sub("vanish");
        // The native board stands in for a flashed one: it holds its own image, not the profile's ARM image.
        var (r, seconds) = Run(relay.PortPath, outDir, Playlist(3, 1.0), "--any-image");
        Assert.True(relay.HungUp, "the relay never hung up: the run finished before the board vanished");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains($"board on {relay.PortPath} disappeared", r.Err);
        Assert.True(seconds < ProcessOverheadSeconds + 10, $"{seconds:0.0} s");
    }
}
