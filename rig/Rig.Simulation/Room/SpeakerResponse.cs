using Rig.Audio.Synthesis;

namespace Rig.Simulation.Room;

/// <summary>
/// A small speaker's response: second-order Butterworth high-pass at its low corner (the cone cannot
/// move air below it) and second-order low-pass at its high corner. A corner at or above the board's
/// Nyquist frequency is left out rather than folded.
/// </summary>
internal struct SpeakerResponse
{
    private Biquad _highPass;
    private Biquad _lowPass;

    public SpeakerResponse(double lowHz, double highHz, int sampleRate)
    {
        _highPass = lowHz > 0 ? Biquad.HighPass(lowHz, Math.Sqrt(0.5), sampleRate) : Biquad.Identity;
        _lowPass = highHz < sampleRate * 0.45 ? Biquad.LowPass(highHz, Math.Sqrt(0.5), sampleRate) : Biquad.Identity;
    }

    public double Process(double x) => _lowPass.Process(_highPass.Process(x));
}
