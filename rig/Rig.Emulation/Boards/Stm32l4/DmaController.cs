using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// DMA1 (RM0351 11 "Direct memory access controller", registers 11.6): seven channels, each with
/// CCR, CNDTR, CPAR, CMAR at 0x08 + 0x14 x (c - 1), flags in ISR (4 bits per channel: GIF, TCIF, HTIF,
/// TEIF) cleared through IFCR, and CSELR choosing each channel's request (11.3.2 Table 41). A request
/// from a peripheral (<see cref="Request"/>) moves one item peripheral -> memory (or back, CCR.DIR)
/// through the memory map, CNDTR counts down, HTIF at half, TCIF at the end, circular mode reloads
/// CNDTR and the addresses. A channel's interrupt (DMA1 channel c: position 10 + c) is the level of its
/// flags and their enables. Memory-to-memory and transfer errors (TEIF) are not modelled; the
/// transfers take no core cycles (ASSUMPTION: the AHB arbitration the DMA costs the core is not counted).
/// </summary>
public sealed class DmaController : StPeripheral
{
    public const uint Isr = 0x00;
    public const uint Ifcr = 0x04;
    public const uint Cselr = 0xA8;
    public const int Channels = 7;
    public const uint ChannelStride = 0x14;
    public const uint FirstChannel = 0x08;
    public const uint Ccr = 0x00, Cndtr = 0x04, Cpar = 0x08, Cmar = 0x0C;

    public const uint CcrEn = 1u << 0;
    public const uint CcrTcie = 1u << 1;
    public const uint CcrHtie = 1u << 2;
    public const uint CcrTeie = 1u << 3;
    public const uint CcrDir = 1u << 4;
    public const uint CcrCirc = 1u << 5;
    public const uint CcrPinc = 1u << 6;
    public const uint CcrMinc = 1u << 7;
    public const uint CcrMem2Mem = 1u << 14;

    public const uint FlagGif = 1, FlagTcif = 2, FlagHtif = 4, FlagTeif = 8;

    /// <summary>DMA1 channel c's interrupt is at NVIC position 10 + c (RM0351 NVIC table: channel 1 = 11 ... channel 7 = 17).</summary>
    public const int FirstChannelIrq = 11;

    readonly ArmCore core;
    readonly Channel[] channels = new Channel[Channels];
    uint cselr;

    public DmaController(string name, uint baseAddress, ArmCore core) : base(name, baseAddress)
    {
        this.core = core;
        for (var c = 0; c < Channels; c++) channels[c] = new Channel(new InterruptLine(core, FirstChannelIrq + c));
    }

    /// <summary>CSELR.CxS: the request line channel <paramref name="channel"/> (1-7) listens to.</summary>
    public uint Selection(int channel) => cselr >> (4 * (channel - 1)) & 0xF;

    /// <summary>
    /// Peripheral request <paramref name="selection"/> (CSELR value) on channel <paramref name="channel"/>:
    /// one transfer when the channel is enabled and listens to it; returns whether it was served.
    /// </summary>
    public bool Request(int channel, uint selection)
    {
        var ch = channels[channel - 1];
        if ((ch.Ccr & CcrEn) == 0 || Selection(channel) != selection || ch.Cndtr == 0) return false;
        ch.Transfer(core);
        return true;
    }

    protected override uint? ReadRegister(uint offset)
    {
        if (offset == Isr)
        {
            var isr = 0u;
            for (var i = 0; i < Channels; i++) isr |= channels[i].Flags << (4 * i);
            return isr;
        }
        if (offset == Ifcr) return 0;
        if (offset == Cselr) return cselr;
        if (ChannelRegister(offset) is not (int index, uint register)) return null;
        var ch = channels[index];
        return register switch
        {
            Ccr => ch.Ccr,
            Cndtr => ch.Cndtr,
            Cpar => ch.Cpar,
            _ => ch.Cmar,
        };
    }

    protected override bool WriteRegister(uint offset, uint value)
    {
        if (offset == Isr) return true; // read-only
        if (offset == Ifcr)
        {
            for (var i = 0; i < Channels; i++) channels[i].Clear(value >> (4 * i) & 0xF);
            return true;
        }
        if (offset == Cselr)
        {
            cselr = value & 0x0FFF_FFFF;
            return true;
        }
        if (ChannelRegister(offset) is not (int index, uint register)) return false;
        var ch = channels[index];
        if (register == Ccr)
        {
            if ((value & CcrMem2Mem) != 0) throw UnmodelledValue(offset, value, "memory-to-memory transfers are not modelled");
            ch.WriteCcr(value & 0x7FFF);
            return true;
        }
        // CNDTR, CPAR and CMAR are written only while the channel is disabled (RM0351 11.6.4-11.6.6); ignored otherwise.
        if ((ch.Ccr & CcrEn) != 0) return true;
        switch (register)
        {
            case Cndtr: ch.Cndtr = ch.Reload = value & 0xFFFF; break;
            case Cpar: ch.Cpar = value; break;
            default: ch.Cmar = value; break;
        }
        return true;
    }

    static (int Channel, uint Register)? ChannelRegister(uint offset)
    {
        if (offset < FirstChannel || offset >= FirstChannel + Channels * ChannelStride) return null;
        var at = offset - FirstChannel;
        var register = at % ChannelStride;
        return register <= Cmar ? ((int)(at / ChannelStride), register) : null;
    }

    sealed class Channel(InterruptLine line)
    {
        public uint Ccr, Cndtr, Reload, Cpar, Cmar;
        public uint Flags;
        uint done; // items moved in this lap (addresses are Cpar/Cmar + done x size when incrementing)

        public void WriteCcr(uint value)
        {
            var enabling = (value & CcrEn) != 0 && (Ccr & CcrEn) == 0;
            Ccr = value;
            if (enabling) done = 0;
            UpdateLine();
        }

        public void Clear(uint bits)
        {
            // CGIF clears all of the channel's flags.
            Flags &= (bits & FlagGif) != 0 ? 0 : ~bits;
            if ((Flags & (FlagTcif | FlagHtif | FlagTeif)) == 0) Flags &= ~FlagGif;
            UpdateLine();
        }

        public void Transfer(ArmCore core)
        {
            var psize = SizeBytes(Ccr >> 8 & 3);
            var msize = SizeBytes(Ccr >> 10 & 3);
            var peripheral = Cpar + ((Ccr & CcrPinc) != 0 ? done * psize : 0);
            var memory = Cmar + ((Ccr & CcrMinc) != 0 ? done * msize : 0);
            if ((Ccr & CcrDir) == 0) Move(core, peripheral, psize, memory, msize);
            else Move(core, memory, msize, peripheral, psize);
            done++;
            Cndtr--;
            if (Cndtr == Reload / 2) Flags |= FlagHtif | FlagGif;
            if (Cndtr == 0)
            {
                Flags |= FlagTcif | FlagGif;
                if ((Ccr & CcrCirc) != 0)
                {
                    Cndtr = Reload;
                    done = 0;
                }
            }
            UpdateLine();
        }

        /// <summary>RM0351 11.4.7 "Programmable data width": a narrower source is zero-extended, a wider one truncated.</summary>
        static void Move(ArmCore core, uint from, uint fromSize, uint to, uint toSize)
        {
            var value = fromSize switch { 1 => core.Memory.Read8(from), 2 => core.Memory.Read16(from), _ => core.Memory.Read32(from) };
            switch (toSize)
            {
                case 1: core.Memory.Write8(to, value & 0xFF); break;
                case 2: core.Memory.Write16(to, value & 0xFFFF); break;
                default: core.Memory.Write32(to, value); break;
            }
        }

        static uint SizeBytes(uint field) => field switch { 0 => 1u, 1 => 2u, _ => 4u };

        void UpdateLine() => line.Set(
            ((Flags & FlagTcif) != 0 && (Ccr & CcrTcie) != 0) ||
            ((Flags & FlagHtif) != 0 && (Ccr & CcrHtie) != 0) ||
            ((Flags & FlagTeif) != 0 && (Ccr & CcrTeie) != 0));
    }
}
