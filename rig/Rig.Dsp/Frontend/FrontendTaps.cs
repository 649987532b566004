namespace Rig.Dsp.Frontend;

/// <summary>
/// Every stage's output for the most recent column (overwritten by the next one; copy to keep).
/// Same layouts as the C tap callback: window int16[N] (plus the block-floating-point
/// <see cref="Shift"/>), fft int16[N+2] (re, im of bins 0..N/2), power uint32[N/2+1],
/// mel uint32[M], log int16[M] (Q7.8 log2), dct int16[K].
/// </summary>
public sealed class FrontendTaps
{
    public short[] Window { get; }
    public int Shift { get; set; }
    public short[] Fft { get; }
    public uint[] Power { get; }
    public uint[] Mel { get; }
    public short[] Log { get; }
    public short[] Dct { get; }

    /// <summary>Buffers sized for <paramref name="c"/>; the golden model and the C tap callback both fill one.</summary>
    public FrontendTaps(FrontendConfig c)
    {
        Window = new short[c.FftLength];
        Fft = new short[c.FftLength + 2];
        Power = new uint[c.Bins];
        Mel = new uint[c.MelBands];
        Log = new short[c.MelBands];
        Dct = new short[c.MfccCount];
    }

    /// <summary>A stage's values widened to long for value-by-value comparison (window includes the shift last).</summary>
    public long[] Values(FrontendStage stage) => stage switch
    {
        FrontendStage.Window => [.. Window.Select(v => (long)v), Shift],
        FrontendStage.Fft => [.. Fft.Select(v => (long)v)],
        FrontendStage.Power => [.. Power.Select(v => (long)v)],
        FrontendStage.Mel => [.. Mel.Select(v => (long)v)],
        FrontendStage.Log => [.. Log.Select(v => (long)v)],
        FrontendStage.Dct => [.. Dct.Select(v => (long)v)],
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
