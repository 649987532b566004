using System.Globalization;
using System.Text.RegularExpressions;
using Rig.Audio.Synthesis;
using Rig.Audio.Wav;
using Rig.Core;
using Rig.Core.Config;

namespace Rig.Audio.Playlists;

/// <summary>
/// Reads playlists/*.yaml. Every problem is collected (bad fields, unknown labels or sounds, all
/// missing or unreadable files) and thrown together as one ConfigException naming file and line,
/// so nothing plays until the whole playlist is sound.
/// </summary>
public static partial class PlaylistLoader
{
    public const double MaxClipSeconds = 600;

    /// <summary>
    /// One frame of the longest frontend a profile may have (1024 samples at 8 kHz, the lowest board
    /// rate): a shorter clip gives a board nothing to classify and would be scored "none".
    /// </summary>
    public const double MinClipSeconds = 0.128;

    [GeneratedRegex("^[A-Za-z0-9_.#-]+$")]
    private static partial Regex SafeName();

    public static Playlist Load(string path)
    {
        YamlDocument doc;
        try
        {
            doc = YamlDocument.Load(path);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some unterminated flow nodes this way instead of as a YamlException.
            throw new ConfigException(path, 0, "(yaml)", $"bad YAML: {e.Message}");
        }
        var root = doc.Root;
        root.RejectUnknown("name", "items");
        var name = root.String("name", required: false) ?? Path.GetFileNameWithoutExtension(path);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var entries = root.List("items");
        if (root.Has("items") && entries.Count == 0) root.Error("items", "playlist has no items");

        var items = new List<PlaylistItem>();
        // Every name a clip ends up with (repeats included) -> the line that gave it.
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var parsed = ReadItem(e, baseDir);
            if (parsed is null) continue;
            var (item, explicitName, repeat) = parsed.Value;
            var expanded = Expand(item.Name, repeat);
            var clash = expanded.FirstOrDefault(names.ContainsKey);
            if (clash is not null)
            {
                if (explicitName)
                {
                    e.Error("name", $"duplicate name '{clash}' (also on line {names[clash]})"
                        + (clash == item.Name ? "" : $"; repeat: {repeat} names its copies {item.Name}, {item.Name}#2, ..."));
                    continue;
                }
                // A name the loader made up (from the sound or file) gets a suffix instead.
                for (var k = items.Count; ; k++)
                {
                    expanded = Expand($"{item.Name}_{k}", repeat);
                    if (!expanded.Any(names.ContainsKey)) break;
                }
            }
            foreach (var n in expanded) names[n] = e.Line;
            for (var r = 0; r < repeat; r++)
                items.Add(item with { Index = items.Count, Name = expanded[r] });
        }
        doc.ThrowIfErrors();
        return new Playlist(path, name, items);
    }

    private static string[] Expand(string name, int repeat) =>
        Enumerable.Range(0, repeat).Select(r => r == 0 ? name : $"{name}#{r + 1}").ToArray();

    /// <summary>A name made from a file's name, held to the same rule as written names.</summary>
    private static string NameFromFile(string path)
    {
        var stem = UnsafeChar().Replace(Path.GetFileNameWithoutExtension(path), "_");
        return stem.Length == 0 || stem.All(c => c == '.') ? "clip" : stem;
    }

    [GeneratedRegex("[^A-Za-z0-9_.#-]")]
    private static partial Regex UnsafeChar();

    private static string Seconds(double s) => s.ToString("0.######", CultureInfo.InvariantCulture);

    private static (PlaylistItem Item, bool ExplicitName, int Repeat)? ReadItem(YamlMap e, string baseDir)
    {
        e.RejectUnknown("name", "label", "synth", "file", "seed", "duration", "trim", "gain_db", "repeat", "mix", "reverb");
        var ok = true;
        var (mix, reverb, mixOk) = ReadMixAndRoom(e);
        ok &= mixOk;
        var label = e.String("label") ?? "";
        if (e.Has("label") && !Labels.IsKnown(label))
        {
            e.Error("label", $"unknown label '{label}' (expected one of: {string.Join(", ", Labels.All)})");
            ok = false;
        }
        var explicitName = e.Has("name");
        var name = e.String("name", required: false);
        if (name is not null && !SafeName().IsMatch(name))
        {
            e.Error("name", $"'{name}' may only hold letters, digits and _ . # -");
            ok = false;
        }
        var gain = e.Double("gain_db", 0, min: -60, max: 40);
        // Out of range is reported already; the stand-in keeps the rest of the item checkable.
        var repeat = Math.Clamp(e.Int("repeat", 1, min: 1, max: 1000), 1, 1000);
        double? duration = null;
        if (e.Has("duration"))
        {
            var errorsBefore = e.Document.Errors.Count;
            var d = e.Double("duration", 0);
            // An unreadable value has been reported already; a range complaint about its stand-in would be noise.
            if (e.Document.Errors.Count != errorsBefore) ok = false;
            else if (d <= 0) { e.Error("duration", $"duration must be positive, got {Seconds(d)} s"); ok = false; }
            else if (d < MinClipSeconds) { e.Error("duration", $"duration {Seconds(d)} s is shorter than {Seconds(MinClipSeconds)} s, one frame of the longest board frontend"); ok = false; }
            else if (d > MaxClipSeconds) { e.Error("duration", $"duration {Seconds(d)} s is over {MaxClipSeconds} s"); ok = false; }
            else duration = d;
        }

        var hasSynth = e.Has("synth");
        var hasFile = e.Has("file");
        if (hasSynth == hasFile)
        {
            e.Document.AddError(e.Line, e.Path, hasSynth
                ? "give either synth: or file:, not both"
                : "no source: give synth: <sound> or file: <path.wav>");
            return null;
        }

        if (hasSynth)
        {
            var sound = e.String("synth") ?? "";
            if (!SynthSounds.IsKnown(sound)) { e.Error("synth", $"unknown sound '{sound}' (expected one of: {string.Join(", ", SynthSounds.Names)})"); ok = false; }
            var seed = e.Long("seed", 0, min: 0);
            if (e.Has("trim")) { e.Error("trim", "trim applies to file: sources; use duration: for synth"); ok = false; }
            if (!e.Has("duration")) { e.Document.AddError(e.Line, e.FieldPath("duration"), "synth items need a duration in seconds"); ok = false; }
            if (!ok || duration is null) return null;
            var item = new PlaylistItem(0, name ?? $"{sound}_{seed}", label, new SynthSource(sound, (ulong)seed), 0, duration.Value, gain, e.Line) { Mix = mix, Reverb = reverb };
            return (item, explicitName, repeat);
        }

        var file = e.String("file") ?? "";
        if (string.IsNullOrWhiteSpace(file))
        {
            e.Error("file", "is empty; give the path of a .wav or .au file, relative to the playlist");
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(baseDir, file));
        var trim = e.Map("trim", required: false);
        trim.RejectUnknown("start", "end");
        var start = trim.Double("start", 0, min: 0);
        double? end = trim.Has("end") ? trim.Double("end", 0, min: 0) : null;
        if (end is not null && end <= start) { trim.Error("end", $"trim end {end.Value.ToString(CultureInfo.InvariantCulture)} s is not after start {start.ToString(CultureInfo.InvariantCulture)} s"); ok = false; }
        if (end is not null && duration is not null) { e.Error("duration", "give trim end or duration, not both"); ok = false; }
        if (Directory.Exists(full))
        {
            e.Error("file", $"{full} is a folder, not an audio file");
            return null;
        }
        if (!File.Exists(full))
        {
            e.Error("file", $"file not found: {full}");
            return null;
        }
        WavInfo info;
        try
        {
            info = WavReader.ReadInfo(full);
        }
        catch (InvalidDataException ex)
        {
            e.Error("file", ex.Message);
            return null;
        }
        var available = info.DurationSeconds - start;
        if (available <= 0) { trim.Error("start", $"trim start {start.ToString(CultureInfo.InvariantCulture)} s is past the end of the {info.DurationSeconds:0.###} s file"); ok = false; }
        var length = end is not null ? end.Value - start : duration ?? available;
        if (ok && length > available + 0.5 / info.SampleRate)
        {
            var field = end is not null ? "trim.end" : "duration";
            e.Document.AddError(e.Document.LineOf(e.FieldPath(field)), e.FieldPath(field),
                $"{length:0.###} s from {start:0.###} s runs past the end of the {info.DurationSeconds:0.###} s file");
            ok = false;
        }
        if (ok && end is null && duration is null && length > MaxClipSeconds)
        {
            e.Error("file", $"the clip would be the rest of the file, {Seconds(length)} s, over the {MaxClipSeconds} s limit; give duration: or trim:");
            ok = false;
        }
        else if (ok && end is not null && length > MaxClipSeconds)
        {
            trim.Error("end", $"trim from {Seconds(start)} s to {Seconds(end.Value)} s is {Seconds(length)} s, over the {MaxClipSeconds} s limit");
            ok = false;
        }
        else if (ok && length < MinClipSeconds)
        {
            var field = end is not null ? "trim.end" : duration is not null ? "duration" : "file";
            e.Document.AddError(e.Document.LineOf(e.FieldPath(field)), e.FieldPath(field),
                $"the clip is {Seconds(length)} s, shorter than {Seconds(MinClipSeconds)} s, one frame of the longest board frontend");
            ok = false;
        }
        if (ok && info.Encoding.IsFloat()) ok = SamplesAreFinite(e, info, start, length);
        if (!ok) return null;
        var fileItem = new PlaylistItem(0, name ?? NameFromFile(full), label, new FileSource(full, info), start, length, gain, e.Line) { Mix = mix, Reverb = reverb };
        return (fileItem, explicitName, repeat);
    }

    /// <summary>Limits of mix: and reverb: (beyond them a clip is either unchanged or pure interferer).</summary>
    public const double MaxAbsSnrDb = 40, MinRt60Seconds = 0.05, MaxRt60Seconds = 5;

    /// <summary>
    /// mix: [{synth: sound, seed: n, snr_db: x}, ...] and reverb: {rt60: s, wet: 0..1}; every
    /// problem is reported with its field path (items[3].mix[1].snr_db).
    /// </summary>
    private static (IReadOnlyList<Interferer> Mix, RoomReverb? Reverb, bool Ok) ReadMixAndRoom(YamlMap e)
    {
        var ok = true;
        var mix = new List<Interferer>();
        var errorsBefore = e.Document.Errors.Count;
        foreach (var m in e.List("mix", required: false))
        {
            m.RejectUnknown("synth", "seed", "snr_db");
            var sound = m.String("synth") ?? "";
            if (m.Has("synth") && !SynthSounds.IsKnown(sound))
                m.Error("synth", $"unknown sound '{sound}' (expected one of: {string.Join(", ", SynthSounds.Names)})");
            var seed = m.Long("seed", 0, min: 0);
            var snr = m.Double("snr_db", min: -MaxAbsSnrDb, max: MaxAbsSnrDb);
            mix.Add(new Interferer(sound, (ulong)Math.Max(0, seed), snr));
        }
        RoomReverb? reverb = null;
        if (e.Has("reverb"))
        {
            var r = e.Map("reverb");
            if (!r.Exists) return (mix, null, false);
            r.RejectUnknown("rt60", "wet");
            var rt60 = r.Double("rt60", min: MinRt60Seconds, max: MaxRt60Seconds);
            var wet = r.Double("wet", 0.3, min: 0, max: 1);
            reverb = new RoomReverb(rt60, wet);
        }
        if (e.Document.Errors.Count != errorsBefore) ok = false;
        return (mix, reverb, ok);
    }

    /// <summary>
    /// A float file can hold NaN or infinities, which no header check sees; its excerpt is read once
    /// here so that such a file is refused with its line before anything plays.
    /// </summary>
    private static bool SamplesAreFinite(YamlMap e, WavInfo info, double start, double length)
    {
        try
        {
            var first = (long)Math.Round(start * info.SampleRate);
            WavReader.CheckFinite(info.File, first, (long)Math.Ceiling(length * info.SampleRate) + 1);
            return true;
        }
        catch (InvalidDataException ex)
        {
            e.Error("file", ex.Message);
            return false;
        }
    }
}
