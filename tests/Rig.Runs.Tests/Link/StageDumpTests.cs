using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Hardware.Serial;
using Rig.Runs.Diff;
using Rig.Runs.Link;
using Rig.Simulation.Board;

namespace Rig.Runs.Tests.Link;

/// <summary>Debug mode: the firmware streams every stage of every column; each must equal the golden model's taps.</summary>
public class StageDumpTests
{
    private static (Clips.ClipCapture Capture, short[] Samples, BoardProfile Profile) Dump(string profile)
    {
        var p = ProfileCatalog.Load(profile);
        using var board = VirtualBoard.Start(new VirtualBoardOptions(profile));
        using var session = new BoardSession("virtual-0", new SerialPortLink(board.PtyPath, p.Serial.Baud, TimeSpan.FromSeconds(5)), profile,
            new Q15Frontend(p.Frontend).ConfigHash, new SessionOptions(), TimeProvider.System);
        session.Connect();
        var samples = new short[p.Frontend.FftLength + 5 * p.Frontend.Hop];
        for (var i = 0; i < samples.Length; i++) samples[i] = (short)(9000 * Math.Sin(i * 0.37) + (i % 7) * 300);
        return (session.PlayInject("stages", samples, p.Classifier.WindowColumns, p.Classifier.WindowHopColumns, stages: true), samples, p);
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("stm32l4")] // with MFCC: the dct stage too
    public void Every_stage_of_every_column_matches_the_golden_taps(string profile)
    {
        var (capture, samples, p) = Dump(profile);
        var golden = new Q15Frontend(p.Frontend);
        var column = 0;
        ReadOnlySpan<short> rest = samples;
        while (!rest.IsEmpty)
        {
            var used = golden.Push(rest, out var ready);
            rest = rest[used..];
            if (!ready) continue;
            foreach (var stage in FrontendStages.For(p.Frontend))
                Assert.Equal(golden.Taps.Values(stage), capture.Stages[(column, (int)stage)]);
            column++;
        }
        Assert.Equal(6, column);
        Assert.Equal(6 * FrontendStages.For(p.Frontend).Count(), capture.Stages.Count);
    }

    [Fact]
    public void The_locator_names_the_first_stage_that_differs()
    {
        var (capture, samples, p) = Dump("py32f003");
        Assert.Null(StageLocator.FirstDifferingStage(p.Frontend, samples, 3, capture.Stages));
        var tampered = capture.Stages.ToDictionary(kv => kv.Key, kv => (long[])kv.Value.Clone());
        tampered[(3, (int)FrontendStage.Mel)][5]++;
        tampered[(3, (int)FrontendStage.Log)][7]++;
        Assert.Equal("mel", StageLocator.FirstDifferingStage(p.Frontend, samples, 3, tampered));
        tampered[(3, (int)FrontendStage.Window)][^1]++; // the block-floating-point shift
        Assert.Equal("window", StageLocator.FirstDifferingStage(p.Frontend, samples, 3, tampered));
    }
}
