using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// A USART in asynchronous 8N1 mode with 16x oversampling (RM0351 40 "USART", registers 40.8), as the
/// port runs USART2: baud = PCLK / BRR (40.5.4); a byte written to TDR (TXE = 0) moves to the shift
/// register as soon as it is free (TXE = 1 again) and goes out on the wire, TC once the shift
/// register ran empty; a received byte lands in RDR (RXNE), one arriving while RXNE is still set is
/// lost and sets ORE (40.5.5 "Overrun error"), one whose stop bit is missed (the two ends' bauds
/// disagree) sets FE. The interrupt (USART2: position 38) is the level of
/// (RXNE or ORE) and RXNEIE, TXE and TXEIE, TC and TCIE. Other frame formats, oversampling by 8,
/// hardware flow control, DMA, LIN/IrDA/smartcard and the error interrupt (CR3.EIE) are not modelled.
/// </summary>
public sealed class Usart : StPeripheral
{
    public const uint Cr1 = 0x00;
    public const uint Cr2 = 0x04;
    public const uint Cr3 = 0x08;
    public const uint Brr = 0x0C;
    public const uint Isr = 0x1C;
    public const uint Icr = 0x20;
    public const uint Rdr = 0x24;
    public const uint Tdr = 0x28;

    public const uint Cr1Ue = 1u << 0;
    public const uint Cr1Re = 1u << 2;
    public const uint Cr1Te = 1u << 3;
    public const uint Cr1Rxneie = 1u << 5;
    public const uint Cr1Tcie = 1u << 6;
    public const uint Cr1Txeie = 1u << 7;
    /// <summary>CR1 bits the model has: UE, RE, TE, RXNEIE, TCIE, TXEIE (M0/M1, OVER8, PCE, the other interrupts stay 0).</summary>
    const uint Cr1Modelled = Cr1Ue | Cr1Re | Cr1Te | Cr1Rxneie | Cr1Tcie | Cr1Txeie;

    public const uint IsrFe = 1u << 1;
    public const uint IsrOre = 1u << 3;
    public const uint IsrRxne = 1u << 5;
    public const uint IsrTc = 1u << 6;
    public const uint IsrTxe = 1u << 7;
    public const uint IsrTeack = 1u << 21;
    public const uint IsrReack = 1u << 22;

    public const uint IcrFecf = 1u << 1;
    public const uint IcrOrecf = 1u << 3;
    public const uint IcrTccf = 1u << 6;

    /// <summary>BRR: USARTDIV is at least 16 with 16x oversampling (RM0351 40.8.4).</summary>
    public const uint MinBrr = 16;

    readonly UartLine wire;
    readonly Func<long> kernelClockHz;
    readonly InterruptLine line;
    uint cr1, brr;
    uint isr = IsrTxe | IsrTc;
    byte rdr, tdr;
    bool shifting;

    public Usart(string name, uint baseAddress, int irq, ArmCore core, UartLine wire, Func<long> kernelClockHz) : base(name, baseAddress)
    {
        this.wire = wire;
        this.kernelClockHz = kernelClockHz;
        line = new InterruptLine(core, irq);
        wire.ByteReceived = OnByteReceived;
        wire.TransmitComplete = OnTransmitComplete;
    }

    bool Enabled(uint bit) => (cr1 & Cr1Ue) != 0 && (cr1 & bit) != 0;

    protected override uint? ReadRegister(uint offset)
    {
        switch (offset)
        {
            case Cr1: return cr1;
            case Cr2 or Cr3: return 0;
            case Brr: return brr;
            case Isr: return isr | (Enabled(Cr1Te) ? IsrTeack : 0) | (Enabled(Cr1Re) ? IsrReack : 0);
            case Rdr:
                isr &= ~IsrRxne;
                UpdateLine();
                return rdr;
            case Tdr: return tdr;
            default: return null;
        }
    }

    protected override bool WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Cr1:
                if ((value & ~Cr1Modelled) != 0) throw UnmodelledValue(offset, value, "only 8N1, 16x oversampling, RXNE/TC/TXE interrupts are modelled");
                // RM0351 40.8.1: M, OVER8 etc. may change only with UE = 0; the model has none of them.
                cr1 = value;
                if ((cr1 & Cr1Ue) == 0) isr = IsrTxe | IsrTc; // UE = 0 resets the status (40.8.1 UE)
                ApplyBaud();
                StartShift();
                break;
            case Cr2 or Cr3:
                if (value != 0) throw UnmodelledValue(offset, value, "CR2/CR3 options (stop bits, flow control, DMA, EIE) are not modelled");
                break;
            case Brr:
                if ((cr1 & Cr1Ue) != 0) break; // BRR is written only with UE = 0 (40.8.4); ignored otherwise
                brr = value & 0xFFFF;
                break;
            case Icr:
                isr &= ~(value & (IcrFecf | IcrOrecf | IcrTccf));
                break;
            case Tdr:
                if (!Enabled(Cr1Te)) break; // transmitter off: no effect
                tdr = (byte)value;
                isr &= ~(IsrTxe | IsrTc);
                StartShift();
                break;
            default: return false;
        }
        UpdateLine();
        return true;
    }

    void ApplyBaud()
    {
        if ((cr1 & Cr1Ue) == 0) return;
        if (brr < MinBrr) throw UnmodelledValue(Brr, brr, "USARTDIV below 16 with 16x oversampling");
        wire.SetChipBaud((double)kernelClockHz() / brr);
    }

    /// <summary>TDR to the shift register when that is free (TXE set again).</summary>
    void StartShift()
    {
        if (shifting || (isr & IsrTxe) != 0 || !Enabled(Cr1Te)) return;
        shifting = true;
        isr |= IsrTxe;
        wire.Transmit(tdr);
    }

    void OnTransmitComplete()
    {
        shifting = false;
        StartShift();
        if (!shifting) isr |= IsrTc;
        UpdateLine();
    }

    void OnByteReceived(byte value, bool framingError)
    {
        if (!Enabled(Cr1Re)) return;
        if ((isr & IsrRxne) != 0) isr |= IsrOre;
        else
        {
            rdr = value;
            isr |= IsrRxne | (framingError ? IsrFe : 0);
        }
        UpdateLine();
    }

    void UpdateLine() => line.Set(
        ((isr & (IsrRxne | IsrOre)) != 0 && (cr1 & Cr1Rxneie) != 0) ||
        ((isr & IsrTxe) != 0 && (cr1 & Cr1Txeie) != 0) ||
        ((isr & IsrTc) != 0 && (cr1 & Cr1Tcie) != 0));
}
