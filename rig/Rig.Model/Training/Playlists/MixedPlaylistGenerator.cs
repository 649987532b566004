using Rig.Audio.Playlists;
using Rig.Core;

namespace Rig.Model.Training.Playlists;

/// <summary>
/// Writes the items of a <see cref="MixedPlaylistSpec"/>: labels in <see cref="Labels.All"/> order,
/// <c>PerLabel</c> each, named &lt;label&gt;_&lt;prefix&gt;NNN. A pure function of the spec: the
/// choices come from one <see cref="SplitMix64"/> seeded with <c>Spec.Seed</c>, drawn in item order.
/// Values are rounded to what the YAML shows (SNR 0.01 dB, RT60 10 ms, wet 0.01), so the loaded
/// playlist renders exactly what the generator meant.
/// </summary>
public static class MixedPlaylistGenerator
{
    public const string Background = "background";

    public static IReadOnlyList<PlaylistItem> Items(MixedPlaylistSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = spec.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(spec));
        var rng = new SplitMix64(spec.Seed);
        var items = new List<PlaylistItem>(spec.PerLabel * Labels.All.Count);
        var digits = Math.Max(2, spec.PerLabel.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var others = new List<string>();
        foreach (var label in Labels.All)
        {
            others.Clear();
            others.AddRange(label == Background ? [Background] : Labels.All.Where(l => l != label));
            for (var n = 0; n < spec.PerLabel; n++)
            {
                var k = items.Count;
                var duration = spec.DurationsSeconds[rng.NextInt(spec.DurationsSeconds.Count)];
                var mix = new List<Interferer>();
                if (rng.NextDouble() >= spec.CleanShare)
                {
                    var baseSeed = spec.FirstInterfererSeed + 10UL * (ulong)k;
                    mix.Add(new Interferer(others[rng.NextInt(others.Count)], baseSeed, Snr(spec, rng)));
                    if (rng.NextDouble() < spec.SecondInterfererShare) mix.Add(new Interferer(Background, baseSeed + 1, Snr(spec, rng)));
                }
                RoomReverb? room = null;
                if (rng.NextDouble() < spec.ReverbShare)
                {
                    var rt60 = Math.Round(spec.Rt60MinSeconds + rng.NextDouble() * (spec.Rt60MaxSeconds - spec.Rt60MinSeconds), 2);
                    room = new RoomReverb(Math.Clamp(rt60, spec.Rt60MinSeconds, spec.Rt60MaxSeconds), Math.Round(rng.NextDouble() * spec.WetMax, 2));
                }
                var name = $"{label}_{spec.Name}{(n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
                items.Add(new PlaylistItem(k, name, label, new SynthSource(label, spec.FirstSeed + (ulong)n), 0, duration, 0, 0) { Mix = mix, Reverb = room });
            }
        }
        return items;
    }

    private static double Snr(MixedPlaylistSpec spec, SplitMix64 rng) =>
        Math.Clamp(Math.Round(spec.SnrMinDb + rng.NextDouble() * (spec.SnrMaxDb - spec.SnrMinDb), 2), spec.SnrMinDb, spec.SnrMaxDb);
}
