using Rig.Audio.Tests.Support;
using Rig.Hardware.Audio;

namespace Rig.Audio.Tests.Hardware;

/// <summary>
/// Plays through the real libasound into ALSA's file plugin (slave: the null device), which writes
/// every sample it is given to a raw file, then reads that file back.
/// </summary>
public class AlsaOutputTests
{
    [Fact]
    public void Samples_played_through_alsa_arrive_as_s16_le_in_order()
    {
        using var dir = new TempDir();
        var raw = dir.Sub("out.raw");
        var x = Signals.Sine(440, 16000, 10000, 0.7);
        x[0] = 1f;      // saturates to 32767
        x[1] = -1f;
        using (var alsa = new AlsaOutput($"file:FILE={raw},FORMAT=raw", 16000))
        {
            alsa.Play(x.AsSpan(0, 3000));
            alsa.Play(x.AsSpan(3000));
            alsa.Drain();
            Assert.Equal(0, alsa.Recoveries);
        }
        var bytes = File.ReadAllBytes(raw);
        var got = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, got, 0, got.Length * 2);
        Assert.Equal(Q15Samples.FromFloat(x), got);
    }

    [Fact]
    public void Playing_again_after_a_drain_continues_the_stream()
    {
        using var dir = new TempDir();
        var raw = dir.Sub("again.raw");
        using (var alsa = new AlsaOutput($"file:FILE={raw},FORMAT=raw", 8000))
        {
            alsa.Play(Enumerable.Repeat(0.25f, 800).ToArray());
            alsa.Drain();
            alsa.Play(Enumerable.Repeat(-0.25f, 800).ToArray());
            alsa.Drain();
        }
        var bytes = File.ReadAllBytes(raw);
        Assert.Equal(3200, bytes.Length);
        Assert.Equal(8192, BitConverter.ToInt16(bytes, 0));
        Assert.Equal(-8192, BitConverter.ToInt16(bytes, 3198));
    }

    [Fact]
    public void An_unknown_device_is_a_clear_error_naming_it()
    {
        var e = Assert.Throws<AlsaException>(() => new AlsaOutput("rig_no_such_pcm_device", 16000));
        Assert.Contains("'rig_no_such_pcm_device'", e.Message);
        Assert.Contains("cannot open for playback", e.Message);
    }
}
