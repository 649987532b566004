using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// UART0, an ARM PL011 (datasheet 4.2; ARM DDI 0183 PrimeCell UART TRM), 8N1 with FIFOs of 32 entries:
/// baud = clk_peri / (16 x (IBRD + FBRD / 64)), taken when LCR_H is written (the divisor latch). The
/// transmit FIFO feeds the shift register (the line); the receive FIFO holds bytes with their error
/// bits (DR[11:8]), a byte arriving to a full FIFO is lost (OE). Interrupts (RIS, masked by IMSC into
/// the one UARTINTR line): RX when the receive FIFO holds at least its trigger level (IFLS), RT when it
/// holds data and nothing arrived for 32 bit periods, TX when the transmit FIFO drains through its
/// trigger level (a transition, not a level: datasheet 4.2.6), so enabling TXIM over an empty FIFO
/// raises nothing. Flow control, DMA, break, parity and other word lengths are not modelled.
/// </summary>
public sealed class Rp2040Uart : Rp2040Block, IClocked
{
    public const uint BaseAddress = 0x4003_4000;
    public const int FifoDepth = 32;

    public const uint Dr = 0x00, Rsr = 0x04, Fr = 0x18, Ibrd = 0x24, Fbrd = 0x28, LcrH = 0x2C, Cr = 0x30;
    public const uint Ifls = 0x34, Imsc = 0x38, Ris = 0x3C, Mis = 0x40, Icr = 0x44, Dmacr = 0x48;
    public const uint FrBusy = 1u << 3, FrRxfe = 1u << 4, FrTxff = 1u << 5, FrRxff = 1u << 6, FrTxfe = 1u << 7;
    public const uint LcrHFen = 1u << 4, LcrHWlen8 = 3u << 5;
    public const uint CrUarten = 1u << 0, CrTxe = 1u << 8, CrRxe = 1u << 9;
    public const uint IntRx = 1u << 4, IntTx = 1u << 5, IntRt = 1u << 6, IntFe = 1u << 7, IntOe = 1u << 10;
    public const uint DrFe = 1u << 8, DrOe = 1u << 11;
    /// <summary>Receive timeout: 32 bit periods without a new byte (PL011 TRM 2.8.4).</summary>
    const int TimeoutBits = 32;

    readonly UartLine line;
    readonly Rp2040Clocks clocks;
    readonly long coreClockHz;
    readonly InterruptLine irq;
    readonly Queue<byte> tx = new();
    readonly Queue<uint> rx = new();
    uint ibrd, fbrd, lcrH, cr, ifls, imsc, ris, rsr;
    ulong timeoutAt = ulong.MaxValue;

    public Rp2040Uart(ArmCore core, Rp2040Resets resets, UartLine line, Rp2040Clocks clocks, long coreClockHz, int irqNumber)
        : base("UART0", BaseAddress, core, resets, Rp2040Resets.Uart0)
    {
        this.line = line;
        this.clocks = clocks;
        this.coreClockHz = coreClockHz;
        irq = new InterruptLine(core, irqNumber);
        line.ByteReceived = OnByteReceived;
        line.TransmitComplete = Shift;
        core.AddClocked(this);
        OnReset();
    }

    // Reset values (datasheet 4.2.8): CR has TXE and RXE set, IFLS both at 1/2 (0x12).
    protected override void OnReset()
    {
        (ibrd, fbrd, lcrH, cr, ifls, imsc, ris, rsr) = (0, 0, 0, CrTxe | CrRxe, 0x12, 0, 0, 0);
        tx.Clear();
        rx.Clear();
        timeoutAt = ulong.MaxValue;
    }

    int Depth => (lcrH & LcrHFen) != 0 ? FifoDepth : 1;

    bool On(uint bit) => (cr & CrUarten) != 0 && (cr & bit) != 0;

    /// <summary>IFLS trigger levels 1/8, 1/4, 1/2, 3/4, 7/8 of the FIFO (PL011 TRM 3.3.9).</summary>
    int Level(int select) => Depth * (select switch { 0 => 1, 1 => 2, 2 => 4, 3 => 6, _ => 7 }) / 8;

    int TxTrigger => Level((int)(ifls & 7));

    int RxTrigger => Math.Max(1, Level((int)((ifls >> 3) & 7)));

    public ulong NextEventCycle => timeoutAt;

    public void Service(ulong now)
    {
        if (timeoutAt > now) return;
        timeoutAt = ulong.MaxValue;
        if (rx.Count > 0) Raise(IntRt);
    }

    protected override uint Read(uint register)
    {
        switch (register)
        {
            case Dr: return ReadData();
            case Rsr: return rsr;
            case Fr:
                return (rx.Count == 0 ? FrRxfe : 0) | (rx.Count >= Depth ? FrRxff : 0)
                    | (tx.Count >= Depth ? FrTxff : 0) | (tx.Count == 0 ? FrTxfe : 0)
                    | (tx.Count > 0 || line.TransmitBusy ? FrBusy : 0);
            case Ibrd: return ibrd;
            case Fbrd: return fbrd;
            case LcrH: return lcrH;
            case Cr: return cr;
            case Ifls: return ifls;
            case Imsc: return imsc;
            case Ris: return ris;
            case Mis: return ris & imsc;
            case Dmacr: return 0;
            default: throw Unmodelled(register, write: false);
        }
    }

    protected override uint Peek(uint register) => register == Dr ? 0 : Read(register);

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case Dr: WriteData((byte)value); break;
            case Rsr: rsr = 0; break;
            case Ibrd: ibrd = value & 0xFFFF; break;
            case Fbrd: fbrd = value & 0x3F; break;
            case LcrH:
                // 8 data bits, no parity, one stop bit, FIFOs on or off: the only framing the line carries.
                if ((value & ~(LcrHFen | LcrHWlen8)) != 0 || (value & LcrHWlen8) != LcrHWlen8) throw Unmodelled(register, write: true);
                lcrH = value;
                LatchBaud();
                break;
            case Cr:
                if ((value & ~(CrUarten | CrTxe | CrRxe)) != 0) throw Unmodelled(register, write: true);
                cr = value;
                Shift();
                break;
            case Ifls: ifls = value & 0x3F; break;
            case Imsc: imsc = value & 0x7FF; break;
            case Icr: ris &= ~value; break;
            case Dmacr:
                if (value != 0) throw Unmodelled(register, write: true); // UART DMA is not modelled
                break;
            default: throw Unmodelled(register, write: true);
        }
        UpdateIrq();
    }

    /// <summary>The divisor latch: the line's baud in emulated core cycles (clk_peri's baud scaled by the core clock the emulator counts).</summary>
    void LatchBaud()
    {
        var divisor64 = 64 * ibrd + fbrd;
        var sysHz = clocks.ClkSysHz;
        if (ibrd == 0 || clocks.ClkPeriHz == 0 || sysHz == 0) return;
        var baud = clocks.ClkPeriHz * 4 / divisor64;
        line.SetChipBaud(baud * coreClockHz / sysHz);
    }

    void WriteData(byte value)
    {
        if (tx.Count >= Depth) return; // a write to a full FIFO is lost
        tx.Enqueue(value);
        if (tx.Count > TxTrigger) ris &= ~IntTx;
        Shift();
    }

    /// <summary>The shift register is free (or the transmitter was enabled): the next FIFO byte goes on the line.</summary>
    void Shift()
    {
        if (!On(CrTxe) || line.TransmitBusy || tx.Count == 0 || line.ChipBaud <= 0) { UpdateIrq(); return; }
        var before = tx.Count;
        line.Transmit(tx.Dequeue());
        if (before > TxTrigger && tx.Count <= TxTrigger) ris |= IntTx;
        UpdateIrq();
    }

    uint ReadData()
    {
        if (rx.Count == 0) return 0;
        var entry = rx.Dequeue();
        if (rx.Count < RxTrigger) ris &= ~IntRx;
        if (rx.Count == 0) ris &= ~IntRt;
        UpdateIrq();
        return entry;
    }

    void OnByteReceived(byte value, bool framingError)
    {
        if (!On(CrRxe)) return;
        if (rx.Count >= Depth)
        {
            rsr |= DrOe >> 8;
            Raise(IntOe);
            return;
        }
        rx.Enqueue(value | (framingError ? DrFe : 0));
        if (framingError) ris |= IntFe;
        if (rx.Count >= RxTrigger) ris |= IntRx;
        if (line.ChipBaud > 0)
        {
            timeoutAt = Core.Cycles + (ulong)Math.Ceiling(TimeoutBits * (double)coreClockHz / line.ChipBaud);
            Core.Reschedule();
        }
        UpdateIrq();
    }

    void Raise(uint flag)
    {
        ris |= flag;
        UpdateIrq();
    }

    void UpdateIrq() => irq.Set((ris & imsc) != 0);
}
