using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// UART0 in its legacy byte-wise mode (PS v1.7 "UART - Universal asynchronous receiver/transmitter",
/// ENABLE = 4; ID 2, shared with UARTE0), which is what the port uses: STARTRX/STARTTX, a byte
/// written to TXD is sent and TXDRDY follows when it has gone out; received bytes go through a
/// six-byte FIFO whose head is RXD: RXDRDY each time a byte is moved into RXD, reading RXD takes the
/// next one (PS UART "Reception"). A byte arriving with the FIFO full is lost and sets
/// ERRORSRC.OVERRUN; a byte whose stop bit the receiver misses (the two ends' bauds disagree) sets
/// ERRORSRC.FRAMING; both generate ERROR. 8N1 only (CONFIG = 0); parity, flow control and the
/// EasyDMA mode (ENABLE = 8, UARTE0) are not modelled: writing them stops the run.
/// </summary>
public sealed class Uart0 : NrfPeripheral
{
    public const uint BaseAddress = 0x4000_2000;
    public const int Irq = 2;

    public const uint TasksStartRx = 0x000;
    public const uint TasksStopRx = 0x004;
    public const uint TasksStartTx = 0x008;
    public const uint TasksStopTx = 0x00C;
    public const uint EventsRxdRdy = 0x108;
    public const uint EventsTxdRdy = 0x11C;
    public const uint EventsError = 0x124;
    public const uint ErrorSrc = 0x480;
    public const uint Enable = 0x500;
    public const uint PselTxd = 0x50C;
    public const uint PselRxd = 0x514;
    public const uint Rxd = 0x518;
    public const uint Txd = 0x51C;
    public const uint BaudRate = 0x524;
    public const uint Config = 0x56C;

    public const uint EnableUart = 4;
    public const uint ErrorOverrun = 1u << 0;
    public const uint ErrorFraming = 1u << 2;

    /// <summary>PS UART "Reception": the receive FIFO holds six bytes.</summary>
    public const int RxFifoBytes = 6;

    /// <summary>PS UART BAUDRATE: Baud1M = 0x10000000; the register is the rate as a fraction of 16 MHz in 2^-32 steps.</summary>
    public const uint Baud1M = 0x1000_0000;

    /// <summary>PS UART registers: BAUDRATE resets to Baud9600.</summary>
    public const uint BaudRateReset = 0x0027_5000;

    /// <summary>PSEL registers reset to 0xFFFFFFFF (disconnected).</summary>
    public const uint PselReset = 0xFFFF_FFFF;

    readonly ArmCore core;
    readonly UartLine wire;
    readonly Queue<byte> rxFifo = new();
    uint enable;
    uint baud = BaudRateReset;
    uint pselTxd = PselReset, pselRxd = PselReset;
    uint errorSrc;
    byte rxd;
    bool rxStarted, txStarted;

    public Uart0(ArmCore core, UartLine wire)
        : base("UART0", BaseAddress, new InterruptLine(core, Irq))
    {
        this.core = core;
        this.wire = wire;
        wire.ByteReceived = OnByteReceived;
        wire.TransmitComplete = OnTransmitComplete;
    }

    /// <summary>The baud the BAUDRATE register gives: value x 16 MHz / 2^32.</summary>
    public static double BaudOf(uint register) => register * 16e6 / 4294967296.0;

    protected override uint EventMask =>
        1u << EventIndex(EventsRxdRdy) | 1u << EventIndex(EventsTxdRdy) | 1u << EventIndex(EventsError);

    protected override uint TaskMask => 0b1111;

    bool Enabled => enable == EnableUart;

    protected override void Trigger(uint taskOffset)
    {
        switch (taskOffset)
        {
            case TasksStartRx: rxStarted = Enabled; break;
            case TasksStopRx: rxStarted = false; break;
            case TasksStartTx: txStarted = Enabled; break;
            case TasksStopTx: txStarted = false; break;
        }
    }

    protected override uint? ReadRegister(uint offset) => offset switch
    {
        ErrorSrc => errorSrc,
        Enable => enable,
        PselTxd => pselTxd,
        PselRxd => pselRxd,
        Rxd => TakeRxd(),
        BaudRate => baud,
        Config => 0,
        _ => null,
    };

    protected override bool WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case ErrorSrc: errorSrc &= ~value; break; // write 1 to clear
            case Enable:
                if (value is not (0 or EnableUart))
                    throw UnmodelledValue(offset, value, value == 8 ? "UARTE0 with EasyDMA is not modelled, the port uses the legacy UART" : "ENABLE is 0 or 4");
                enable = value;
                if (!Enabled) rxStarted = txStarted = false;
                break;
            case PselTxd: pselTxd = value; break;
            case PselRxd: pselRxd = value; break;
            case Txd: Send((byte)value); break;
            case BaudRate:
                if (value == 0) throw UnmodelledValue(offset, value, "a baud rate of 0");
                baud = value;
                wire.SetChipBaud(BaudOf(value));
                break;
            case Config:
                if (value != 0) throw UnmodelledValue(offset, value, "only 8N1 without flow control (CONFIG = 0) is modelled");
                break;
            default: return false;
        }
        return true;
    }

    void Send(byte value)
    {
        if (!Enabled || !txStarted) return; // the transmitter is off: the write has no effect
        if (wire.TransmitBusy)
        {
            core.StopRun(StopReason.Fault, $"{Name}: TXD written at 0x{Base + Txd:X8} while the previous byte is still being sent (PS UART: write the next byte after TXDRDY)", Base + Txd);
            return;
        }
        if (wire.ChipBaud <= 0) wire.SetChipBaud(BaudOf(baud));
        wire.Transmit(value);
    }

    void OnTransmitComplete() => Generate(EventsTxdRdy);

    void OnByteReceived(byte value, bool framingError)
    {
        if (!Enabled || !rxStarted) return; // receiver off: the byte is not sampled
        if (framingError)
        {
            errorSrc |= ErrorFraming;
            Generate(EventsError);
        }
        if (rxFifo.Count == RxFifoBytes)
        {
            errorSrc |= ErrorOverrun;
            Generate(EventsError);
            return;
        }
        rxFifo.Enqueue(value);
        if (rxFifo.Count == 1) MoveToRxd();
    }

    void MoveToRxd()
    {
        rxd = rxFifo.Peek();
        Generate(EventsRxdRdy);
    }

    /// <summary>Reading RXD takes its byte out of the FIFO and moves the next one in.</summary>
    uint TakeRxd()
    {
        var value = rxd;
        if (rxFifo.Count > 0)
        {
            rxFifo.Dequeue();
            if (rxFifo.Count > 0) MoveToRxd();
        }
        return value;
    }
}
