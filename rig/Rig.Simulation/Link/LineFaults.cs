using System.Globalization;

namespace Rig.Simulation.Link;

/// <summary>
/// What a <see cref="ChaosLink"/> does to a line, parsed once at the edge from the
/// <c>--line-faults</c> spec (<see cref="Parse"/>). Byte faults apply to each direction on its own.
/// </summary>
public sealed record LineFaults
{
    /// <summary>Grammar, for help texts and errors.</summary>
    public const string Grammar =
        "comma-separated items: ber=<probability per byte and direction, 0..1>, " +
        "kinds=<drop|flip|dup joined by +, default all three>, delay=<extra latency>, " +
        "stall=<duration>@<time> (no bytes either way for that long), reset@<time> (a RESET frame toward the board), " +
        "seed=<integer, default 1>; durations and times since the link opened take ms, s or m (e.g. 250ms, 5s, 2m); " +
        "stall and reset may repeat. Example: ber=1e-4,stall=5s@30s,reset@60s,seed=7";

    public const double MaxBer = 1.0;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    public double Ber { get; init; }
    public ByteFaultKinds Kinds { get; init; } = ByteFaultKinds.All;
    public TimeSpan Delay { get; init; }
    public IReadOnlyList<LineStall> Stalls { get; init; } = [];
    public IReadOnlyList<TimeSpan> Resets { get; init; } = [];
    public int Seed { get; init; } = 1;

    /// <summary>True when the spec asks for nothing at all.</summary>
    public bool IsClean => Ber == 0 && Delay == TimeSpan.Zero && Stalls.Count == 0 && Resets.Count == 0;

    /// <summary>The same faults with a seed of its own for board <paramref name="index"/>, so several boards do not fault in lockstep.</summary>
    public LineFaults ForBoard(int index) => index == 0 ? this : this with { Seed = unchecked(Seed * 31 + index) };

    /// <summary>Parses a spec like "ber=1e-4,stall=5s@30s,reset@60s,seed=7"; errors name the item and the reason.</summary>
    public static LineFaults Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw Error(spec ?? "", "empty spec; " + Grammar);
        var faults = new LineFaults();
        var stalls = new List<LineStall>();
        var resets = new List<TimeSpan>();
        var seen = new HashSet<string>();
        foreach (var raw in spec.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0) throw Error(spec, "empty item (two commas in a row?)");
            if (item.StartsWith("reset@", StringComparison.Ordinal))
            {
                resets.Add(Duration(item, item["reset@".Length..], "time"));
                continue;
            }
            var eq = item.IndexOf('=');
            if (eq <= 0) throw Error(item, "expected key=value or reset@<time>; " + Grammar);
            var key = item[..eq];
            var value = item[(eq + 1)..];
            if (key != "stall" && !seen.Add(key)) throw Error(item, $"{key} is given twice");
            faults = key switch
            {
                "ber" => faults with { Ber = Probability(item, value) },
                "kinds" => faults with { Kinds = KindsOf(item, value) },
                "delay" => faults with { Delay = DelayOf(item, value) },
                "seed" => faults with { Seed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : throw Error(item, "not an integer") },
                "stall" => AddStall(faults, stalls, item, value),
                _ => throw Error(item, $"unknown key '{key}' (expected ber, kinds, delay, stall, reset@, seed)"),
            };
        }
        return faults with { Stalls = stalls, Resets = resets.Order().ToArray() };
    }

    /// <summary>The normalised spec (what run.json records).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Ber > 0) parts.Add("ber=" + Ber.ToString("R", CultureInfo.InvariantCulture));
        if (Ber > 0 && Kinds != ByteFaultKinds.All) parts.Add("kinds=" + KindsText(Kinds));
        if (Delay > TimeSpan.Zero) parts.Add("delay=" + Text(Delay));
        parts.AddRange(Stalls.Select(s => $"stall={Text(s.Duration)}@{Text(s.At)}"));
        parts.AddRange(Resets.Select(r => "reset@" + Text(r)));
        parts.Add("seed=" + Seed.ToString(CultureInfo.InvariantCulture));
        return string.Join(',', parts);
    }

    private static LineFaults AddStall(LineFaults faults, List<LineStall> stalls, string item, string value)
    {
        var at = value.IndexOf('@');
        if (at < 0) throw Error(item, "expected stall=<duration>@<time>, e.g. stall=5s@30s");
        var duration = Duration(item, value[..at], "duration");
        if (duration <= TimeSpan.Zero) throw Error(item, "the stall duration must be positive");
        stalls.Add(new LineStall(duration, Duration(item, value[(at + 1)..], "time")));
        return faults;
    }

    private static double Probability(string item, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !double.IsFinite(p)) throw Error(item, "not a number");
        if (p is < 0 or > MaxBer) throw Error(item, "a probability per byte must be within 0..1");
        return p;
    }

    private static TimeSpan DelayOf(string item, string value)
    {
        var d = Duration(item, value, "duration");
        if (d > MaxDelay) throw Error(item, $"delay above {MaxDelay.TotalSeconds:0} s");
        return d;
    }

    private static ByteFaultKinds KindsOf(string item, string value)
    {
        var kinds = ByteFaultKinds.None;
        foreach (var k in value.Split('+'))
            kinds |= k switch
            {
                "drop" => ByteFaultKinds.Drop,
                "flip" => ByteFaultKinds.Flip,
                "dup" => ByteFaultKinds.Duplicate,
                _ => throw Error(item, $"unknown kind '{k}' (expected drop, flip, dup joined by +)"),
            };
        return kinds;
    }

    private static string KindsText(ByteFaultKinds kinds) =>
        string.Join('+', new[] { (ByteFaultKinds.Drop, "drop"), (ByteFaultKinds.Flip, "flip"), (ByteFaultKinds.Duplicate, "dup") }
            .Where(k => kinds.HasFlag(k.Item1)).Select(k => k.Item2));

    /// <summary>"250ms", "5s", "1.5s", "2m".</summary>
    private static TimeSpan Duration(string item, string text, string what)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1e-3)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : throw Error(item, $"{what} '{text}' has no unit (ms, s or m)");
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) throw Error(item, $"{what} '{text}' is not a number");
        if (v < 0) throw Error(item, $"{what} '{text}' is negative");
        if (v * scale > TimeSpan.FromDays(1).TotalSeconds) throw Error(item, $"{what} '{text}' is longer than a day");
        return TimeSpan.FromSeconds(v * scale);
    }

    private static string Text(TimeSpan t) =>
        t.TotalMilliseconds < 1000 ? t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms" : t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static ArgumentException Error(string item, string reason) => new($"line-faults: '{item}': {reason}");
}
