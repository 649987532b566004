using Rig.Cli.Tests.Support;
using Rig.TestSupport;

namespace Rig.Cli.Tests;

/// <summary>
/// `rig train --render`: both renderings train on every clip twice (injected, then through the profile's virtual room), and
/// the model's files say how their clips were rendered, so a shipped model's provenance shows whether it heard the room.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TrainRenderTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private InProcessOutcome Train(string render, string output)
    {
        var playlist = TwoClipPlaylist.Write(_tmp);
        return InProcessRig.Run("train", "--profile", "py32f003", "--playlist", playlist, "--eval", playlist, "--epochs", "1",
            "--render", render, "--out", _tmp.Sub(output));
    }

    [Fact]
    public void Both_trains_each_clip_twice_and_the_model_files_record_it()
    {
        var r = Train("both", "both");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("training   4 clips", r.Out, StringComparison.Ordinal);
        Assert.Contains("(render both)", File.ReadAllText(Path.Combine(_tmp.Sub("both"), "rig_model.json")), StringComparison.Ordinal);
        Assert.Contains("(render both)", File.ReadAllText(Path.Combine(_tmp.Sub("both"), "model_graph.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Inject_trains_each_clip_once_and_leaves_the_names_alone()
    {
        var r = Train("inject", "inject");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("training   2 clips", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("(render", File.ReadAllText(Path.Combine(_tmp.Sub("inject"), "rig_model.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rendering_is_refused_with_the_choices()
    {
        var r = Train("loud", "loud");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("both", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_tmp.Sub("loud")) && Directory.EnumerateFileSystemEntries(_tmp.Sub("loud")).Any());
    }
}
