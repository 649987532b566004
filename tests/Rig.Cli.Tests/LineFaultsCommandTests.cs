using System.Text.Json.Nodes;
using Rig.Cli.Tests.Support;

namespace Rig.Cli.Tests;

/// <summary>`rig run --line-faults`: the spec is checked at the edge, and what the chaos link did ends up in run.json and the summary.</summary>
public sealed class LineFaultsCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string TwoClips() => TwoClipPlaylist.Write(_tmp);

    [Fact]
    public void A_bad_spec_exits_2_naming_the_item_and_reason_before_anything_starts()
    {
        var dir = _tmp.Sub("bad");
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", TwoClips(), "--out", dir, "--line-faults", "ber=abc,seed=7");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("error: line-faults: 'ber=abc': not a number", r.Err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_board_reset_from_the_chaos_link_is_survived_and_recorded()
    {
        // One 3 s clip over the paced UART needs over a second of wire time (16,000 B/s of PCM plus
        // framing at 46,080 B/s), so a reset 600 ms after the link opened lands before the clip is
        // done: mid-clip (the clip is retried) or, on a host so loaded that the handshake outlasts
        // 600 ms, during the handshake (which takes the boot HELLO in its stride; the board's frame
        // sequence restarting shows as dropped frames). Either way the board restarted and the run
        // still gives the golden features.
        var playlist = _tmp.Sub("one.yaml");
        File.WriteAllText(playlist, "name: one\nitems:\n  - {name: long, label: jazz, synth: jazz, seed: 11, duration: 3}\n");
        var dir = _tmp.Sub("reset");
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", playlist, "--out", dir, "--paced-uart", "--line-faults", "reset@600ms,seed=5");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!;
        Assert.True((bool)run["complete"]!);
        Assert.Equal(0, (long)run["featureMismatches"]!);
        var link = run["link"]!;
        var injected = link["injectedFaults"]!;
        Assert.Equal("reset@600ms,seed=5", (string)injected["spec"]!);
        Assert.Equal(1, (int)injected["resets"]!);
        Assert.Equal(0, (long)injected["toBoard"]!["dropped"]!);
        Assert.True((long)injected["toBoard"]!["bytes"]! > 0);
        Assert.True((long)link["retries"]! >= 1 || (long)link["droppedFrames"]! > 0, link.ToJsonString());
        Assert.Contains("line faults (reset@600ms,seed=5): ", r.Out);
        Assert.Contains("0 stalls, 1 resets", r.Out);
    }
}
