using Rig.Core;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

/// <summary>Bad frontend sections are refused with file, line, field and reason.</summary>
public class FrontendValidationTests
{
    private const string File = "profiles/broken.yaml";

    private static string Good() => System.IO.File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));

    private static int LineOf(string yaml, string startsWith) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(t => t.l.TrimStart().StartsWith(startsWith, StringComparison.Ordinal)).i + 1;

    private static ConfigError Refused(string yaml, string field)
    {
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse(File, yaml));
        var error = Assert.Single(e.Errors, x => x.Field == field);
        Assert.Equal(File, error.File);
        Assert.Contains($"{File}:{error.Line}: {field}: ", e.Message);
        return error;
    }

    [Fact]
    public void The_committed_profile_loads()
    {
        var p = BoardProfile.Parse(File, Good());
        Assert.Equal(128, p.Frontend.FftLength);
    }

    [Theory]
    [InlineData("fft_length: 128", "fft_length: 100", "frontend.fft_length", "not a power of two")]
    [InlineData("fft_length: 128", "fft_length: 2048", "frontend.fft_length", "not a power of two in [32, 1024]")]
    [InlineData("fmax: 4000", "fmax: 4500", "frontend.fmax", "above Nyquist (4000 Hz)")]
    [InlineData("hop: 64", "hop: 129", "frontend.hop", "between 1 and the frame length 128")]
    [InlineData("hop: 64", "hop: 0", "frontend.hop", "between 1 and the frame length")]
    [InlineData("mel_bands: 20", "mel_bands: 64", "frontend.mel_bands", "more than the 63 inner FFT bins")]
    [InlineData("window: hann", "window: kaiser", "frontend.window", "'kaiser' is not one of: hann, hamming")]
    [InlineData("log_format: q7.8-log2", "log_format: db", "frontend.log_format", "'db' is not one of")]
    [InlineData("mfcc: 0", "mfcc: 21", "frontend.mfcc", "between 0 and mel_bands (20)")]
    [InlineData("sample_rate: 8000", "sample_rate: eight", "frontend.sample_rate", "'eight' is not a whole number")]
    public void Out_of_range_field_is_refused_on_its_line(string good, string bad, string field, string reason)
    {
        var yaml = Good();
        Assert.Contains(good, yaml);
        yaml = yaml.Replace(good, bad);
        var error = Refused(yaml, field);
        Assert.Equal(LineOf(yaml, bad), error.Line);
        Assert.Contains(reason, error.Reason);
    }

    [Theory]
    [InlineData("fft_length")]
    [InlineData("hop")]
    [InlineData("mel_bands")]
    [InlineData("sample_rate")]
    public void Missing_field_is_refused(string key)
    {
        var yaml = string.Join('\n', Good().Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)));
        var error = Refused(yaml, "frontend." + key);
        Assert.Equal("missing field", error.Reason);
        // Located at the frontend section (the line its mapping starts on, right below "frontend:").
        Assert.Equal(LineOf(yaml, "frontend:") + 1, error.Line);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var yaml = Good().Replace("fft_length: 128", "fft_length: 96").Replace("fmax: 4000", "fmax: 9000");
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse(File, yaml));
        Assert.Contains(e.Errors, x => x.Field == "frontend.fft_length");
        Assert.Contains(e.Errors, x => x.Field == "frontend.fmax");
    }
}
