using Rig.Audio.Playlists;
using Rig.Core.Config;
using Rig.Core.Profiles;
using Rig.Runs.Orchestration;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>A clip shorter than the profile's first classifier window is refused before any board is opened.</summary>
public sealed class ClipLengthCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-cliplen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Playlist Write(params double[] durations)
    {
        var path = Path.Combine(_dir, "p.yaml");
        File.WriteAllLines(path, ["name: p", "items:", .. durations.Select((d, i) => $"  - {{name: c{i}, label: jazz, synth: jazz, seed: {i + 1}, duration: {d}}}")]);
        return Playlist.Load(path);
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("nrf52840")]
    public void A_clip_one_sample_short_of_the_window_is_refused_naming_its_line_and_one_of_the_window_passes(string name)
    {
        var profile = ProfileCatalog.Load(name);
        var window = ClipLengthCheck.WindowSeconds(profile);
        var sample = 1.0 / profile.Frontend.SampleRate;
        var playlist = Write(Math.Ceiling(window * profile.Frontend.SampleRate) * sample, 2.0, window - 8 * sample);
        var e = Assert.Throws<ConfigException>(() => ClipLengthCheck.Check(playlist, profile));
        var error = Assert.Single(e.Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("duration", error.Field);
        Assert.Contains($"shorter than one classifier window of profile {name}", error.Reason);
        ClipLengthCheck.Check(Write(2.0, Math.Ceiling(window * profile.Frontend.SampleRate) * sample), profile);
    }
}
