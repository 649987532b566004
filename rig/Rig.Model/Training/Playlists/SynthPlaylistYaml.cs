using System.Globalization;
using System.Text;
using Rig.Audio.Playlists;

namespace Rig.Model.Training.Playlists;

/// <summary>
/// Playlist YAML for synth items (with mix: and reverb:), one flow mapping per line, in the format
/// <see cref="Playlist.Load"/> reads; numbers in the invariant culture, shortest form.
/// </summary>
public static class SynthPlaylistYaml
{
    public static string Write(string name, IEnumerable<string> headerLines, IReadOnlyList<PlaylistItem> items)
    {
        ArgumentNullException.ThrowIfNull(headerLines);
        ArgumentNullException.ThrowIfNull(items);
        var sb = new StringBuilder();
        foreach (var line in headerLines) sb.Append("# ").Append(line).Append('\n');
        sb.Append("name: ").Append(name).Append('\n');
        sb.Append(items.Count == 0 ? "items: []\n" : "items:\n");
        foreach (var item in items)
        {
            if (item.Source is not SynthSource s) throw new ArgumentException($"item {item.Name}: only synth items can be written", nameof(items));
            sb.Append("  - {name: ").Append(item.Name).Append(", label: ").Append(item.Label)
              .Append(", synth: ").Append(s.Sound).Append(", seed: ").Append(N(s.Seed)).Append(", duration: ").Append(N(item.DurationSeconds));
            if (item.Mix.Count > 0)
                sb.Append(", mix: [").AppendJoin(", ", item.Mix.Select(m => $"{{synth: {m.Sound}, seed: {N(m.Seed)}, snr_db: {N(m.SnrDb)}}}")).Append(']');
            if (item.Reverb is { } r) sb.Append(", reverb: {rt60: ").Append(N(r.Rt60Seconds)).Append(", wet: ").Append(N(r.Wet)).Append('}');
            sb.Append("}\n");
        }
        return sb.ToString();
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string N(ulong v) => v.ToString(CultureInfo.InvariantCulture);
}
