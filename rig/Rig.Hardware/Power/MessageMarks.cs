using Rig.Core.Seams;

namespace Rig.Hardware.Power;

/// <summary>Window marks from the board's mark messages, stamped on arrival with the monitor's clock.</summary>
public sealed class MessageMarks(TimeProvider time) : IWindowMarks
{
    private readonly object _gate = new();
    private long? _start;
    private long? _stop;

    public void Start() { lock (_gate) _start ??= time.GetTimestamp(); }
    public void Stop() { lock (_gate) { if (_start is not null) _stop ??= time.GetTimestamp(); } }

    public PowerWindow? Window
    {
        get { lock (_gate) return _start is { } s && _stop is { } e && e > s ? new PowerWindow(s, e) : null; }
    }
}
