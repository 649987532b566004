using System.Net.Sockets;

namespace Rig.Gdb;

/// <summary>
/// Packets over a connected socket, for either end: sends with <c>+</c>/<c>-</c> acknowledgement
/// and retransmission, receives with checksum check; every wait bounded by the caller's time-out, and
/// a failure is a <see cref="GdbProtocolException"/> that begins with <see cref="Peer"/> and names the
/// command it happened in. Without acknowledgements once both ends agreed (<c>QStartNoAckMode</c>).
/// An interrupt byte (0x03) that arrives outside a packet is remembered (<see cref="TakeInterrupt"/>):
/// only a client sends it.
/// </summary>
public sealed class RspTransport(Socket socket, string peer) : IDisposable
{
    const int MaxRetransmits = 3;

    readonly byte[] buffer = new byte[64 * 1024];
    int bufferStart, bufferEnd;
    bool interrupted;

    /// <summary>Names the other end in errors ("gdb stub", "gdb client").</summary>
    public string Peer { get; } = peer;

    /// <summary>Acknowledgements off (after QStartNoAckMode was accepted).</summary>
    public bool NoAck { get; set; }

    /// <summary>Sends one packet and, unless <see cref="NoAck"/>, waits up to <paramref name="wait"/> for its <c>+</c>, resending on <c>-</c>.</summary>
    public void Send(string payload, string context, TimeSpan wait)
    {
        var packet = RspFraming.Frame(payload);
        for (var attempt = 0; ; attempt++)
        {
            Write(packet, context);
            if (NoAck) return;
            var ack = ReadByte(context, wait);
            while (ack == RspFraming.Interrupt) { interrupted = true; ack = ReadByte(context, wait); }
            if (ack == '+') return;
            if (ack != '-' || attempt >= MaxRetransmits)
                throw new GdbProtocolException($"{Peer}: no acknowledgement of '{RspFraming.Shorten(context)}' (got 0x{ack:x2} after {attempt + 1} sends)");
        }
    }

    /// <summary>Waits up to <paramref name="wait"/> (between bytes) for the next packet; acknowledges it unless <see cref="NoAck"/>.</summary>
    public string Receive(string context, TimeSpan wait)
    {
        for (var attempt = 0; ; attempt++)
        {
            int b;
            do
            {
                b = ReadByte(context, wait);
                if (b == RspFraming.Interrupt) interrupted = true;
            }
            while (b != '$'); // acks, interrupts or noise before a packet
            var data = new List<byte>(256);
            while ((b = ReadByte(context, wait)) != '#') data.Add((byte)b);
            var hi = ReadByte(context, wait);
            var lo = ReadByte(context, wait);
            if (NoAck || RspFraming.ParseHexByte(hi, lo) == RspFraming.Checksum(data))
            {
                if (!NoAck) Write("+"u8, context);
                return RspFraming.Decode(data);
            }
            if (attempt >= MaxRetransmits)
                throw new GdbProtocolException($"{Peer}: packet during '{RspFraming.Shorten(context)}' had bad checksums {attempt + 1} times");
            Write("-"u8, context);
        }
    }

    /// <summary>Sends the interrupt byte (a client stopping a running target).</summary>
    public void SendInterrupt() => Write([RspFraming.Interrupt], "interrupt");

    /// <summary>
    /// True once an interrupt byte arrived (cleared by the call). Reads what is already waiting on the
    /// socket without blocking, so a running target can poll it cheaply.
    /// </summary>
    public bool TakeInterrupt()
    {
        if (!interrupted && bufferStart == bufferEnd && socket.Available > 0) Fill("interrupt", TimeSpan.FromMilliseconds(1));
        while (!interrupted && bufferStart < bufferEnd && buffer[bufferStart] != '$')
            if (buffer[bufferStart++] == RspFraming.Interrupt) interrupted = true;
        var was = interrupted;
        interrupted = false;
        return was;
    }

    void Write(ReadOnlySpan<byte> bytes, string context)
    {
        try
        {
            socket.Send(bytes);
        }
        catch (SocketException e)
        {
            throw new GdbProtocolException($"{Peer}: connection failed during '{RspFraming.Shorten(context)}': {e.Message}", e);
        }
    }

    int ReadByte(string context, TimeSpan wait)
    {
        if (bufferStart == bufferEnd) Fill(context, wait);
        return buffer[bufferStart++];
    }

    void Fill(string context, TimeSpan wait)
    {
        socket.ReceiveTimeout = (int)Math.Clamp(wait.TotalMilliseconds, 1, int.MaxValue);
        int n;
        try
        {
            n = socket.Receive(buffer);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            throw new GdbProtocolException($"{Peer}: no answer to '{RspFraming.Shorten(context)}' within {wait.TotalSeconds:0.###} s", e);
        }
        catch (SocketException e)
        {
            throw new GdbProtocolException($"{Peer}: connection failed during '{RspFraming.Shorten(context)}': {e.Message}", e);
        }
        catch (ObjectDisposedException e)
        {
            throw new GdbProtocolException($"{Peer}: connection closed during '{RspFraming.Shorten(context)}'", e);
        }
        if (n == 0) throw new GdbProtocolException($"{Peer}: connection closed during '{RspFraming.Shorten(context)}'");
        bufferStart = 0;
        bufferEnd = n;
    }

    public void Dispose() => socket.Dispose();
}
