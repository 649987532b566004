using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Rig.Gdb;

/// <summary>
/// A small client of the GDB remote serial protocol, enough to drive QEMU's gdbstub instruction by
/// instruction: packets <c>$data#checksum</c> with <c>+</c>/<c>-</c> acknowledgements, <c>?</c>,
/// <c>g</c>, <c>s</c>, <c>c</c>, <c>m</c>/<c>M</c>, <c>Z0</c>/<c>z0</c>, <c>qXfer</c> target
/// description, <c>Qqemu.sstep</c>, and the 0x03 interrupt byte.
/// It lives in rig/ (not test code) because `rig emulate --selftest` ships the QEMU oracle and
/// `rig flash --via gdb://` programs boards through any GDB server with it.
/// Every wait is bounded by <see cref="Timeout"/> (or the caller's wait for a run): a silent stub is
/// an error naming the command, never a hang.
/// </summary>
public sealed class GdbRemoteClient : IDisposable
{
    readonly RspTransport transport;
    GdbRegisterLayout? layout;

    public GdbRemoteClient(Socket connected, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the stub's answer timeout must be positive");
        transport = new RspTransport(connected, "gdb stub");
        Timeout = timeout;
    }

    /// <summary>
    /// Connects to a GDB server over TCP (OpenOCD, J-Link, probe-rs, pyOCD, QEMU <c>-gdb tcp::port</c>,
    /// the emulated board's). An unreachable server is a <see cref="GdbProtocolException"/> naming host and port.
    /// </summary>
    public static GdbRemoteClient Connect(string host, int port, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connecting = new CancellationTokenSource(timeout);
            socket.ConnectAsync(host, port, connecting.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            var why = e is OperationCanceledException ? $"no connection within {timeout.TotalSeconds:0.#} s" : e.Message;
            throw new GdbProtocolException($"gdb server {host}:{port}: cannot connect: {why}", e);
        }
        return new GdbRemoteClient(socket, timeout);
    }

    /// <summary>How long one command waits for its answer.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Register layout of the <c>g</c> packet, read from the target description on first use. Read it
    /// before any <c>g</c>: QEMU switches to the described layout when the description is read.
    /// </summary>
    public GdbRegisterLayout Layout => layout ??= GdbRegisterLayout.FromTargetDescription(ReadFeature);

    // ---- commands -------------------------------------------------------------------------

    /// <summary><c>?</c>: why the target is stopped.</summary>
    public GdbStopReply HaltReason() => GdbStopReply.Parse(Transact("?"));

    /// <summary><c>g</c>: every register as the stub sends them (raw little-endian bytes, see <see cref="Layout"/>).</summary>
    public byte[] ReadAllRegisters()
    {
        var reply = Transact("g");
        ThrowIfError("g", reply);
        return FromHex(reply, "g");
    }

    /// <summary>r0-r15 and xPSR, the state the lockstep compares (r13 is the current SP).</summary>
    public CoreRegisters ReadCoreRegisters()
    {
        // Layout first: QEMU lays out the g packet by the description only once it has been read
        // (before that it sends the legacy FPA registers between pc and xpsr).
        var l = Layout;
        var raw = ReadAllRegisters();
        var r = new uint[16];
        string[] names = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"];
        for (var i = 0; i < 16; i++) r[i] = Word(raw, l.Require(names[i]));
        return new CoreRegisters(r, Word(raw, l.Require("xpsr")));
    }

    static uint Word(byte[] raw, GdbRegister reg)
    {
        if (reg.Bits != 32 || reg.Offset + 4 > raw.Length)
            throw new GdbProtocolException($"gdb stub: register {reg.Name} ({reg.Bits} bits at byte {reg.Offset}) is not in the {raw.Length}-byte g reply");
        return BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(reg.Offset));
    }

    /// <summary><c>s</c>: executes one instruction (or, in QEMU, takes one pending exception: see LockstepRunner).</summary>
    public GdbStopReply Step() => ExpectStop("s", Transact("s"));

    /// <summary><c>c</c>: runs until a breakpoint, a fault the stub reports, or <paramref name="wait"/>; past the wait the target is interrupted and the error names it.</summary>
    public GdbStopReply Continue(TimeSpan wait)
    {
        Send("c");
        string reply;
        try
        {
            reply = ReceivePacket("c", wait);
        }
        catch (GdbProtocolException)
        {
            Interrupt();
            throw new GdbProtocolException($"gdb stub: the target did not stop within {wait.TotalSeconds:0.#} s after 'c' (interrupted it)");
        }
        return ExpectStop("c", reply);
    }

    /// <summary>The 0x03 byte: stops a running target; returns its stop reply.</summary>
    public GdbStopReply Interrupt()
    {
        transport.SendInterrupt();
        return ExpectStop("interrupt", ReceivePacket("interrupt", Timeout));
    }

    /// <summary><c>m</c>: reads <paramref name="length"/> bytes of target memory.</summary>
    public byte[] ReadMemory(uint address, int length)
    {
        var command = $"m{address:x},{length:x}";
        var reply = Transact(command);
        ThrowIfError(command, reply);
        var bytes = FromHex(reply, command);
        if (bytes.Length != length) throw new GdbProtocolException($"gdb stub: '{command}' returned {bytes.Length} bytes, not {length}");
        return bytes;
    }

    /// <summary><c>M</c>: writes target memory.</summary>
    public void WriteMemory(uint address, ReadOnlySpan<byte> data)
    {
        var command = $"M{address:x},{data.Length:x}:{Convert.ToHexStringLower(data)}";
        ExpectOk(command, Transact(command));
    }

    /// <summary><c>Z0</c>: a software breakpoint at a Thumb instruction (kind 2).</summary>
    public void InsertBreakpoint(uint address) => ExpectOk($"Z0,{address:x},2", Transact($"Z0,{address:x},2"));

    public void RemoveBreakpoint(uint address) => ExpectOk($"z0,{address:x},2", Transact($"z0,{address:x},2"));

    /// <summary>
    /// QEMU's <c>Qqemu.sstep</c>: by default its single step masks interrupts and timers (flags 0x7),
    /// so a pended PendSV/SysTick is never taken while stepping; 0x1 steps with them enabled.
    /// </summary>
    public void SetQemuSingleStepFlags(int flags) =>
        ExpectOk("Qqemu.sstep", Transact("Qqemu.sstep=" + flags.ToString("x", CultureInfo.InvariantCulture)));

    /// <summary>Reads one file of the target description (qXfer, in chunks).</summary>
    public string ReadFeature(string annex)
    {
        var text = new StringBuilder();
        while (true)
        {
            var command = $"qXfer:features:read:{annex}:{text.Length:x},ffb";
            var reply = Transact(command);
            if (reply.Length == 0 || reply[0] is not ('m' or 'l'))
                throw new GdbProtocolException($"gdb stub: '{command}' answered '{RspFraming.Shorten(reply)}'");
            text.Append(reply, 1, reply.Length - 1);
            if (reply[0] == 'l') return text.ToString();
        }
    }

    // ---- packets --------------------------------------------------------------------------

    /// <summary>Sends a command and returns the stub's reply packet.</summary>
    public string Transact(string command)
    {
        Send(command);
        return ReceivePacket(command, Timeout);
    }

    void Send(string command) => transport.Send(command, command, Timeout);

    string ReceivePacket(string command, TimeSpan wait) => transport.Receive(command, wait);

    static byte[] FromHex(string reply, string command)
    {
        try
        {
            return Convert.FromHexString(reply);
        }
        catch (FormatException)
        {
            throw new GdbProtocolException($"gdb stub: reply to '{command}' is not hex: '{RspFraming.Shorten(reply)}'");
        }
    }

    static void ThrowIfError(string command, string reply)
    {
        if (reply.Length == 3 && reply[0] == 'E')
            throw new GdbProtocolException($"gdb stub: '{RspFraming.Shorten(command)}' failed with {reply}");
        if (reply.Length == 0)
            throw new GdbProtocolException($"gdb stub: '{RspFraming.Shorten(command)}' is not supported (empty reply)");
    }

    static void ExpectOk(string command, string reply)
    {
        if (reply != "OK") throw new GdbProtocolException($"gdb stub: '{RspFraming.Shorten(command)}' answered '{RspFraming.Shorten(reply)}', not OK");
    }

    static GdbStopReply ExpectStop(string command, string reply)
    {
        var stop = GdbStopReply.Parse(reply);
        if (stop.Exited) throw new GdbProtocolException($"gdb stub: the target exited during '{command}' ({reply})");
        return stop;
    }

    public void Dispose() => transport.Dispose();
}
