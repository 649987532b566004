using Rig.Emulation.Boards;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Tests.Boards.Host;

/// <summary>
/// A test-only board: one minimal UART at 0x40013800 on the py32f003 chip (SR 0x00: bit 5 RXNE, bit 7 TXE;
/// DR 0x04; BRR 0x08 = clock / baud), raising IRQ 0 while a received byte waits. Enough to run
/// <see cref="EchoImage"/> against the emulated board runtime before the real board models exist.
/// </summary>
sealed class EchoUart : IBoardModel, IPeripheral
{
    public const uint Base = 0x4001_3800;

    readonly Queue<byte> rx = new();
    BoardWiring wiring = null!;

    public string Board => "py32f003";
    public string Name => "test UART";

    public void Attach(BoardWiring w)
    {
        wiring = w;
        w.Memory.AddPeripheral(Base, 0x10, this);
        w.Uart.ByteReceived = (value, _) =>
        {
            rx.Enqueue(value);
            w.Core.Nvic.RaiseIrq(0);
        };
    }

    public uint Read(uint offset, int size) => offset switch
    {
        0x00 => (rx.Count > 0 ? 1u << 5 : 0) | (wiring.Uart.TransmitBusy ? 0 : 1u << 7),
        0x04 => Take(),
        _ => throw new UnmodelledRegisterException(Name, Base + offset, write: false),
    };

    uint Take()
    {
        var b = rx.Count > 0 ? rx.Dequeue() : (byte)0;
        if (rx.Count > 0) wiring.Core.Nvic.RaiseIrq(0);
        return b;
    }

    public void Write(uint offset, uint value, int size)
    {
        switch (offset)
        {
            case 0x04: wiring.Uart.Transmit((byte)value); break;
            case 0x08: wiring.Uart.SetChipBaud(wiring.ClockHz / (double)value); break;
            default: throw new UnmodelledRegisterException(Name, Base + offset, write: true);
        }
    }
}
