using System.IO.Ports;
using Rig.Core.Seams;

namespace Rig.Hardware.Serial;

/// <summary>
/// <see cref="ISerialLink"/> over System.IO.Ports: a USB serial adapter, or the pseudo-terminal of a
/// native virtual board (the same code path). 8N1, no handshake; every read and write is bounded.
/// </summary>
public sealed class SerialPortLink : ISerialLink
{
    private readonly SerialPort _port;
    private readonly byte[] _readBuffer = new byte[4096];

    public string Name { get; }
    public int Baud { get; }

    /// <summary>Opens <paramref name="portName"/>; an absent or busy port throws IOException naming it.</summary>
    public SerialPortLink(string portName, int baud, TimeSpan writeTimeout)
    {
        Name = portName;
        Baud = baud;
        _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 65536,
            WriteBufferSize = 65536,
            WriteTimeout = (int)Math.Max(1, writeTimeout.TotalMilliseconds),
            ReadTimeout = 100,
        };
        try
        {
            _port.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or ArgumentException)
        {
            _port.Dispose();
            throw new IOException($"cannot open serial port {portName} at {baud} baud: {e.Message}", e);
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            _port.BaseStream.Write(data);
        }
        catch (TimeoutException e)
        {
            throw new IOException($"{Name}: writing {data.Length} bytes timed out after {_port.WriteTimeout} ms (board not reading?)", e);
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (buffer.IsEmpty) return 0;
        if (timeout <= TimeSpan.Zero && _port.BytesToRead == 0) return 0;
        _port.ReadTimeout = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        try
        {
            var n = _port.Read(_readBuffer, 0, Math.Min(buffer.Length, _readBuffer.Length));
            _readBuffer.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        catch (TimeoutException)
        {
            return 0;
        }
    }

    public void Discard()
    {
        _port.DiscardInBuffer();
        _port.DiscardOutBuffer();
    }

    public void Dispose() => _port.Dispose();
}
