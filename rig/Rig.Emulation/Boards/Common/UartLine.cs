using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// The protocol UART's two wires between the rig (host side) and the chip's UART model, timed in
/// emulated core cycles: 8N1, ten bit times a byte at the baud the chip's model configured
/// (<see cref="SetChipBaud"/>, from its baud-rate register) for what the chip sends, at the
/// profile's baud for what the host sends. A byte the host writes at cycle t starts on the line at
/// max(t, end of the previous byte) and reaches the chip model (<see cref="ByteReceived"/>) when its
/// stop bit has gone by; a byte the chip model transmits (<see cref="Transmit"/>) reaches the host
/// (<see cref="HostRead"/>) one byte time later, when <see cref="TransmitComplete"/> tells the model
/// its shift register is free. Single-threaded: the host side is called between runs of the core.
/// </summary>
public sealed class UartLine : IClocked
{
    /// <summary>Start bit, 8 data bits, stop bit.</summary>
    public const int BitsPerByte = 10;

    /// <summary>Baud error beyond which a real receiver mis-samples the stop bit (about half a bit over ten bits).</summary>
    public const double MaxBaudError = 0.025;

    readonly ArmCore core;
    readonly Queue<(byte Value, ulong At)> toChip = new();
    readonly Queue<byte> toHost = new();
    ulong rxLineFreeAt;
    ulong idleAt = ulong.MaxValue;
    ulong txDoneAt = ulong.MaxValue;
    byte txByte;

    public UartLine(ArmCore core, long clockHz, int hostBaud)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hostBaud);
        this.core = core;
        ClockHz = clockHz;
        HostBaud = hostBaud;
        core.AddClocked(this);
    }

    public long ClockHz { get; }

    /// <summary>The baud the rig's serial port runs at (profile <c>serial.baud</c>).</summary>
    public int HostBaud { get; }

    /// <summary>The baud the chip's UART is set to; 0 until the model configured it.</summary>
    public double ChipBaud { get; private set; }

    /// <summary>The chip model takes a byte off the line: (value, framing error: the two bauds disagree).</summary>
    public Action<byte, bool>? ByteReceived { get; set; }

    /// <summary>The chip's transmit shift register is free again (the byte reached the host).</summary>
    public Action? TransmitComplete { get; set; }

    /// <summary>
    /// The receive line stayed idle for a whole byte time (host baud) after a byte reached the chip (a UART's IDLE
    /// flag); unset, the line keeps no idle timer.
    /// </summary>
    public Action? LineIdle { get; set; }

    /// <summary>Raised when bytes for the host arrived: the emulated board returns to its host.</summary>
    public event Action? HostBytesArrived;

    /// <summary>Bytes that reached the chip while nothing listened (<see cref="ByteReceived"/> unset).</summary>
    public long BytesLost { get; private set; }

    /// <summary>Null, or why the two ends cannot understand each other (the bauds differ by more than <see cref="MaxBaudError"/>).</summary>
    public string? BaudMismatch =>
        ChipBaud > 0 && Math.Abs(ChipBaud - HostBaud) / HostBaud > MaxBaudError
            ? $"the chip's UART runs at {ChipBaud:0} baud, the rig's port at {HostBaud} baud (profile serial.baud)"
            : null;

    public bool TransmitBusy => txDoneAt != ulong.MaxValue;

    /// <summary>Core cycles one byte takes on the line at <paramref name="baud"/>.</summary>
    public ulong ByteCycles(double baud) => (ulong)Math.Ceiling(ClockHz * (double)BitsPerByte / baud);

    public void SetChipBaud(double baud)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baud);
        ChipBaud = baud;
    }

    /// <summary>The chip model starts shifting <paramref name="value"/> out (the shift register must be free).</summary>
    public void Transmit(byte value)
    {
        if (TransmitBusy) throw new InvalidOperationException("UART transmit shift register is busy (the model must wait for TransmitComplete)");
        if (ChipBaud <= 0) throw new InvalidOperationException("UART transmits before its baud rate is set");
        txByte = value;
        txDoneAt = core.Cycles + ByteCycles(ChipBaud);
        core.Reschedule();
    }

    /// <summary>The host sends: each byte is scheduled behind the previous one at the host's baud.</summary>
    public void HostWrite(ReadOnlySpan<byte> data)
    {
        var byteCycles = ByteCycles(HostBaud);
        foreach (var b in data)
        {
            var done = Math.Max(core.Cycles, rxLineFreeAt) + byteCycles;
            toChip.Enqueue((b, done));
            rxLineFreeAt = done;
        }
        core.Reschedule();
    }

    /// <summary>Bytes the chip finished sending, oldest first; returns how many were copied.</summary>
    public int HostRead(Span<byte> buffer)
    {
        var n = 0;
        while (n < buffer.Length && toHost.TryDequeue(out var b)) buffer[n++] = b;
        return n;
    }

    public int HostBytesWaiting => toHost.Count;

    /// <summary>Bytes the host wrote that have not reached the chip yet.</summary>
    public int BytesInFlightToChip => toChip.Count;

    /// <summary>Drops what is buffered for the host and what is still on its way to the chip.</summary>
    public void HostDiscard()
    {
        toHost.Clear();
        toChip.Clear();
        rxLineFreeAt = core.Cycles;
        core.Reschedule();
    }

    public ulong NextEventCycle => Math.Min(Math.Min(toChip.TryPeek(out var next) ? next.At : ulong.MaxValue, txDoneAt), idleAt);

    public void Service(ulong now)
    {
        var framingError = BaudMismatch is not null;
        while (toChip.TryPeek(out var next) && next.At <= now)
        {
            toChip.Dequeue();
            if (ByteReceived is { } receive) receive(next.Value, framingError);
            else BytesLost++;
            if (LineIdle is not null) idleAt = next.At + ByteCycles(HostBaud);
        }
        if (idleAt <= now)
        {
            // Idle only if the next byte's start bit had not begun by then (a byte takes ByteCycles on the line).
            var idleFrom = idleAt;
            idleAt = ulong.MaxValue;
            if (!toChip.TryPeek(out var following) || following.At - ByteCycles(HostBaud) >= idleFrom) LineIdle?.Invoke();
        }
        if (txDoneAt <= now)
        {
            txDoneAt = ulong.MaxValue;
            toHost.Enqueue(txByte);
            TransmitComplete?.Invoke();
            HostBytesArrived?.Invoke();
        }
    }
}
