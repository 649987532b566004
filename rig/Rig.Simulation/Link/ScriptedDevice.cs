using Rig.Protocol.Framing;

namespace Rig.Simulation.Link;

/// <summary>
/// A misbehaving device behind a pseudo-terminal, for testing how the rig copes: one that opens its
/// port and never says anything (<see cref="Silent"/>), or one that keeps sending valid frames (LOG)
/// but never answers a request (<see cref="Chattering"/>), as a board stuck in a boot loop or running
/// a foreign firmware that speaks the frame format does. It reads and counts whatever the host sends.
/// </summary>
public sealed class ScriptedDevice : IDisposable
{
    public const string ChatterText = "still booting";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private readonly PseudoTerminal _pty;
    private readonly TimeSpan? _chatterEvery;
    private readonly Thread _thread;
    private readonly TimeProvider _time;
    private volatile bool _stop;
    private long _heard, _framesSent;

    public string PortPath => _pty.Path;
    /// <summary>Bytes the host wrote to the device.</summary>
    public long BytesHeard => Interlocked.Read(ref _heard);
    public long FramesSent => Interlocked.Read(ref _framesSent);

    private ScriptedDevice(TimeSpan? chatterEvery, TimeProvider time)
    {
        _pty = PseudoTerminal.Open();
        _chatterEvery = chatterEvery;
        _time = time;
        _thread = new Thread(Loop) { IsBackground = true, Name = "scripted device " + _pty.Path };
        _thread.Start();
    }

    /// <summary>Opens a port and says nothing, whatever it is asked.</summary>
    public static ScriptedDevice Silent(TimeProvider? time = null) => new(null, time ?? TimeProvider.System);

    /// <summary>Sends a valid LOG frame every <paramref name="every"/>, forever, and answers nothing.</summary>
    public static ScriptedDevice Chattering(TimeSpan every, TimeProvider? time = null) =>
        every > TimeSpan.Zero ? new(every, time ?? TimeProvider.System) : throw new ArgumentOutOfRangeException(nameof(every), "the chatter interval must be positive");

    private void Loop()
    {
        var buffer = new byte[4096];
        byte sequence = 0;
        var last = _time.GetTimestamp();
        try
        {
            while (!_stop)
            {
                var wait = _chatterEvery is { } every ? Min(Tick, every) : Tick;
                var n = _pty.Read(buffer, wait);
                if (n > 0) Interlocked.Add(ref _heard, n);
                if (_chatterEvery is { } interval && _time.GetElapsedTime(last) >= interval)
                {
                    last = _time.GetTimestamp();
                    // Nobody may have the port open yet: a full pty is skipped, not waited on.
                    if (_pty.TryWrite(FrameFormat.Encode(MessageType.Log, sequence++, System.Text.Encoding.ASCII.GetBytes(ChatterText)), Tick))
                        Interlocked.Increment(ref _framesSent);
                }
            }
        }
        catch (ObjectDisposedException) { }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public void Dispose()
    {
        _stop = true;
        _thread.Join(TimeSpan.FromSeconds(2));
        _pty.Dispose();
    }
}
