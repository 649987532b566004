using Rig.Core.Config;
using Rig.Dsp;

namespace Rig.Core.Profiles;

/// <summary>Reads a profile's <c>frontend:</c> section into the golden model's <see cref="FrontendConfig"/>.</summary>
public static class FrontendSection
{
    public static FrontendConfig Read(YamlMap m)
    {
        var errorsBefore = m.Document.Errors.Count;
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
        // Range checks only on a section that read cleanly: a missing or unparsable field reads as
        // 0 and would otherwise drag in follow-on errors about fields that are fine.
        if (m.Exists && m.Document.Errors.Count == errorsBefore)
            foreach (var (field, reason) in config.Validate())
                m.Error(field, reason);
        return config;
    }
}
