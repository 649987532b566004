namespace Rig.Emulation.Boards.Host;

/// <summary>
/// What the emulated core did over time, for its power: the stretches it slept in WFI/WFE (each fast-forwarded sleep,
/// from <see cref="Cpu.ArmCore.Slept"/>) and the marker pin's edges, all in core cycles. Everything else is running.
/// Read from other threads (the INA219 sampler) up to <see cref="KnownUntil"/>: the history before it is final.
/// </summary>
public sealed class CoreActivity
{
    readonly object gate = new();
    readonly List<(ulong From, ulong To)> sleeps = [];
    readonly List<(ulong At, bool Level)> edges = [];
    ulong known;

    /// <summary>Raised when <see cref="KnownUntil"/> moved on.</summary>
    public event Action? Advanced;

    /// <summary>Core cycle up to which sleeps and edges are all recorded.</summary>
    public ulong KnownUntil
    {
        get { lock (gate) return known; }
    }

    internal void Slept(ulong from, ulong to)
    {
        lock (gate)
        {
            if (sleeps.Count > 0 && sleeps[^1].To == from) sleeps[^1] = (sleeps[^1].From, to);
            else sleeps.Add((from, to));
            if (to > known) known = to;
        }
        Advanced?.Invoke();
    }

    internal void Marker(ulong at, bool level)
    {
        lock (gate) edges.Add((at, level));
    }

    internal void Reached(ulong cycle)
    {
        lock (gate)
        {
            if (cycle <= known) return;
            known = cycle;
        }
        Advanced?.Invoke();
    }

    /// <summary>Cycles the core was running (not asleep) in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public ulong RunningCycles(ulong from, ulong to)
    {
        if (to <= from) return 0;
        ulong asleep = 0;
        lock (gate)
        {
            // The last sleep that ends after `from`, and on while they start before `to`.
            int lo = 0, hi = sleeps.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sleeps[mid].To <= from) lo = mid + 1; else hi = mid;
            }
            for (var i = lo; i < sleeps.Count && sleeps[i].From < to; i++)
                asleep += Math.Min(to, sleeps[i].To) - Math.Max(from, sleeps[i].From);
        }
        return to - from - asleep;
    }

    /// <summary>The marker's level at <paramref name="cycle"/>.</summary>
    public bool MarkerAt(ulong cycle)
    {
        lock (gate)
        {
            var level = false;
            foreach (var (at, l) in edges)
            {
                if (at > cycle) break;
                level = l;
            }
            return level;
        }
    }

    /// <summary>The first rising edge at or after <paramref name="since"/> and the falling edge after it, if both happened.</summary>
    public (ulong Rise, ulong Fall)? MarkedAfter(ulong since)
    {
        lock (gate)
        {
            ulong? rise = null;
            foreach (var (at, level) in edges)
            {
                if (at < since) continue;
                if (level && rise is null) rise = at;
                else if (!level && rise is { } r) return (r, at);
            }
            return null;
        }
    }

    /// <summary>The last complete stretch the marker was high.</summary>
    public (ulong Rise, ulong Fall)? LastMarked()
    {
        lock (gate)
        {
            for (var i = edges.Count - 1; i > 0; i--)
                if (!edges[i].Level && edges[i - 1].Level) return (edges[i - 1].At, edges[i].At);
            return null;
        }
    }
}
