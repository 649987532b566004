using System.Text.Json.Nodes;
using Rig.Cli.Tests.Support;
using Rig.Reports.Tests.Support;

namespace Rig.Cli.Tests;

/// <summary>`rig run --line-faults`: the spec is checked at the edge, and what the chaos link did ends up in run.json and the summary.</summary>
public sealed class LineFaultsCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string TwoClips()
    {
        var path = _tmp.Sub("two.yaml");
        File.WriteAllText(path, """
            name: two
            items:
              - {name: band, label: jazz, synth: jazz, seed: 11, duration: 0.5}
              - {name: dog, label: dog_bark, synth: dog_bark, seed: 12, duration: 0.5}
            """);
        return path;
    }

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
        var dir = _tmp.Sub("reset");
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", TwoClips(), "--out", dir, "--line-faults", "reset@300ms,seed=5");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!;
        Assert.True((bool)run["complete"]!);
        Assert.Equal(0, (long)run["featureMismatches"]!);
        var injected = run["link"]!["injectedFaults"]!;
        Assert.Equal("reset@300ms,seed=5", (string)injected["spec"]!);
        Assert.Equal(1, (int)injected["resets"]!);
        Assert.Equal(0, (long)injected["toBoard"]!["dropped"]!);
        Assert.True((long)injected["toBoard"]!["bytes"]! > 0);
        // The board really restarted: the host saw it and recovered.
        Assert.Contains("restarted", run["link"]!["retryLog"]!.ToJsonString());
        Assert.Contains("line faults (reset@300ms,seed=5): ", r.Out);
        Assert.Contains("0 stalls, 1 resets", r.Out);
    }
}
