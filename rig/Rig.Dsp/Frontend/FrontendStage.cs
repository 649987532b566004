namespace Rig.Dsp.Frontend;

/// <summary>
/// The pipeline's stages in order. The numeric values equal the C enum rig_fe_stage_t (frontend.h)
/// and the names are what feature diffs print ("first diverging stage").
/// </summary>
public enum FrontendStage
{
    Window = 0,
    Fft = 1,
    Power = 2,
    Mel = 3,
    Log = 4,
    Dct = 5,
}

public static class FrontendStages
{
    public static readonly FrontendStage[] All = [FrontendStage.Window, FrontendStage.Fft, FrontendStage.Power, FrontendStage.Mel, FrontendStage.Log, FrontendStage.Dct];

    /// <summary>"window", "fft", "power", "mel", "log", "dct".</summary>
    public static string Name(this FrontendStage s) => s switch
    {
        FrontendStage.Window => "window",
        FrontendStage.Fft => "fft",
        FrontendStage.Power => "power",
        FrontendStage.Mel => "mel",
        FrontendStage.Log => "log",
        FrontendStage.Dct => "dct",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>Stages a configuration runs (dct only with MFCC).</summary>
    public static IEnumerable<FrontendStage> For(FrontendConfig c) => c.MfccCount > 0 ? All : All[..^1];
}
