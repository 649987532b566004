using Rig.Core.Config;
using Rig.Dsp;

namespace Rig.Core.Profiles;

/// <summary>Reads a profile's <c>frontend:</c> section into the golden model's <see cref="FrontendConfig"/>.</summary>
public static class FrontendSection
{
    public static FrontendConfig Read(YamlMap m)
    {
        m.RejectUnknown("sample_rate", "fft_length", "hop", "window", "mel_bands", "fmin", "fmax", "log_format", "mfcc");
        var config = new FrontendConfig(
            m.Int("sample_rate"),
            m.Int("fft_length"),
            m.Int("hop"),
            m.String("window") ?? "hann",
            m.Int("mel_bands"),
            m.Double("fmin"),
            m.Double("fmax"),
            m.String("log_format", required: false, fallback: FrontendConfig.LogFormats[0])!,
            m.Int("mfcc", fallback: 0));
        if (m.Exists)
            foreach (var (field, reason) in config.Validate())
                m.Error(field, reason);
        return config;
    }
}
