using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// DMA channel 0 (datasheet 2.5 "DMA", registers 2.5.7), paced by a DREQ: while the channel is busy
/// and its TREQ_SEL's request is asserted it moves one item from READ_ADDR to WRITE_ADDR through the
/// bus (so reading the ADC FIFO pops it), advancing the addresses (INCR_READ/INCR_WRITE, the write
/// address wrapping inside a 2^RING_SIZE-byte ring with RING_SEL) and counting TRANS_COUNT down. Writing
/// TRANS_COUNT sets the reload value; a trigger (CTRL_TRIG, AL1_TRANS_COUNT_TRIG) copies it into the live
/// counter and starts the channel when CTRL.EN is set. At zero the channel stops and sets its INTR bit,
/// which INTE0 routes to DMA_IRQ_0 (INTS0 reads INTR &amp; INTE0 | INTF0, write 1 to clear). CHAN_ABORT
/// stops it at once. Transfers take no core cycles (ASSUMPTION: one halfword per 62.5 us). Channels
/// 1-11, chaining, sniffing, byte swap and DMA_IRQ_1 are not modelled.
/// </summary>
public sealed class Rp2040Dma : Rp2040Block
{
    public const uint BaseAddress = 0x5000_0000;

    public const uint ReadAddr = 0x00, WriteAddr = 0x04, TransCount = 0x08, CtrlTrig = 0x0C;
    public const uint Al1Ctrl = 0x10, Al1ReadAddr = 0x14, Al1WriteAddr = 0x18, Al1TransCountTrig = 0x1C;
    public const uint Intr = 0x400, Inte0 = 0x404, Intf0 = 0x408, Ints0 = 0x40C, ChanAbort = 0x444;
    public const uint CtrlEn = 1u << 0, CtrlIncrRead = 1u << 4, CtrlIncrWrite = 1u << 5, CtrlRingSel = 1u << 10;
    public const uint CtrlBusy = 1u << 24, CtrlIrqQuiet = 1u << 21, CtrlBswap = 1u << 22, CtrlSniffEn = 1u << 23;
    public const int CtrlDataSizePos = 2, CtrlRingSizePos = 6, CtrlChainToPos = 11, CtrlTreqSelPos = 15;
    public const uint TreqPermanent = 0x3F;

    readonly Func<uint, bool> dreq;
    readonly InterruptLine irq;
    uint readAddr, writeAddr, reload, count, ctrl, intr, inte0, intf0;
    bool busy;

    /// <param name="dreq">Whether the data request of a TREQ_SEL number is asserted (DREQ_ADC = 36, ...).</param>
    public Rp2040Dma(ArmCore core, Rp2040Resets resets, Func<uint, bool> dreq, int irqNumber)
        : base("DMA", BaseAddress, core, resets, Rp2040Resets.Dma)
    {
        this.dreq = dreq;
        irq = new InterruptLine(core, irqNumber);
    }

    /// <summary>Items moved since reset.</summary>
    public long Transfers { get; private set; }

    uint Treq => (ctrl >> CtrlTreqSelPos) & 0x3F;

    protected override void OnReset()
    {
        (readAddr, writeAddr, reload, count, ctrl, intr, inte0, intf0, busy) = (0, 0, 0, 0, 0, 0, 0, 0, false);
        UpdateIrq();
    }

    /// <summary>A DREQ may have changed: move items while the channel is busy and its request is asserted.</summary>
    public void Pace()
    {
        while (busy && Treq != TreqPermanent && dreq(Treq)) Transfer();
    }

    void Transfer()
    {
        var size = 1u << (int)((ctrl >> CtrlDataSizePos) & 3);
        var memory = Core.Memory;
        switch (size)
        {
            case 1: memory.Write8(writeAddr, memory.Read8(readAddr)); break;
            case 2: memory.Write16(writeAddr, memory.Read16(readAddr)); break;
            default: memory.Write32(writeAddr, memory.Read32(readAddr)); break;
        }
        Transfers++;
        var ring = (int)((ctrl >> CtrlRingSizePos) & 0xF);
        var wrapWrite = ring != 0 && (ctrl & CtrlRingSel) != 0;
        var wrapRead = ring != 0 && (ctrl & CtrlRingSel) == 0;
        if ((ctrl & CtrlIncrRead) != 0) readAddr = Advance(readAddr, size, wrapRead ? ring : 0);
        if ((ctrl & CtrlIncrWrite) != 0) writeAddr = Advance(writeAddr, size, wrapWrite ? ring : 0);
        if (--count == 0)
        {
            busy = false;
            intr |= 1;
            UpdateIrq();
        }
    }

    static uint Advance(uint address, uint size, int ringBits)
    {
        if (ringBits == 0) return address + size;
        var mask = (1u << ringBits) - 1;
        return (address & ~mask) | ((address + size) & mask);
    }

    void Trigger()
    {
        if ((ctrl & CtrlEn) == 0) return;
        if ((ctrl & (CtrlIrqQuiet | CtrlBswap | CtrlSniffEn)) != 0 || ((ctrl >> CtrlChainToPos) & 0xF) != 0 || Treq == TreqPermanent)
        {
            Core.StopRun(Cpu.StopReason.UnmappedAccess, $"DMA channel 0 triggered with CTRL 0x{ctrl:X8}: the model runs a DREQ-paced channel without chaining, sniffing, byte swap or quiet IRQ", BaseAddress + CtrlTrig);
            return;
        }
        count = reload;
        busy = count != 0;
        Pace();
    }

    protected override uint Read(uint register) => register switch
    {
        ReadAddr or Al1ReadAddr => readAddr,
        WriteAddr or Al1WriteAddr => writeAddr,
        TransCount or Al1TransCountTrig => count,
        CtrlTrig or Al1Ctrl => ctrl | (busy ? CtrlBusy : 0),
        Intr => intr,
        Inte0 => inte0,
        Intf0 => intf0,
        Ints0 => (intr & inte0) | intf0,
        ChanAbort => 0, // the abort completes at once
        _ => throw Unmodelled(register, write: false),
    };

    protected override uint Peek(uint register) => register is CtrlTrig or Al1Ctrl ? ctrl : Read(register);

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case ReadAddr or Al1ReadAddr: readAddr = value; break;
            case WriteAddr or Al1WriteAddr: writeAddr = value; break;
            case TransCount: reload = value; break;
            case Al1TransCountTrig:
                reload = value;
                Trigger();
                break;
            case CtrlTrig:
                ctrl = value & ~CtrlBusy;
                Trigger();
                break;
            case Al1Ctrl: ctrl = value & ~CtrlBusy; break;
            case Intr or Ints0: intr &= ~value; break;
            case Inte0: inte0 = value & 0xFFF; break;
            case Intf0: intf0 = value & 0xFFF; break;
            case ChanAbort:
                if ((value & ~1u) != 0) throw Unmodelled(register, write: true);
                if ((value & 1) != 0) busy = false;
                break;
            default: throw Unmodelled(register, write: true);
        }
        UpdateIrq();
    }

    void UpdateIrq() => irq.Set(((intr & inte0) | intf0) != 0);
}
