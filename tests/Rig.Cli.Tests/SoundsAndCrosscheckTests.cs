using System.Text.Json.Nodes;
using Rig.Cli.Tests.Support;

namespace Rig.Cli.Tests;

/// <summary>`rig sounds render` and `rig crosscheck --json` through the built rig.</summary>
public sealed class SoundsAndCrosscheckTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Sounds_render_writes_a_wav_and_a_png_per_clip()
    {
        var playlist = _tmp.Sub("tiny.yaml");
        File.WriteAllText(playlist, """
            name: tiny
            items:
              - {name: hammer, label: jackhammer, synth: jackhammer, seed: 3, duration: 0.25}
              - {name: quiet, label: background, synth: background, seed: 4, duration: 0.25}
            """);
        var dir = _tmp.Sub("sounds");
        var r = RigProcess.Run(_tmp.Path, "sounds", "render", "--playlist", playlist, "--out", dir, "--profile", "py32f003");
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var stem in new[] { "000_hammer", "001_quiet" })
        {
            var wav = File.ReadAllBytes(Path.Combine(dir, stem + ".wav"));
            Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
            Assert.Equal("WAVE"u8.ToArray(), wav[8..12]);
            Assert.Equal(8000, BitConverter.ToInt32(wav, 24));              // the profile's sample rate
            Assert.Equal(44 + 2 * 2000, wav.Length);                         // 0.25 s of 16-bit mono
            var png = File.ReadAllBytes(Path.Combine(dir, stem + ".png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }
        Assert.Equal(4, Directory.GetFiles(dir).Length);
        Assert.Contains("rendered 2 clips", r.Out);
    }

    [Fact]
    public void Crosscheck_json_reports_no_mismatches()
    {
        var r = RigProcess.Run(_tmp.Path, "crosscheck", "--profile", "py32f003", "--json", "--random", "2");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = JsonNode.Parse(r.Out)!;
        Assert.Equal("py32f003", (string)json["profile"]!);
        Assert.Equal(0, (long)json["mismatches"]!);
        Assert.True((bool)json["bitExact"]!);
        Assert.True((long)json["frames"]! > 0);
        Assert.True(json["signals"]!.AsArray().Count >= 7);
    }
}
