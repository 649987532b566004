using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// USART2 (Reference Manual, "Universal synchronous asynchronous receiver transmitter (USART)"), 8N1
/// with 16x oversampling: baud = PCLK / BRR. One transmit data register in front of the shift register
/// (TXE: the data register is empty; TC: both are), one receive data register (RXNE; a byte arriving
/// while RXNE is still set is lost and sets ORE; reading DR after SR clears RXNE and ORE). Its interrupt
/// is the OR of RXNE/ORE with RXNEIE, TXE with TXEIE, TC with TCIE and IDLE with IDLEIE. IDLE: the receive line
/// stayed idle for a whole byte time after a byte (cleared with RXNE by reading DR). CR3.DMAR: every received byte
/// is a request to the DMA channel SYSCFG routes USART2_RX to, which reads DR; CR3.DMAT: an empty transmit data
/// register (TXE) is a level request to the USART2_TX channel, which writes DR (<see cref="TransmitDmaRequest"/>).
/// Parity, 9-bit words and the synchronous/IrDA modes are not modelled (CR1 M/PCE, CR2, CR3 other than DMAR/DMAT
/// stop the run).
/// </summary>
public sealed class Py32Usart : RegisterBlock
{
    public const uint BaseAddress = 0x4000_4400;
    public const uint Size = 0x400;

    public const uint Sr = 0x00, Dr = 0x04, Brr = 0x08, Cr1 = 0x0C, Cr3 = 0x14;
    public const uint SrFe = 1u << 1, SrOre = 1u << 3, SrIdle = 1u << 4, SrRxne = 1u << 5, SrTc = 1u << 6, SrTxe = 1u << 7;
    public const uint Cr1Re = 1u << 2, Cr1Te = 1u << 3, Cr1IdleIe = 1u << 4, Cr1RxneIe = 1u << 5, Cr1TcIe = 1u << 6, Cr1TxeIe = 1u << 7;
    public const uint Cr3Dmar = 1u << 6, Cr3Dmat = 1u << 7;
    public const uint Cr1Pce = 1u << 10, Cr1M = 1u << 12, Cr1Ue = 1u << 13;

    readonly ArmCore core;
    readonly UartLine line;
    readonly Py32Rcc rcc;
    readonly InterruptLine irq;
    readonly Action dmaRequest, dmaTransmitRequest;
    // RM "USART_SR" reset value 0x00C0: TXE and TC set.
    uint sr = SrTxe | SrTc;
    uint cr1, cr3, brr;
    byte rdr, tdr;

    /// <param name="dmaRequest">The receiver's DMA request (a byte arrived with CR3.DMAR set).</param>
    /// <param name="dmaTransmitRequest">The transmitter's DMA request rose (<see cref="TransmitDmaRequest"/>).</param>
    public Py32Usart(ArmCore core, UartLine line, Py32Rcc rcc, int irqNumber, Action dmaRequest, Action dmaTransmitRequest) : base("USART2", BaseAddress)
    {
        this.core = core;
        this.line = line;
        this.rcc = rcc;
        this.dmaRequest = dmaRequest;
        this.dmaTransmitRequest = dmaTransmitRequest;
        irq = new InterruptLine(core, irqNumber);
        line.ByteReceived = OnByteReceived;
        line.TransmitComplete = OnTransmitComplete;
        line.LineIdle = OnLineIdle;
    }

    bool Enabled(uint bit) => (cr1 & Cr1Ue) != 0 && (cr1 & bit) != 0;

    /// <summary>The transmitter's DMA request line: CR3.DMAT with the transmit data register empty.</summary>
    public bool TransmitDmaRequest => (cr3 & Cr3Dmat) != 0 && (sr & SrTxe) != 0 && Enabled(Cr1Te);

    protected override uint ReadRegister(uint offset)
    {
        switch (offset)
        {
            case Sr: return sr;
            case Dr:
                sr &= ~(SrRxne | SrOre | SrFe | SrIdle);
                UpdateIrq();
                return rdr;
            case Brr: return brr;
            case Cr1: return cr1;
            case Cr3: return cr3;
            default: throw Unmodelled(offset, write: false);
        }
    }

    protected override void WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Sr:
                // RXNE and TC are cleared by writing 0 (rc_w0); the other flags are read-only.
                sr &= value | ~(SrRxne | SrTc);
                break;
            case Dr: WriteData((byte)value); break;
            case Brr:
                brr = value & 0xFFFF;
                ApplyBaud();
                break;
            case Cr1:
                if ((value & (Cr1M | Cr1Pce)) != 0) throw Unmodelled(offset, write: true);
                cr1 = value;
                ApplyBaud();
                break;
            case Cr3:
                if ((value & ~(Cr3Dmar | Cr3Dmat)) != 0) throw Unmodelled(offset, write: true);
                cr3 = value;
                UpdateIrq();
                if (TransmitDmaRequest) dmaTransmitRequest();
                return;
            default: throw Unmodelled(offset, write: true);
        }
        UpdateIrq();
    }

    void ApplyBaud()
    {
        if (brr >= 16 && rcc.PclkHz > 0) line.SetChipBaud((double)rcc.PclkHz / brr);
    }

    void WriteData(byte value)
    {
        if (!Enabled(Cr1Te)) return; // the transmitter is off: nothing is shifted out
        if (brr < 16)
        {
            core.StopRun(StopReason.UnmappedAccess, $"USART2 transmits with BRR = {brr} (no baud rate set)", BaseAddress + Dr);
            return;
        }
        sr &= ~SrTc;
        if ((sr & SrTxe) != 0 && !line.TransmitBusy) line.Transmit(value);
        else
        {
            tdr = value;
            sr &= ~SrTxe;
        }
    }

    void OnTransmitComplete()
    {
        if ((sr & SrTxe) == 0)
        {
            line.Transmit(tdr);
            sr |= SrTxe;
        }
        else sr |= SrTc;
        UpdateIrq();
        if (TransmitDmaRequest) dmaTransmitRequest();
    }

    void OnByteReceived(byte value, bool framingError)
    {
        if (!Enabled(Cr1Re)) return;
        if ((sr & SrRxne) != 0) sr |= SrOre;
        else
        {
            rdr = value;
            sr |= SrRxne | (framingError ? SrFe : 0);
        }
        UpdateIrq();
        if ((cr3 & Cr3Dmar) != 0 && (sr & SrRxne) != 0) dmaRequest();
    }

    void OnLineIdle()
    {
        if (!Enabled(Cr1Re)) return;
        sr |= SrIdle;
        UpdateIrq();
    }

    void UpdateIrq() => irq.Set(
        ((cr1 & Cr1RxneIe) != 0 && (sr & (SrRxne | SrOre)) != 0)
        || ((cr1 & Cr1TxeIe) != 0 && (sr & SrTxe) != 0)
        || ((cr1 & Cr1TcIe) != 0 && (sr & SrTc) != 0)
        || ((cr1 & Cr1IdleIe) != 0 && (sr & SrIdle) != 0));
}
