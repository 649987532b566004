using Rig.Core.Runs;
using Rig.Runs.Orchestration;
using Rig.Simulation.Link;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>A whole run through the chaos link: the same answers as a clean run, and run.json says what the link put up with.</summary>
public sealed class NoisyLineRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-noisy-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RunOptions Options(string outDir, LineFaults? faults)
    {
        var labels = new[] { "jazz", "dog_bark", "metal", "disco" };
        var path = Path.Combine(_dir, "tiny.yaml");
        File.WriteAllLines(path, ["name: tiny", "items:", .. labels.Select((l, i) => $"  - {{name: c{i}, label: {l}, synth: {l}, seed: {200 + i}, duration: 0.8}}")]);
        return new RunOptions
        {
            Profile = "py32f003",
            Playlist = path,
            Boards = [BoardTarget.Parse("virtual")],
            Mode = RunMode.Inject,
            OutDir = outDir,
            HistoryStore = Path.Combine(_dir, "history.db"),
            LineFaults = faults,
        };
    }

    [Fact]
    public void A_run_over_a_noisy_line_gives_the_clean_runs_answers_and_counts_its_recovery()
    {
        new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(Path.Combine(_dir, "clean"), null));
        new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(Path.Combine(_dir, "noisy"), new LineFaults { Ber = 1e-3, Seed = 5 }));
        var clean = RunJson.Read(Path.Combine(_dir, "clean"));
        var noisy = RunJson.Read(Path.Combine(_dir, "noisy"));
        Assert.True(noisy.Complete);
        Assert.Equal(clean.Clips.Select(c => (c.Name, c.Predicted, string.Join(",", c.Scores), c.Frames, c.Windows, c.MismatchingValues)),
                     noisy.Clips.Select(c => (c.Name, c.Predicted, string.Join(",", c.Scores), c.Frames, c.Windows, c.MismatchingValues)));
        Assert.Equal(0, noisy.FeatureMismatches);
        var link = noisy.Link;
        Assert.NotNull(link.InjectedFaults);
        Assert.True(link.CrcErrors + link.DroppedFrames > 0, "the line faults should have cost frames");
        Assert.True(link.ResentFrames > 0, $"re-sent {link.ResentFrames}");
        Assert.InRange(link.RecoveredClips, 1, noisy.Clips.Count);
        Assert.Equal(0, link.FailedClips);
        Assert.Equal("3", noisy.Versions["protocol"]);
    }
}
