using System.IO.Ports;
using Rig.Core.Seams;
using Rig.Hardware.Serial.Locks;

namespace Rig.Hardware.Serial;

/// <summary>
/// <see cref="ISerialLink"/> over System.IO.Ports: a USB serial adapter, or the pseudo-terminal of a
/// native virtual board (the same code path). 8N1, no handshake; every read and write is bounded.
/// <para>
/// Reads are always outstanding on the port. On Linux, System.IO.Ports moves bytes in an I/O loop
/// that sleeps a millisecond whenever no request is queued and only then polls the device; a read
/// issued when the caller asks would pay that sleep on every credit round trip, which on a paced UART
/// (a 4 KB board with one or two AUDIO frames of credit) leaves the wire idle a third of the time.
/// With a read always queued the loop sits in poll() and hands bytes over as they land.
/// </para>
/// <para>
/// Each buffer has one owner at a time: a receive thread keeps two reads queued on two buffers of
/// its own (the port owns a buffer while its read is pending; the thread owns it once the read
/// completed, copies it into a ring and only then queues it again), so one read stays queued while
/// the other is copied out. <see cref="Read"/> drains the ring under a lock with a bounded wait.
/// Nothing is overwritten before it was copied, so no byte is lost, doubled or reordered however
/// late either thread runs. A full ring (the caller far behind) holds the receive thread back, and
/// the port's own buffer and the sender wait; nothing is dropped. The thread is dedicated on purpose:
/// run as the continuation of each read, the loop would run on the port's own I/O thread and queue
/// its next read from there, which stalled a pty relay (two links in one process) outright.
/// </para>
/// </summary>
public sealed class SerialPortLink : ISerialLink
{
    private const int SlotBytes = 16 * 1024;
    private const int RingBytes = 1 << 20;

    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly object _gate = new();
    private readonly ReceiveRing _ring = new(RingBytes);
    private readonly Thread _receiver;
    private readonly BoardLock? _held;
    private CancellationTokenSource _retire = new();
    private int _generation;
    private IOException? _vanished;
    private bool _disposed;

    public string Name { get; }
    public int Baud { get; }

    /// <summary>
    /// Opens <paramref name="portName"/>; an absent, busy or unusable port throws IOException naming it and saying which.
    /// The link owns <paramref name="held"/> (the board's lock, <see cref="BoardLock"/>) and releases it after closing the
    /// port, or at once when the port does not open.
    /// </summary>
    public SerialPortLink(string portName, int baud, TimeSpan writeTimeout, BoardLock? held = null)
    {
        Name = portName;
        Baud = baud;
        _held = held;
        try
        {
            _port = PortOpening.Open(portName, baud, writeTimeout);
        }
        catch
        {
            held?.Dispose();
            throw;
        }
        _stream = _port.BaseStream;
        _receiver = new Thread(Receive) { IsBackground = true, Name = "serial rx " + portName };
        _receiver.Start();
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfVanished();
        try
        {
            _stream.Write(data);
        }
        catch (TimeoutException e)
        {
            ThrowIfVanished();
            throw new IOException($"{Name}: writing {data.Length} bytes timed out after {_port.WriteTimeout} ms (board not reading?)", e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException && !Volatile.Read(ref _disposed))
        {
            throw Vanished(e, "writing");
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (buffer.IsEmpty) return 0;
        var start = TimeProvider.System.GetTimestamp();
        lock (_gate)
        {
            while (_ring.Count == 0)
            {
                // Bytes that came before the board vanished are delivered first; then the failure.
                if (_vanished is { } gone) throw new IOException(gone.Message, gone);
                ObjectDisposedException.ThrowIf(_disposed, this);
                var left = timeout - TimeProvider.System.GetElapsedTime(start);
                if (left <= TimeSpan.Zero)
                {
                    // Some drivers report an unplugged device only as a hang-up the port's I/O loop
                    // ignores; its vanished device node still tells.
                    if (timeout > TimeSpan.Zero && !File.Exists(Name)) throw Vanished(new IOException("no data"), "reading");
                    return 0;
                }
                Monitor.Wait(_gate, left.TotalMilliseconds >= int.MaxValue ? TimeSpan.FromMilliseconds(int.MaxValue - 1) : left);
            }
            var n = _ring.Read(buffer);
            Monitor.PulseAll(_gate);
            return n;
        }
    }

    /// <summary>
    /// Drops every received byte not yet read, in the ring, in the queued reads and in the driver.
    /// The queued reads are retired (cancelled, their bytes ignored) and the driver flushed under the
    /// lock the receive thread needs to queue new ones, so a byte read before the flush cannot turn
    /// up after it. (A read the port's I/O loop is executing at that instant may lose what lands in
    /// that instant; a discard follows a reset, and the host asks for a fresh HELLO only afterwards.)
    /// </summary>
    public void Discard()
    {
        lock (_gate)
        {
            if (_disposed || _vanished is not null) return;
            _ring.Clear();
            _generation++;
            var retired = _retire;
            _retire = new CancellationTokenSource();
            retired.Cancel();
            retired.Dispose();
            _port.DiscardInBuffer();
            _port.DiscardOutBuffer();
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _retire.Cancel();
            Monitor.PulseAll(_gate);
        }
        // Closing the port fails the queued reads; the receive thread sees it is disposed and ends.
        _port.Dispose();
        _receiver.Join(TimeSpan.FromSeconds(2));
        _retire.Dispose();
        _held?.Dispose();
    }

    private sealed class ReadSlot(byte[] buffer)
    {
        public byte[] Buffer { get; } = buffer;
        public Task<int> Pending { get; set; } = Task.FromResult(0);
        public int Generation { get; set; }
    }

    private void Receive()
    {
        ReadSlot[] slots = [new(new byte[SlotBytes]), new(new byte[SlotBytes])];
        try
        {
            lock (_gate)
                foreach (var s in slots) Queue(s);
            // The port completes reads in the order they were queued, so the slots take turns.
            for (var next = 0; ; next ^= 1)
            {
                var slot = slots[next];
                var n = 0;
                Exception? failed = null;
                try
                {
                    n = slot.Pending.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) { }
                catch (Exception e) { failed = e; }
                lock (_gate)
                {
                    if (_disposed) return;
                    if (failed is not null)
                    {
                        _vanished = Vanished(failed, "reading");
                        Monitor.PulseAll(_gate);
                        return;
                    }
                    if (slot.Generation == _generation && !Store(slot.Buffer.AsSpan(0, n), slot.Generation)) return;
                    Queue(slot);
                }
            }
        }
        catch (Exception e)
        {
            // Queueing a read on a port that went away fails here; anything else would be a fault of
            // this loop, and a failed Read says so instead of the link going quiet for good.
            lock (_gate)
            {
                if (!_disposed)
                    _vanished ??= e is IOException or ObjectDisposedException or InvalidOperationException
                        ? Vanished(e, "reading")
                        : new IOException($"{Name}: the receive loop failed: {e.Message}", e);
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Copies a completed read into the ring, waiting for room (under the lock); false when the link was disposed meanwhile.</summary>
    private bool Store(ReadOnlySpan<byte> data, int generation)
    {
        while (true)
        {
            data = data[_ring.Write(data)..];
            Monitor.PulseAll(_gate);
            if (data.IsEmpty) return true;
            Monitor.Wait(_gate, TimeSpan.FromMilliseconds(100));
            if (_disposed) return false;
            if (generation != _generation) return true;
        }
    }

    // Under the lock, so a Discard cannot slip between reading the generation and queueing.
    private void Queue(ReadSlot slot)
    {
        slot.Generation = _generation;
        slot.Pending = _stream.ReadAsync(slot.Buffer, 0, slot.Buffer.Length, _retire.Token);
    }

    private void ThrowIfVanished()
    {
        var gone = Volatile.Read(ref _vanished);
        if (gone is not null) throw new IOException(gone.Message, gone);
    }

    private IOException Vanished(Exception e, string doing)
    {
        var what = !File.Exists(Name) ? "the device node is gone (unplugged?)"
            : e is ObjectDisposedException or InvalidOperationException ? "the port hung up (board unplugged or reset, USB adapter lost, or its pseudo-terminal closed)"
            : e.Message;
        return new IOException($"board on {Name} disappeared while {doing}: {what}", e);
    }
}
