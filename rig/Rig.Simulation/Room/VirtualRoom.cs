using Rig.Audio;
using Rig.Audio.Synthesis;
using Rig.Core.Profiles;

namespace Rig.Simulation.Room;

/// <summary>
/// What a virtual board's microphone and ADC hear when the rig plays a clip: the speaker's band-pass
/// response, the propagation delay, the room's noise floor, the mic preamp gain, and the ADC's
/// resolution and clipping, all set in the profile's <c>acoustic:</c> section. A stream: filter,
/// delay-line and noise state carry across <see cref="Capture"/> calls. Deterministic for
/// (section, rate, listener, inputs): the noise comes from PCG32 seeded by acoustic.seed on a
/// stream chosen by the listener index, so two boards in one room hear different noise.
/// </summary>
public sealed class VirtualRoom
{
    private readonly AcousticSection _acoustic;
    private readonly int _listener;
    private SpeakerResponse _speaker;
    private DelayLine _delay;
    private Pcg32 _noise;
    private readonly double _noiseRms;
    private readonly double _micGain;
    private readonly Adc _adc;

    public VirtualRoom(AcousticSection acoustic, int sampleRate, int listener = 0)
    {
        ArgumentNullException.ThrowIfNull(acoustic);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(listener);
        _acoustic = acoustic;
        _listener = listener;
        SampleRate = sampleRate;
        DelaySamples = (int)Math.Round(acoustic.DelayMs / 1000 * sampleRate);
        _noiseRms = Math.Pow(10, acoustic.NoiseFloorDbfs / 20);
        _micGain = Math.Pow(10, acoustic.MicGainDb / 20);
        _adc = new Adc(acoustic.AdcBits);
        Reset();
    }

    public int SampleRate { get; }
    public int DelaySamples { get; }
    public AcousticSection Acoustic => _acoustic;

    /// <summary>Back to the state right after construction: silent filters, empty delay line, noise from the start.</summary>
    public void Reset()
    {
        _speaker = new SpeakerResponse(_acoustic.SpeakerLowHz, _acoustic.SpeakerHighHz, SampleRate);
        _delay = new DelayLine(DelaySamples);
        _noise = new Pcg32((ulong)(uint)_acoustic.Seed, (ulong)_listener + 0x524F4F4DUL);
    }

    /// <summary>The ADC codes (left-aligned Q15) the board records while <paramref name="played"/> (at the board rate) plays.</summary>
    public short[] Capture(ReadOnlySpan<float> played)
    {
        var codes = new short[played.Length];
        for (var i = 0; i < played.Length; i++)
        {
            var air = _delay.Push(_speaker.Process(played[i]));
            var mic = (air + _noiseRms * _noise.NextGaussian()) * _micGain;
            codes[i] = _adc.Convert(mic);
        }
        return codes;
    }
}
