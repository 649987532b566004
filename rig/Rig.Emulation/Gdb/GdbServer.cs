using System.Net;
using System.Net.Sockets;
using Rig.Emulation.Boards;
using Rig.Gdb;

namespace Rig.Emulation.Gdb;

/// <summary>
/// A GDB remote-protocol server on TCP for one emulated board (`rig emulate --gdb :port`, `rig run --board emulated
/// --gdb :port`): one client at a time, sessions one after another (gdb, then `rig flash --via gdb://`, then gdb
/// again). The board keeps what was flashed across resets. Waits are bounded: a board halted for gdb fails after
/// <see cref="GdbServerOptions.AttachWait"/> with nobody connected; a client silent for
/// <see cref="GdbServerOptions.IdleWait"/> is dropped.
/// </summary>
public sealed class GdbServer : IDisposable
{
    readonly TcpListener listener;
    readonly GdbServerOptions options;
    readonly TextWriter log;
    readonly Thread thread;
    volatile bool disposed;

    GdbServer(EmulatedBoard board, GdbServerOptions options, TextWriter log, TimeProvider time)
    {
        this.options = options;
        this.log = log;
        listener = new TcpListener(options.Address, options.Port);
        try
        {
            listener.Start(1);
        }
        catch (SocketException e)
        {
            throw new InvalidDataException($"--gdb {options.Text}: cannot listen: {e.Message}", e);
        }
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Debugger = new GdbBoardDebugger(board, new FlashImage(), options.AttachWait, time, options.StartHalted) { Endpoint = $"localhost:{Port}" };
        thread = new Thread(Serve) { IsBackground = true, Name = $"gdb server :{Port}" };
        thread.Start();
    }

    /// <summary>Listens for gdb on <paramref name="options"/>' address and attaches a debugger to <paramref name="board"/>.</summary>
    public static GdbServer Start(EmulatedBoard board, GdbServerOptions options, TextWriter log, TimeProvider? time = null) =>
        new(board, options, log, time ?? TimeProvider.System);

    /// <summary>The port listened on (the one asked for, or the one the system chose for :0).</summary>
    public int Port { get; }

    public GdbBoardDebugger Debugger { get; }

    /// <summary>
    /// What a run whose board waits at its reset vector (`rig run --gdb-halt reset`) tells its user: how to flash it through
    /// this server, how to attach gdb instead, and how long it waits.
    /// </summary>
    public string HaltedAtResetHint(string profile, string expectedElf) =>
        $"rig run: {Debugger.Board.Name} halted at its reset vector (pc 0x{Debugger.Board.Core.Pc:x8}) for gdb on localhost:{Port}, " +
        $"waiting {options.AttachWait.TotalSeconds:0} s for a connection; flash it with: rig flash --profile {profile} {expectedElf} --via gdb://localhost:{Port} " +
        $"(the run then expects that image), or debug it with: gdb-multiarch {expectedElf} -ex 'target extended-remote localhost:{Port}'. " +
        "The handshake starts when the board runs (after detach or continue)";

    /// <summary>Set when a client sent <c>k</c>: the board should end.</summary>
    public bool Killed { get; private set; }

    /// <summary>Signalled when a client killed the board or the server stopped.</summary>
    public ManualResetEventSlim Finished { get; } = new();

    void Serve()
    {
        try
        {
            while (!disposed)
            {
                Socket client;
                try
                {
                    client = listener.AcceptSocket();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
                client.NoDelay = true;
                log.WriteLine($"gdb server: {client.RemoteEndPoint} connected to {Debugger.Board.Name}");
                using var transport = new RspTransport(client, "gdb client");
                var session = new GdbSession(transport, Debugger, options.IdleWait, log);
                session.Serve();
                log.WriteLine($"gdb server: {client.RemoteEndPoint} {(session.Killed ? "killed the board" : "detached")}");
                if (session.Killed)
                {
                    Killed = true;
                    Debugger.Release(); // the runner leaves its park and sees Killed
                    return;
                }
            }
        }
        finally
        {
            Finished.Set();
        }
    }

    public void Dispose()
    {
        disposed = true;
        listener.Stop();
        Debugger.Release();
        Finished.Wait(TimeSpan.FromSeconds(5));
        Finished.Dispose();
    }
}
