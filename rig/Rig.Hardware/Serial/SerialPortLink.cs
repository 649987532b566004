using System.IO.Ports;
using Rig.Core.Seams;

namespace Rig.Hardware.Serial;

/// <summary>
/// <see cref="ISerialLink"/> over System.IO.Ports: a USB serial adapter, or the pseudo-terminal of a
/// native virtual board (the same code path). 8N1, no handshake; every read and write is bounded.
/// <para>
/// One read is always outstanding on the port. On Linux, System.IO.Ports moves bytes in an I/O
/// loop that sleeps a millisecond whenever no request is queued and only then polls the device;
/// a read issued when the caller asks would pay that sleep on every credit round trip, which on a
/// paced UART (a 4 KB board with one or two AUDIO frames of credit) leaves the wire idle a third of
/// the time. With a read always queued the loop sits in poll() and hands bytes over as they land.
/// </para>
/// </summary>
public sealed class SerialPortLink : ISerialLink
{
    private readonly SerialPort _port;
    private readonly byte[] _readBuffer = new byte[4096];
    private Task<int>? _pendingRead;
    private int _readAt;
    private int _readCount;

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
        if (_readAt == _readCount)
        {
            _pendingRead ??= StartRead();
            if (!_pendingRead.IsCompleted)
            {
                if (timeout <= TimeSpan.Zero) return 0;
                // Bounded wait; the read stays queued for the next call when nothing came.
                if (!_pendingRead.Wait(timeout)) return 0;
            }
            _readCount = Completed(_pendingRead);
            _readAt = 0;
            _pendingRead = StartRead();
        }
        var n = Math.Min(buffer.Length, _readCount - _readAt);
        _readBuffer.AsSpan(_readAt, n).CopyTo(buffer);
        _readAt += n;
        return n;
    }

    // The buffer is free again only when the previous read completed and was copied out.
    private Task<int> StartRead() => _port.BaseStream.ReadAsync(_readBuffer, 0, _readBuffer.Length);

    private int Completed(Task<int> read)
    {
        try
        {
            return read.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new IOException($"{Name}: reading failed: {e.Message}", e);
        }
    }

    public void Discard()
    {
        _port.DiscardInBuffer();
        _port.DiscardOutBuffer();
        // What the outstanding read already took in is as stale as the driver's buffer.
        _readAt = _readCount = 0;
        if (_pendingRead is { IsCompleted: true } done)
        {
            _ = Completed(done);
            _pendingRead = StartRead();
        }
    }

    public void Dispose()
    {
        _port.Dispose();
        // Closing the port fails the outstanding read; that failure is expected, not news.
        _pendingRead?.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
