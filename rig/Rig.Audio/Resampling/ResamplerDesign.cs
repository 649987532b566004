namespace Rig.Audio.Resampling;

/// <summary>
/// The anti-aliasing filter's shape, as fractions of the lower of the two rates. The defaults pass
/// 0 to 0.42 x rate flat (under 0.01 dB ripple), and stop everything from 0.5 x rate (the Nyquist
/// frequency of the lower rate) by 80 dB, so nothing above the board's Nyquist folds back.
/// </summary>
public sealed record ResamplerDesign(double PassbandEdge = 0.42, double StopbandEdge = 0.5, double AttenuationDb = 80)
{
    public static ResamplerDesign Default { get; } = new();

    public IEnumerable<string> Validate()
    {
        if (PassbandEdge <= 0 || PassbandEdge >= StopbandEdge) yield return "passband edge must be in (0, stopband edge)";
        if (StopbandEdge > 0.5) yield return "stopband edge must be at most 0.5 (the lower rate's Nyquist)";
        if (AttenuationDb < 21 || AttenuationDb > 150) yield return "attenuation must be in [21, 150] dB";
    }
}
