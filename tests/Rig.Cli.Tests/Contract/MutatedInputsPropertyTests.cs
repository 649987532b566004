using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Rig.Cli.Tests.Support;
using Rig.Core;
using Rig.Core.Runs;
using Rig.Store;
using Xunit.Abstractions;

namespace Rig.Cli.Tests.Contract;

/// <summary>
/// Every command that reads a user's file answers 0, 1 or 2 with a message, never an unhandled exception, whatever
/// the file holds. Valid profiles, playlists, run.json files, baselines, run stores and history stores are mutated
/// (byte flips, truncation, deleted and duplicated lines, deleted fields, values swapped for another type, numeric
/// extremes) and fed to the commands that read them, in-process through the CLI's own entry point.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class MutatedInputsPropertyTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 10_050;

    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>One edit of a file; the integers are reduced modulo what the file offers, so every edit applies.</summary>
    public sealed record Mutation(int Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Kinds[Kind % Kinds.Length]}({A}, {B}, {C})";
    }

    private static readonly string[] Kinds =
        ["flip byte", "truncate", "delete bytes", "insert bytes", "delete line", "duplicate line", "swap value", "delete field", "extreme number", "swap type", "reindent line"];

    private static readonly string[] YamlValues =
        ["0", "-1", "-2147483649", "99999999999999999999999", "1e308", "-1e308", ".nan", ".inf", "-.inf", "NaN", "[]", "{}", "~", "''", "abc", "[1, [2, {a: b}]]", "&x 1", "*x", "!!binary AAAA", "{", "\"\\u0000\"", "0x7fffffff", "1.5", "true"];

    private static JsonNode?[] JsonValues() =>
        [null, new JsonArray(), new JsonObject(), "", "x", "NaN", "Infinity", true, 0, -1, int.MinValue, long.MaxValue, long.MinValue, 1e308, -1e308, double.Epsilon, 0.5, 101, -50];

    /// <summary>The reader a case goes to.</summary>
    public enum Target { Profile, Playlist, RunJson, Baseline, RunStore, HistoryStore }

    [Fact]
    public void Every_reader_answers_0_1_or_2_with_a_message_on_mutated_files()
    {
        var seeds = Seeds();
        var counts = new Dictionary<string, int>();
        var watch = Stopwatch.StartNew();
        var cases = 0;
        var time = new Dictionary<Target, TimeSpan>();
        // Weighted towards the cheap readers: `rig history` draws a trend PNG whenever the mutated store still holds the
        // run (most of the time, ~0.2-0.6 s each), so it gets about 60 cases; the run store about 600.
        var targets = Gen.Frequency((40, Gen.Const(Target.Profile)), (30, Gen.Const(Target.Playlist)), (50, Gen.Const(Target.RunJson)),
            (40, Gen.Const(Target.Baseline)), (10, Gen.Const(Target.RunStore)), (1, Gen.Const(Target.HistoryStore)));
        var gen = Gen.Select(targets, Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue])
            .Select((k, a, b, c) => new Mutation(k, a, b, c)).Array[1, 3], Gen.Int[0, 19]);
        gen.Sample((target, mutations, pick) =>
        {
            cases++;
            var started = Stopwatch.GetTimestamp();
            var args = Prepare(seeds, target, mutations, pick);
            var o = InProcessRig.Run(args);
            time[target] = time.GetValueOrDefault(target) + Stopwatch.GetElapsedTime(started);
            var key = $"{target} {args[0]} exit {o.ExitCode}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            Assert.True(o.Bug is null, $"{target} [{string.Join(", ", mutations.Select(m => m.ToString()))}]: rig {string.Join(' ', args)}\n{o}");
            Assert.True(o.ExitCode is 0 or 1 or 2, o.ToString());
            if (o.ExitCode == 2) Assert.Contains("error: ", o.Err); // "cannot compare" too says why on stderr
            Assert.DoesNotMatch(@"(?m)^\s+at \S", o.Err);
        }, iter: Cases, threads: 1, seed: Environment.GetEnvironmentVariable("RIG_PROPERTY_SEED"));
        output.WriteLine($"{cases} cases in {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var (key, n) in counts.OrderBy(x => x.Key, StringComparer.Ordinal)) output.WriteLine($"  {key}: {n}");
        foreach (var (target, t) in time) output.WriteLine($"  {target}: {t.TotalSeconds:0.0} s");
        Assert.True(cases >= 10_000, $"{cases} cases");
        // The mutations reach every reader and both sides of it: some files survive them (0/1), most do not (2).
        foreach (var target in Enum.GetValues<Target>())
        {
            Assert.Contains(counts, x => x.Key.StartsWith(target + " ", StringComparison.Ordinal) && x.Key.EndsWith("exit 2", StringComparison.Ordinal));
        }
        Assert.Contains(counts, x => x.Key.StartsWith("RunJson gate", StringComparison.Ordinal) && !x.Key.EndsWith("exit 2", StringComparison.Ordinal));
        Assert.Contains(counts, x => x.Key.StartsWith("Baseline gate", StringComparison.Ordinal) && !x.Key.EndsWith("exit 2", StringComparison.Ordinal));
    }

    private sealed record SeedFiles(string RunDir, string Baseline, byte[] RunJson, byte[] BaselineJson, byte[] Profile, byte[] Playlist, byte[] RunDb, byte[] HistoryDb);

    private SeedFiles Seeds()
    {
        var runDir = _tmp.Sub("seed-run");
        var run = SampleRun.Write(runDir, 7, new SampleRunShape { Clips = 8, FeatureClips = 1, MismatchClips = 1 });
        var baseline = _tmp.Sub("seed-baseline.json");
        Assert.Equal(0, InProcessRig.Run("baseline", "accept", runDir, "--out", baseline).ExitCode);
        Assert.Equal(1, InProcessRig.Run("gate", runDir, "--baseline", baseline).ExitCode); // one clip's values differ

        var history = _tmp.Sub("seed-history.db");
        using (var store = RunStore.Open(history)) store.FinishRun(run, runDir);
        var runDb = _tmp.Sub("seed-run.db");
        using (var store = RunStore.Open(runDb))
        {
            var header = new RunHeader(run.RunId, "py32f003", RunMode.Inject, "virtual", PlaylistPath(), "0x00000000", run.StartedAt, 3);
            store.BeginRun(header);
            foreach (var clip in run.Clips.Take(2)) store.RecordClip(run.RunId, clip);
        }
        SqliteCleanup();
        var playlist = """
            # a small playlist in both YAML styles
            name: tiny
            items:
              - name: jazz_01
                label: jazz
                synth: jazz
                seed: 7
                duration: 0.5
              - {name: bark_01, label: dog_bark, synth: dog_bark, seed: 8, duration: 0.4}
              - name: hammer_01
                label: jackhammer
                synth: jackhammer
                seed: 9
                duration: 0.3
            """;
        return new SeedFiles(runDir, baseline, File.ReadAllBytes(Path.Combine(runDir, RunJson.FileName)), File.ReadAllBytes(baseline),
            File.ReadAllBytes(Path.Combine(RepoPaths.Root, "profiles", "py32f003.yaml")), Encoding.UTF8.GetBytes(playlist),
            File.ReadAllBytes(runDb), File.ReadAllBytes(history));
    }

    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static string PlaylistPath() => Path.Combine(RepoPaths.Root, "playlists", "reference.yaml");

    /// <summary>
    /// Writes the mutated file where its reader looks and returns the command line that reads it. The case folders are
    /// reused (only the mutated file is rewritten, and SQLite's -wal/-shm files of the previous case removed), so a case
    /// costs little more than the reader itself.
    /// </summary>
    private string[] Prepare(SeedFiles seeds, Target target, Mutation[] mutations, int pick)
    {
        var dir = _tmp.Sub("case");
        Directory.CreateDirectory(dir);
        var output = Path.Combine(dir, "out");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        switch (target)
        {
            case Target.Profile:
            {
                var path = Path.Combine(dir, "board.yaml");
                File.WriteAllBytes(path, Mutate(seeds.Profile, mutations, yaml: true));
                return pick % 2 == 0
                    ? ["gate", seeds.RunDir, "--baseline", seeds.Baseline, "--profile", path]
                    : ["tables", "--profile", path, "--check"];
            }
            case Target.Playlist:
            {
                var path = Path.Combine(dir, "tiny.yaml");
                File.WriteAllBytes(path, Mutate(seeds.Playlist, mutations, yaml: true));
                // The playlist is read before anything is built or started; the missing image then stops the run (exit 2).
                return ["run", "--playlist", path, "--out", output, "--firmware", Path.Combine(dir, "none.elf"), "--store", Path.Combine(dir, "h.db")];
            }
            case Target.RunJson:
            {
                var run = Path.Combine(dir, "run");
                if (!Directory.Exists(run)) CopyRun(seeds.RunDir, run);
                File.WriteAllBytes(Path.Combine(run, RunJson.FileName), Mutate(seeds.RunJson, mutations, yaml: false));
                return pick switch
                {
                    // report draws seven PNGs when the file survives: a few cases are enough to cover its reader.
                    0 when mutations[0].A % 4 == 0 => ["report", run, "--baseline", seeds.Baseline, "--out", output],
                    < 10 => ["gate", run, "--baseline", seeds.Baseline],
                    _ => ["baseline", "accept", run, "--out", Path.Combine(dir, "b.json")],
                };
            }
            case Target.Baseline:
            {
                var path = Path.Combine(dir, "baseline.json");
                File.WriteAllBytes(path, Mutate(seeds.BaselineJson, mutations, yaml: false));
                return ["gate", seeds.RunDir, "--baseline", path];
            }
            case Target.RunStore:
            {
                var run = Path.Combine(dir, "stopped");
                Directory.CreateDirectory(run);
                WriteStore(RunStore.RunDbPath(run), Mutate(seeds.RunDb, mutations, yaml: false, binary: true));
                return ["run", "--resume", run, "--firmware", Path.Combine(dir, "none.elf"), "--store", Path.Combine(dir, "h.db")];
            }
            default:
            {
                var path = Path.Combine(dir, "history.db");
                WriteStore(path, Mutate(seeds.HistoryDb, mutations, yaml: false, binary: true));
                return ["history", "--profile", "py32f003", "--store", path, "--plot", Path.Combine(dir, "h.png")];
            }
        }
    }

    private static void WriteStore(string path, byte[] bytes)
    {
        foreach (var side in new[] { "-wal", "-shm", "-journal" }) File.Delete(path + side);
        File.WriteAllBytes(path, bytes);
    }

    private static void CopyRun(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static byte[] Mutate(byte[] seed, Mutation[] mutations, bool yaml, bool binary = false)
    {
        var bytes = seed;
        foreach (var m in mutations) bytes = Apply(bytes, m, yaml, binary);
        return bytes;
    }

    private static byte[] Apply(byte[] bytes, Mutation m, bool yaml, bool binary)
    {
        var kind = Kinds[m.Kind % Kinds.Length];
        if (binary && kind is not ("flip byte" or "truncate" or "delete bytes" or "insert bytes")) kind = "flip byte";
        var n = Math.Max(1, bytes.Length);
        switch (kind)
        {
            case "flip byte":
                if (bytes.Length == 0) return [(byte)m.B];
                var flipped = (byte[])bytes.Clone();
                // Binary stores: aim past SQLite's 100-byte header half of the time, where the pages are.
                var at = binary && m.C % 2 == 0 ? 100 + m.A % Math.Max(1, n - 100) : m.A % n;
                flipped[Math.Min(at, n - 1)] ^= (byte)(1 + m.B % 255);
                return flipped;
            case "truncate":
                return bytes[..(m.A % n)];
            case "delete bytes":
            {
                var start = m.A % n;
                var len = Math.Min(bytes.Length - start, 1 + m.B % 64);
                return [.. bytes[..start], .. bytes[(start + Math.Max(0, len))..]];
            }
            case "insert bytes":
            {
                var start = m.A % (bytes.Length + 1);
                var junk = Enumerable.Range(0, 1 + m.B % 8).Select(i => (byte)((m.C >> (i % 4 * 8)) & 0xFF)).ToArray();
                return [.. bytes[..start], .. junk, .. bytes[start..]];
            }
        }
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case "delete line":
                lines.RemoveAt(m.A % lines.Count);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "duplicate line":
            {
                var i = m.A % lines.Count;
                lines.Insert(i, lines[i]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            }
            case "reindent line":
            {
                var i = m.A % lines.Count;
                lines[i] = new string(' ', m.B % 7) + lines[i].TrimStart();
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            }
        }
        if (yaml)
        {
            // YAML: replace a scalar value ("key: value" or "{key: value, ...}") with another type or an extreme.
            var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(": ")).ToList();
            if (candidates.Count == 0) return bytes;
            var (line, index) = candidates[m.A % candidates.Count];
            var colons = AllIndexes(line, ": ").ToList();
            var colon = colons[m.B % colons.Count] + 2;
            var end = line.IndexOfAny([',', '}', '#'], colon);
            var value = kind == "delete field" ? "" : YamlValues[m.C % YamlValues.Length];
            lines[index] = line[..colon] + value + (end < 0 ? "" : line[end..]);
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return bytes; // an earlier edit already broke the JSON; nothing structural left to edit
        }
        List<(JsonNode Parent, string? Key, int Index)> slots;
        try
        {
            slots = Slots(root).ToList();
        }
        catch (ArgumentException)
        {
            return bytes; // a duplicated line left a key twice: JsonNode cannot edit that tree, the readers still get the file
        }
        if (slots.Count == 0) return bytes;
        var (parent, key, index2) = slots[m.A % slots.Count];
        JsonNode? replacement = kind switch
        {
            "extreme number" => JsonValue.Create(new[] { 0d, -1d, -1e9, 1e308, -1e308, 2147483648d, 0.5, 1e-300, 9.2233720368547758E18 }[m.B % 9]),
            _ => JsonValues()[m.B % JsonValues().Length]?.DeepClone(),
        };
        if (kind == "delete field" && parent is JsonObject o) o.Remove(key!);
        else if (kind == "delete field" && parent is JsonArray a) a.RemoveAt(index2);
        else if (parent is JsonObject po) po[key!] = replacement;
        else if (parent is JsonArray pa) pa[index2] = replacement;
        return Encoding.UTF8.GetBytes(root?.ToJsonString() ?? "null");
    }

    private static IEnumerable<int> AllIndexes(string text, string what)
    {
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) yield return i;
    }

    /// <summary>Every place in the JSON tree a value sits: (parent, key) for object members, (parent, index) for array items.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    yield return (o, k, -1);
                    foreach (var s in Slots(v)) yield return s;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i);
                    foreach (var s in Slots(a[i])) yield return s;
                }
                break;
        }
    }
}
