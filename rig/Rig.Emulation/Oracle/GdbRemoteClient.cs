using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Rig.Emulation.Oracle;

/// <summary>
/// A small client of the GDB remote serial protocol, enough to drive QEMU's gdbstub instruction by
/// instruction: packets <c>$data#checksum</c> with <c>+</c>/<c>-</c> acknowledgements, <c>?</c>,
/// <c>g</c>, <c>s</c>, <c>c</c>, <c>m</c>/<c>M</c>, <c>Z0</c>/<c>z0</c>, <c>qXfer</c> target
/// description, <c>Qqemu.sstep</c>, and the 0x03 interrupt byte.
/// It lives in rig/ (not test code) because `rig emulate --selftest` ships the QEMU oracle.
/// Every wait is bounded by <see cref="Timeout"/> (or the caller's wait for a run): a silent stub is
/// an error naming the command, never a hang.
/// </summary>
public sealed class GdbRemoteClient : IDisposable
{
    const int MaxRetransmits = 3;

    readonly Socket socket;
    readonly byte[] buffer = new byte[64 * 1024];
    int bufferStart, bufferEnd;
    GdbRegisterLayout? layout;

    public GdbRemoteClient(Socket connected, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the stub's answer timeout must be positive");
        socket = connected;
        Timeout = timeout;
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
        socket.Send([0x03]);
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
                throw new GdbProtocolException($"gdb stub: '{command}' answered '{GdbStopReply.Shorten(reply)}'");
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

    void Send(string command)
    {
        var payload = Escape(command);
        var packet = new byte[payload.Length + 4];
        packet[0] = (byte)'$';
        payload.CopyTo(packet, 1);
        packet[^3] = (byte)'#';
        var sum = Checksum(payload);
        packet[^2] = HexDigit(sum >> 4);
        packet[^1] = HexDigit(sum & 0xF);
        for (var attempt = 0; ; attempt++)
        {
            socket.Send(packet);
            var ack = ReadByte(command, Timeout);
            if (ack == '+') return;
            if (ack != '-' || attempt >= MaxRetransmits)
                throw new GdbProtocolException($"gdb stub: no acknowledgement of '{GdbStopReply.Shorten(command)}' (got 0x{ack:x2} after {attempt + 1} sends)");
        }
    }

    string ReceivePacket(string command, TimeSpan wait)
    {
        for (var attempt = 0; ; attempt++)
        {
            int b;
            do b = ReadByte(command, wait); while (b != '$'); // stray acks or noise before a packet
            var data = new List<byte>(256);
            while ((b = ReadByte(command, wait)) != '#') data.Add((byte)b);
            var hi = ReadByte(command, wait);
            var lo = ReadByte(command, wait);
            var expected = ParseHexByte(hi, lo);
            var actual = Checksum(data);
            if (expected == actual)
            {
                socket.Send("+"u8);
                return Decode(data);
            }
            if (attempt >= MaxRetransmits)
                throw new GdbProtocolException($"gdb stub: reply to '{GdbStopReply.Shorten(command)}' had bad checksums {attempt + 1} times");
            socket.Send("-"u8);
        }
    }

    int ReadByte(string command, TimeSpan wait)
    {
        if (bufferStart == bufferEnd)
        {
            socket.ReceiveTimeout = (int)Math.Clamp(wait.TotalMilliseconds, 1, int.MaxValue);
            int n;
            try
            {
                n = socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
            {
                throw new GdbProtocolException($"gdb stub: no answer to '{GdbStopReply.Shorten(command)}' within {wait.TotalSeconds:0.###} s", e);
            }
            catch (SocketException e)
            {
                throw new GdbProtocolException($"gdb stub: connection failed during '{GdbStopReply.Shorten(command)}': {e.Message}", e);
            }
            if (n == 0) throw new GdbProtocolException($"gdb stub: connection closed during '{GdbStopReply.Shorten(command)}'");
            bufferStart = 0;
            bufferEnd = n;
        }
        return buffer[bufferStart++];
    }

    /// <summary>Undoes the binary escape (<c>}</c> x^0x20) and run-length encoding (<c>x*n</c>) of a reply.</summary>
    static string Decode(List<byte> data)
    {
        var text = new StringBuilder(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var c = data[i];
            if (c == '}' && i + 1 < data.Count) text.Append((char)(data[++i] ^ 0x20));
            else if (c == '*' && i + 1 < data.Count && text.Length > 0) text.Append(text[^1], data[++i] - 29);
            else text.Append((char)c);
        }
        return text.ToString();
    }

    static byte[] Escape(string command)
    {
        var bytes = new List<byte>(command.Length);
        foreach (var ch in command)
        {
            if (ch is '$' or '#' or '}' or '*') { bytes.Add((byte)'}'); bytes.Add((byte)(ch ^ 0x20)); }
            else bytes.Add((byte)ch);
        }
        return [.. bytes];
    }

    static int Checksum(IEnumerable<byte> data)
    {
        var sum = 0;
        foreach (var b in data) sum += b;
        return sum & 0xFF;
    }

    static byte HexDigit(int v) => (byte)"0123456789abcdef"[v];

    static int ParseHexByte(int hi, int lo) =>
        int.TryParse($"{(char)hi}{(char)lo}", NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : -1;

    static byte[] FromHex(string reply, string command)
    {
        try
        {
            return Convert.FromHexString(reply);
        }
        catch (FormatException)
        {
            throw new GdbProtocolException($"gdb stub: reply to '{command}' is not hex: '{GdbStopReply.Shorten(reply)}'");
        }
    }

    static void ThrowIfError(string command, string reply)
    {
        if (reply.Length == 3 && reply[0] == 'E')
            throw new GdbProtocolException($"gdb stub: '{GdbStopReply.Shorten(command)}' failed with {reply}");
        if (reply.Length == 0)
            throw new GdbProtocolException($"gdb stub: '{GdbStopReply.Shorten(command)}' is not supported (empty reply)");
    }

    static void ExpectOk(string command, string reply)
    {
        if (reply != "OK") throw new GdbProtocolException($"gdb stub: '{GdbStopReply.Shorten(command)}' answered '{GdbStopReply.Shorten(reply)}', not OK");
    }

    static GdbStopReply ExpectStop(string command, string reply)
    {
        var stop = GdbStopReply.Parse(reply);
        if (stop.Exited) throw new GdbProtocolException($"gdb stub: the target exited during '{command}' ({reply})");
        return stop;
    }

    public void Dispose() => socket.Dispose();
}
