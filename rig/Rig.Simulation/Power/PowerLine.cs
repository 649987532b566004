using System.Buffers.Binary;
using System.Diagnostics;

namespace Rig.Simulation.Power;

/// <summary>
/// The native board's marker pin and run/sleep state, read from the FIFO it writes with --power-line
/// (firmware/boards/native/power_line.h: 16-byte records, kind 'M' or 'A', level, CLOCK_MONOTONIC ns).
/// A reader thread keeps every change as a host timestamp (on Linux the TimeProvider's timestamp is that same
/// CLOCK_MONOTONIC in ns) and raises <see cref="MarkerChanged"/> as the record arrives, the way a GPIO edge
/// interrupt would. Activity feeds the power model (<see cref="LiveBoardCurrent"/>).
/// </summary>
public sealed class PowerLine : IDisposable
{
    public const int RecordBytes = 16;

    private readonly object _gate = new();
    private readonly List<long> _activityStamps = [];
    private readonly List<bool> _activityRunning = [];
    private readonly List<(long Rise, long Fall)> _marked = [];
    private long? _rise;
    private readonly FileStream _fifo;
    private readonly Thread _reader;

    /// <summary>Level and host timestamp of a marker edge, raised on the reader thread.</summary>
    public event Action<bool, long>? MarkerChanged;

    public string Path { get; }
    public bool MarkerHigh { get; private set; }
    public long Records { get; private set; }

    /// <summary>Opens the FIFO the board already holds open (so this does not block) and starts reading.</summary>
    public PowerLine(string fifoPath)
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
            throw new PlatformNotSupportedException("the virtual power line needs Linux, where the host timestamp is CLOCK_MONOTONIC in ns");
        Path = fifoPath;
        _fifo = new FileStream(fifoPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0);
        _reader = new Thread(Read) { IsBackground = true, Name = "rig power line" };
        _reader.Start();
    }

    private void Read()
    {
        var record = new byte[RecordBytes];
        try
        {
            while (true)
            {
                var got = 0;
                while (got < RecordBytes)
                {
                    var n = _fifo.Read(record, got, RecordBytes - got);
                    if (n <= 0) return; // the board exited
                    got += n;
                }
                Apply((char)record[0], record[1] != 0, (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(8)));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    private void Apply(char kind, bool level, long stamp)
    {
        Action<bool, long>? edge = null;
        lock (_gate)
        {
            Records++;
            if (kind == 'A')
            {
                _activityStamps.Add(stamp);
                _activityRunning.Add(level);
            }
            else if (kind == 'M' && level != MarkerHigh)
            {
                MarkerHigh = level;
                if (level) _rise = stamp;
                else if (_rise is { } r) { _marked.Add((r, stamp)); _rise = null; }
                edge = MarkerChanged;
            }
        }
        edge?.Invoke(level, stamp);
    }

    /// <summary>The last complete stretch the marker was high, host timestamps.</summary>
    public (long Rise, long Fall)? LastMarked
    {
        get { lock (_gate) return _marked.Count > 0 ? _marked[^1] : null; }
    }

    /// <summary>Seconds the board spent running (not asleep in board_idle) between two host timestamps.</summary>
    public double RunningSeconds(long from, long to)
    {
        if (to <= from) return 0;
        lock (_gate)
        {
            // The board starts running; each record switches the state from its stamp on.
            var i = UpperBound(from) - 1;
            var running = i < 0 || _activityRunning[i];
            var t = from;
            long runningStamps = 0;
            for (var j = i + 1; j < _activityStamps.Count && _activityStamps[j] < to; j++)
            {
                if (running) runningStamps += _activityStamps[j] - t;
                t = _activityStamps[j];
                running = _activityRunning[j];
            }
            if (running) runningStamps += to - t;
            return runningStamps / (double)Stopwatch.Frequency;
        }
    }

    private int UpperBound(long stamp)
    {
        int lo = 0, hi = _activityStamps.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_activityStamps[mid] <= stamp) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public void Dispose() => _fifo.Dispose();
}
