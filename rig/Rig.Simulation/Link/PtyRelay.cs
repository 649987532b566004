using Rig.Core.Seams;

namespace Rig.Simulation.Link;

/// <summary>
/// Puts a pseudo-terminal in front of a board link and copies bytes both ways, then hangs the
/// pseudo-terminal up once the host has sent <c>hangUpAfterHostBytes</c>: to the rig on the
/// pseudo-terminal, a working board that vanishes mid-run (an unplugged USB cable).
/// </summary>
public sealed class PtyRelay : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private readonly PseudoTerminal _pty;
    private readonly ISerialLink _board;
    private readonly long _hangUpAfter;
    private readonly Thread _toBoard, _toHost;
    private volatile bool _stop;
    private long _hostBytes;

    public string PortPath => _pty.Path;
    public bool HungUp => !_pty.IsOpen;
    public long HostBytes => Interlocked.Read(ref _hostBytes);

    private PtyRelay(ISerialLink board, long hangUpAfterHostBytes)
    {
        _pty = PseudoTerminal.Open();
        _board = board;
        _hangUpAfter = hangUpAfterHostBytes;
        _toBoard = new Thread(ToBoard) { IsBackground = true, Name = "relay to board" };
        _toHost = new Thread(ToHost) { IsBackground = true, Name = "relay to host" };
    }

    /// <summary>Starts relaying; <paramref name="hangUpAfterHostBytes"/> 0 = never hang up.</summary>
    public static PtyRelay Start(ISerialLink board, long hangUpAfterHostBytes)
    {
        var relay = new PtyRelay(board, hangUpAfterHostBytes);
        relay._toBoard.Start();
        relay._toHost.Start();
        return relay;
    }

    private void ToBoard()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stop && _pty.IsOpen)
            {
                var n = _pty.Read(buffer, Tick);
                if (n <= 0) continue;
                _board.Write(buffer.AsSpan(0, n));
                if (Interlocked.Add(ref _hostBytes, n) >= _hangUpAfter && _hangUpAfter > 0) _pty.Close();
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException) { }
    }

    private void ToHost()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stop && _pty.IsOpen)
            {
                var n = _board.Read(buffer, Tick);
                if (n > 0 && !_pty.TryWrite(buffer.AsSpan(0, n), TimeSpan.FromSeconds(5))) return;
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException) { }
    }

    public void Dispose()
    {
        _stop = true;
        _toBoard.Join(TimeSpan.FromSeconds(2));
        _toHost.Join(TimeSpan.FromSeconds(2));
        _pty.Dispose();
    }
}
