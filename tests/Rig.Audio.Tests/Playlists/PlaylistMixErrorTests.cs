using Rig.Audio.Playlists;
using Rig.Core.Config;

namespace Rig.Audio.Tests.Playlists;

public class PlaylistMixErrorTests
{
    [Theory]
    [InlineData("mix: [{synth: bebop, seed: 1, snr_db: 0}]", "items[0].mix[0].synth", "unknown sound 'bebop'")]
    [InlineData("mix: [{synth: metal, seed: 1, snr_db: -45}]", "items[0].mix[0].snr_db", "out of range [-40, 40]")]
    [InlineData("mix: [{synth: metal, seed: 1}]", "items[0].mix[0].snr_db", "missing")]
    [InlineData("mix: [{synth: metal, seed: 1, snr_db: loud}]", "items[0].mix[0].snr_db", "'loud' is not a number")]
    [InlineData("mix: [{synth: metal, seed: 1, snr_db: 0, level: 3}]", "items[0].mix[0].level", "unknown field")]
    [InlineData("mix: [{seed: 1, snr_db: 0}]", "items[0].mix[0].synth", "missing")]
    [InlineData("mix: metal", "items[0].mix", "expected a list")]
    [InlineData("reverb: {rt60: 9}", "items[0].reverb.rt60", "out of range [0.05, 5]")]
    [InlineData("reverb: {rt60: 0.5, wet: 1.5}", "items[0].reverb.wet", "out of range [0, 1]")]
    [InlineData("reverb: {wet: 0.5}", "items[0].reverb.rt60", "missing")]
    [InlineData("reverb: {rt60: 0.5, size: 3}", "items[0].reverb.size", "unknown field")]
    [InlineData("reverb: big", "items[0].reverb", "expected a mapping")]
    public void Bad_mix_and_reverb_fields_name_the_field_line_and_reason(string fields, string field, string reason)
    {
        using var dir = new TempDir();
        var path = dir.Write("list.yaml", "items:\n  - {label: jazz, synth: jazz, seed: 1, duration: 1, " + fields + "}\n");
        var e = Assert.Single(Assert.Throws<ConfigException>(() => Playlist.Load(path)).Errors);
        Assert.Equal(field, e.Field);
        Assert.Equal(2, e.Line);
        Assert.Contains(reason, e.Reason);
        Assert.EndsWith("list.yaml", e.File);
    }

    [Fact]
    public void Mix_and_reverb_are_read_into_the_item()
    {
        using var dir = new TempDir();
        var p = Playlist.Load(dir.Write("list.yaml", """
            items:
              - {label: jazz, synth: jazz, seed: 1, duration: 1, mix: [{synth: metal, seed: 7, snr_db: -6}, {synth: background, seed: 8, snr_db: 3.5}], reverb: {rt60: 0.4}}
              - {label: jazz, synth: jazz, seed: 2, duration: 1}
            """));
        Assert.Equal([new Interferer("metal", 7, -6), new Interferer("background", 8, 3.5)], p.Items[0].Mix);
        Assert.Equal(new RoomReverb(0.4, 0.3), p.Items[0].Reverb);
        Assert.Empty(p.Items[1].Mix);
        Assert.Null(p.Items[1].Reverb);
    }
}
