using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Clips;

/// <summary>
/// The FEATURE columns and RESULT windows of one clip, by index. Frames may come twice (a replay
/// covers more than was lost): a repeat must equal what is already here, since the frontend and
/// the model are deterministic over the same samples; the cycle figures of the first one stay.
/// </summary>
internal sealed class ClipFrames(int windowColumns, int windowHopColumns)
{
    private readonly SortedDictionary<uint, FeatureColumn> _columns = [];
    private readonly SortedDictionary<uint, WindowResult> _windows = [];

    public IReadOnlyList<FeatureColumn> Columns => [.. _columns.Values];
    public IReadOnlyList<WindowResult> Windows => [.. _windows.Values];

    public void Add(FeatureColumn f)
    {
        if (!_columns.TryAdd(f.Index, f) && !_columns[f.Index].Values.AsSpan().SequenceEqual(f.Values))
            throw new BoardGarbledException($"feature column {f.Index} came twice with different values (a replay must repeat the first pass)");
    }

    /// <summary>True for a window not seen before.</summary>
    public bool Add(WindowResult r)
    {
        if (_windows.TryGetValue(r.Window, out var had))
        {
            if (had.Class != r.Class || !had.Scores.AsSpan().SequenceEqual(r.Scores))
                throw new BoardGarbledException($"result of window {r.Window} came twice with different scores (a replay must repeat the first pass)");
            return false;
        }
        _windows.Add(r.Window, r);
        return true;
    }

    public bool Has(uint firstColumn, uint endColumn, uint columns, uint windows)
    {
        for (var k = firstColumn; k < endColumn && k < columns; k++)
            if (!_columns.ContainsKey(k)) return false;
        for (var w = firstColumn / (uint)windowHopColumns; w * (uint)windowHopColumns < endColumn && w < windows; w++)
            if (w * (uint)windowHopColumns + (uint)windowColumns <= endColumn && !_windows.ContainsKey(w)) return false;
        return true;
    }

    /// <summary>
    /// Column ranges [First, End) to replay so that every missing column (of <paramref name="columns"/>)
    /// and window (of <paramref name="windows"/>) comes again: a missing column k from the window hop
    /// at or below it, a missing window w over its columns [w x hop, w x hop + W). Ranges closer than a
    /// window are merged (one START and the frontend's warm-up cost more than a window of audio).
    /// </summary>
    public List<ReplayRange> Missing(uint columns, uint windows)
    {
        var hop = (uint)windowHopColumns;
        var wanted = new List<ReplayRange>();
        for (var k = 0u; k < columns; k++)
            if (!_columns.ContainsKey(k)) wanted.Add(new ReplayRange(k / hop * hop, k + 1));
        for (var w = 0u; w < windows; w++)
            if (!_windows.ContainsKey(w)) wanted.Add(new ReplayRange(w * hop, w * hop + (uint)windowColumns));
        wanted.Sort((a, b) => a.First.CompareTo(b.First));
        var merged = new List<ReplayRange>();
        foreach (var r in wanted)
        {
            if (merged.Count > 0 && r.First <= merged[^1].End + (uint)windowColumns)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, r.End) };
            else merged.Add(r);
        }
        return merged;
    }

    /// <summary>Without frame recovery (v1 boards, debug stages): every column and window from 0, as many as the board says it made.</summary>
    public void CheckComplete(StatsReport stats)
    {
        var i = 0u;
        foreach (var k in _columns.Keys)
        {
            if (k != i) throw new BoardGarbledException($"feature column {i} is missing (got column {k})");
            i++;
        }
        if (i < stats.Columns) throw new BoardGarbledException($"feature columns {i}..{stats.Columns - 1} are missing (the board made {stats.Columns})");
        i = 0;
        foreach (var w in _windows.Keys)
        {
            if (w != i) throw new BoardGarbledException($"result of window {i} is missing (got window {w})");
            i++;
        }
        if (i < stats.Windows) throw new BoardGarbledException($"results of windows {i}..{stats.Windows - 1} are missing (the board made {stats.Windows})");
    }
}

/// <summary>Columns [First, End) to replay; First is a multiple of the window hop.</summary>
internal sealed record ReplayRange(uint First, uint End);
