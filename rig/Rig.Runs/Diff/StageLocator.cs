using Rig.Dsp;
using Rig.Dsp.Frontend;

namespace Rig.Runs.Diff;

/// <summary>
/// Names the first frontend stage that diverges: the golden model is run up to the first differing
/// column and its taps (window + shift, fft, power, mel, log, dct) are compared in pipeline order
/// with the stages the board streamed in debug mode (STAGE messages).
/// </summary>
public static class StageLocator
{
    /// <summary>The output stage (log, or dct with MFCC): what is named when no stage dump is available.</summary>
    public static string OutputStage(FrontendConfig config) => (config.MfccCount > 0 ? FrontendStage.Dct : FrontendStage.Log).Name();

    /// <summary>First stage of <paramref name="column"/> whose board values differ from the golden model's; null if all agree.</summary>
    public static string? FirstDifferingStage(FrontendConfig config, ReadOnlySpan<short> samples, int column,
                                              IReadOnlyDictionary<(int Column, int Stage), long[]> board)
    {
        var golden = new Q15Frontend(config);
        var produced = -1;
        while (!samples.IsEmpty && produced < column)
        {
            var used = golden.Push(samples, out var ready);
            samples = samples[used..];
            if (ready) produced++;
        }
        if (produced < column) return OutputStage(config); // the board produced a column the golden model does not have
        foreach (var stage in FrontendStages.For(config))
        {
            if (!board.TryGetValue((column, (int)stage), out var values)) return stage.Name(); // missing = differing
            if (!golden.Taps.Values(stage).AsSpan().SequenceEqual(values)) return stage.Name();
        }
        return null;
    }
}
