using Rig.Audio;
using Rig.Core.Profiles;
using Rig.Simulation.Room;

namespace Rig.Simulation.Tests.Room;

public class VirtualRoomTests
{
    private static AcousticSection Quiet(int adcBits = 16, double delayMs = 0, double gainDb = 0, double low = 0, double high = 48000, double noise = -140, int seed = 1) =>
        new("default", low, high, delayMs, noise, gainDb, adcBits, seed);

    [Fact]
    public void Capture_is_deterministic_for_a_seed_and_differs_between_listeners_and_seeds()
    {
        var profile = ProfileCatalog.Load("py32f003").Acoustic;
        var x = Signals.Sine(440, 8000, 4000, 0.3);
        var a = new VirtualRoom(profile, 8000).Capture(x);
        Assert.Equal(a, new VirtualRoom(profile, 8000).Capture(x));
        Assert.NotEqual(a, new VirtualRoom(profile, 8000, listener: 1).Capture(x));
        Assert.NotEqual(a, new VirtualRoom(profile with { Seed = profile.Seed + 1 }, 8000).Capture(x));
        var room = new VirtualRoom(profile, 8000);
        room.Capture(x);
        room.Reset();
        Assert.Equal(a, room.Capture(x));
    }

    [Fact]
    public void Chunked_capture_equals_one_capture_because_the_room_is_a_stream()
    {
        var profile = ProfileCatalog.Load("rp2040").Acoustic;
        var x = Signals.Sine(1000, 16000, 3000, 0.5);
        var whole = new VirtualRoom(profile, 16000).Capture(x);
        var room = new VirtualRoom(profile, 16000);
        var parts = room.Capture(x.AsSpan(0, 1234)).Concat(room.Capture(x.AsSpan(1234))).ToArray();
        Assert.Equal(whole, parts);
    }

    [Fact]
    public void Sound_arrives_after_the_propagation_delay()
    {
        var x = new float[200];
        x[10] = 0.5f;
        var y = new VirtualRoom(Quiet(delayMs: 5), 16000).Capture(x);
        Assert.Equal(80, new VirtualRoom(Quiet(delayMs: 5), 16000).DelaySamples);
        Assert.Equal(90, Array.FindIndex(y, v => v != 0));
        Assert.Equal(16384, y[90]);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    public void Adc_codes_are_left_aligned_at_its_resolution_and_clip_at_full_scale(int bits)
    {
        var x = Signals.Sine(300, 16000, 1600, 0.9);
        var y = new VirtualRoom(Quiet(adcBits: bits, gainDb: 12), 16000).Capture(x);
        var step = 1 << (16 - bits);
        Assert.All(y, v => Assert.Equal(0, v % step));
        Assert.Equal(32768 - step, y.Max());
        Assert.Equal(-32768, y.Min());
        Assert.True(y.Count(v => v == y.Max()) > 100, "a 12 dB overdriven sine must clip");
    }

    [Fact]
    public void Silence_is_heard_as_the_noise_floor()
    {
        var y = new VirtualRoom(Quiet(noise: -40), 16000).Capture(new float[16000]);
        var rmsDb = Signals.Db(Signals.Rms(y) / 32768);
        Assert.InRange(rmsDb, -40.5, -39.5);
    }

    [Fact]
    public void Mic_gain_scales_the_signal()
    {
        var x = Signals.Sine(1000, 16000, 4000, 0.1);
        var flat = Signals.Rms(new VirtualRoom(Quiet(), 16000).Capture(x));
        var loud = Signals.Rms(new VirtualRoom(Quiet(gainDb: 6), 16000).Capture(x));
        Assert.InRange(Signals.Db(loud / flat), 5.95, 6.05);
    }

    [Fact]
    public void The_speaker_passes_its_band_and_cuts_outside_it()
    {
        var room = Quiet(low: 150, high: 3000);
        double Gain(double hz)
        {
            var y = new VirtualRoom(room, 16000).Capture(Signals.Sine(hz, 16000, 8000, 0.5));
            return Signals.Db(Signals.AmplitudeAt(Q15Samples.ToFloat(y).AsSpan(2000), hz, 16000) / 0.5);
        }
        Assert.InRange(Gain(700), -1, 0.5);
        Assert.InRange(Gain(150), -3.5, -2.5);   // Butterworth corners are 3 dB down
        Assert.InRange(Gain(3000), -3.5, -2.5);
        Assert.True(Gain(40) < -20);
        Assert.True(Gain(7000) < -12);
    }

    [Fact]
    public void The_virtual_room_sits_behind_the_audio_output_seam()
    {
        var profile = ProfileCatalog.Load("nrf52840").Acoustic;
        var captured = new List<short>();
        using Rig.Core.Seams.IAudioOutput output = new VirtualRoomOutput(new VirtualRoom(profile, 16000), c => captured.AddRange(c));
        var x = Signals.Sine(500, 16000, 2000);
        output.Play(x);
        output.Drain();
        Assert.Equal(16000, output.SampleRate);
        Assert.Equal(new VirtualRoom(profile, 16000).Capture(x), captured);
    }
}
