using Rig.Core.Seams;
using Rig.Audio.Playlists;
using Rig.Core.Profiles;
using Rig.Hardware.Power;
using Rig.Simulation.Power;
using Xunit.Abstractions;

namespace Rig.Simulation.Tests.Power;

/// <summary>
/// End to end on virtual boards: power model -> activity timeline -> virtual INA219 -> real driver and
/// sampler on a virtual clock -> energy per inference, against the model's exact integral.
/// </summary>
public class VirtualEnergyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Profiles() => new(ProfileCatalog.Names());

    /// <summary>
    /// Work per inference for one clip: seeded from the clip, between 0.2 and 3 Mcycles with +-20 % jitter per
    /// inference (the virtual board's own counts come through LINK's burst; these exercise the same path).
    /// </summary>
    private static long[] CyclesFor(PlaylistItem clip, string profile)
    {
        var rng = new Random(HashCode.Combine(clip.Index, profile.Length, 5001));
        var typical = 200_000 + rng.Next(2_800_000);
        return Enumerable.Range(0, 16).Select(_ => (long)(typical * (0.8 + 0.4 * rng.NextDouble()))).ToArray();
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Energy_per_inference_is_within_2_percent_of_the_model_across_the_reference_playlist(string name)
    {
        var profile = ProfileCatalog.Load(name);
        using var monitor = VirtualPowerMonitor.ForProfile(profile);
        Assert.True(monitor.IsAvailable, monitor.Description);
        var model = BoardPowerModel.FromProfile(profile);
        var worst = 0.0;
        foreach (var clip in Playlist.LoadShipped("reference").Items)
        {
            var cycles = CyclesFor(clip, name);
            var burst = new ReplayedBurst(cycles, profile.Board.ClockHz);
            var estimate = cycles.Average() / profile.Board.ClockHz;
            var m = await monitor.MeasureAsync(burst, estimate);
            var r = m.Result;
            Assert.True(r.Measured, r.Reason);
            Assert.True(r.Samples >= InferenceCount.MinimumWindowSamples, $"{clip.Name}: {r.Samples} samples");

            // The truth, computed independently of the timeline: run power x the K inferences' time / K.
            var k = r.InferencesInWindow!.Value;
            var seconds = Enumerable.Range(0, k).Sum(i => cycles[i % cycles.Length] / (double)profile.Board.ClockHz);
            var truthUj = model.RunWatts * seconds / k * 1e6;
            Assert.Equal(truthUj, r.TruthEnergyPerInferenceUj!.Value, truthUj * 1e-9);
            Assert.Equal(seconds, r.WindowSeconds!.Value, 1e-6);
            var error = Math.Abs(r.EnergyPerInferenceUj!.Value - truthUj) / truthUj;
            worst = Math.Max(worst, error);
            Assert.True(error < 0.02, $"{name} {clip.Name}: measured {r.EnergyPerInferenceUj:F3} uJ vs model {truthUj:F3} uJ ({error:P2})");
            Assert.Equal(profile.Power.SupplyVolts, r.BusVoltageV!.Value, 3);
            Assert.True(r.IdlePowerMw < r.ActivePowerMw);
            Assert.True(r.IdleSamples >= InferenceCount.MinimumWindowSamples);
            Assert.True(r.SamplerRateHz >= 0.9 / r.ConversionSeconds, $"sampler {r.SamplerRateHz:F1}/s");
        }
        Assert.True(worst < 0.02);
        output.WriteLine($"{name}: worst energy error {worst:P3} over {Playlist.LoadShipped("reference").Items.Count} clips ({monitor.Description})");
    }

    [Fact]
    public async Task A_wrong_estimate_is_corrected_by_one_repeat_with_a_larger_k()
    {
        var profile = ProfileCatalog.Load("stm32l4");
        using var monitor = VirtualPowerMonitor.ForProfile(profile);
        var calls = new List<int>();
        var burst = new CountingBurst(new ReplayedBurst(80_000, profile.Board.ClockHz), calls); // 1 ms per inference
        var m = await monitor.MeasureAsync(burst, estimatedSecondsPerInference: 0.05);        // guessed 50x too long
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1] > calls[0] * 10);
        Assert.True(m.Result.Samples >= InferenceCount.MinimumWindowSamples);
    }

    private sealed class CountingBurst(IInferenceBurst inner, List<int> calls) : IInferenceBurst
    {
        public Task<BurstReport> RunAsync(int inferences, IWindowMarks marks, CancellationToken ct)
        {
            calls.Add(inferences);
            return inner.RunAsync(inferences, marks, ct);
        }
    }
}
