namespace Rig.Dsp;

/// <summary>
/// The audio frontend a board runs: one frame of <see cref="FftLength"/> samples every
/// <see cref="Hop"/> samples, windowed, transformed, reduced to <see cref="MelBands"/> log-mel
/// values and optionally to <see cref="MfccCount"/> cepstral coefficients.
/// Read from a profile's <c>frontend:</c> section; validated once by <see cref="Validate"/>.
/// </summary>
public sealed record FrontendConfig(
    int SampleRate,
    int FftLength,
    int Hop,
    string Window,
    int MelBands,
    double FminHz,
    double FmaxHz,
    string LogFormat,
    int MfccCount)
{
    public static readonly string[] Windows = ["hann", "hamming"];

    /// <summary>Log output formats: the fixed-point format of each log-mel value.</summary>
    public static readonly string[] LogFormats = ["q7.8-log2"];

    public int Bins => FftLength / 2 + 1;

    /// <summary>Values in one output column: MFCCs when configured, otherwise log-mel bands.</summary>
    public int ColumnLength => MfccCount > 0 ? MfccCount : MelBands;

    public double ColumnsPerSecond => (double)SampleRate / Hop;

    /// <summary>Every problem with this configuration as (yaml field name, reason); empty when valid.</summary>
    public IEnumerable<(string Field, string Reason)> Validate()
    {
        if (SampleRate is < 4000 or > 48000)
            yield return ("sample_rate", $"{SampleRate} Hz is out of range [4000, 48000]");
        if (FftLength < 32 || FftLength > 1024 || (FftLength & (FftLength - 1)) != 0)
            yield return ("fft_length", $"{FftLength} is not a power of two in [32, 1024]");
        if (Hop < 1 || Hop > FftLength)
            yield return ("hop", $"hop {Hop} must be between 1 and the frame length {FftLength}");
        if (!Windows.Contains(Window))
            yield return ("window", $"'{Window}' is not one of: {string.Join(", ", Windows)}");
        if (!LogFormats.Contains(LogFormat))
            yield return ("log_format", $"'{LogFormat}' is not one of: {string.Join(", ", LogFormats)}");
        if (MelBands < 1)
            yield return ("mel_bands", "needs at least one band");
        else if (MelBands > Bins - 2)
            yield return ("mel_bands", $"{MelBands} bands is more than the {Bins - 2} inner FFT bins of a {FftLength}-point FFT");
        if (FminHz < 0)
            yield return ("fmin", $"{FminHz} Hz is negative");
        if (FmaxHz > SampleRate / 2.0)
            yield return ("fmax", $"{FmaxHz} Hz is above Nyquist ({SampleRate / 2.0} Hz)");
        if (FmaxHz <= FminHz)
            yield return ("fmax", $"{FmaxHz} Hz must be above fmin ({FminHz} Hz)");
        if (MfccCount < 0 || MfccCount > MelBands)
            yield return ("mfcc", $"{MfccCount} coefficients must be between 0 and mel_bands ({MelBands})");
        else if (MfccCount > 0 && MelBands > 48)
            yield return ("mfcc", $"MFCC needs mel_bands <= 48 (the DCT accumulates in 32 bits); got {MelBands}");
    }
}
