using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>
/// The acoustic path: the ALSA device the speaker is on, and the virtual room that virtual
/// boards listen in (speaker response, propagation delay, noise floor, mic gain, ADC).
/// </summary>
public sealed record AcousticSection(
    string Device,
    double SpeakerLowHz,
    double SpeakerHighHz,
    double DelayMs,
    double NoiseFloorDbfs,
    double MicGainDb,
    int AdcBits,
    int Seed)
{
    public static AcousticSection Read(YamlMap m)
    {
        m.RejectUnknown("device", "speaker_low_hz", "speaker_high_hz", "delay_ms", "noise_floor_dbfs", "mic_gain_db", "adc_bits", "seed");
        return new AcousticSection(
            m.String("device", required: false, fallback: "default")!,
            m.Double("speaker_low_hz", 120, min: 0, max: 20000),
            m.Double("speaker_high_hz", 7000, min: 100, max: 48000),
            m.Double("delay_ms", 3, min: 0, max: 1000),
            m.Double("noise_floor_dbfs", -70, min: -140, max: 0),
            m.Double("mic_gain_db", 0, min: -60, max: 60),
            m.Int("adc_bits", 12, min: 8, max: 16),
            m.Int("seed", 1));
    }
}
