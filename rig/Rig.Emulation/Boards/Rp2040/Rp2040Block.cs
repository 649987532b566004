using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// An RP2040 APB/AHB-Lite register block with the atomic aliases of datasheet 2.1.2: each block has
/// 4 KB of registers mirrored at +0x1000 (XOR), +0x2000 (SET) and +0x3000 (CLR) of its base; a write to
/// an alias changes only the bits written as 1. Reads through an alias read the register. A block with
/// a bit in RESETS.RESET (datasheet 2.14) stops the run when it is accessed while held in reset: on the
/// chip the access would not reach it.
/// </summary>
public abstract class Rp2040Block : RegisterBlock
{
    readonly Rp2040Resets? resets;
    readonly int resetBit;

    protected Rp2040Block(string name, uint baseAddress, ArmCore core, Rp2040Resets? resets = null, int resetBit = -1) : base(name, baseAddress)
    {
        Core = core;
        this.resets = resets;
        this.resetBit = resetBit;
        if (resets is not null) resets.Asserted += bit => { if (bit == resetBit) OnReset(); };
    }

    public const uint WindowSize = 0x4000;
    public const uint AliasXor = 0x1000, AliasSet = 0x2000, AliasClr = 0x3000;

    protected ArmCore Core { get; }

    /// <summary>The block's reset was asserted: back to the registers' reset values.</summary>
    protected virtual void OnReset() { }

    protected sealed override uint ReadRegister(uint offset) => InReset(offset, write: false) ? 0 : Read(offset & 0xFFF);

    protected sealed override void WriteRegister(uint offset, uint value)
    {
        if (InReset(offset, write: true)) return;
        var register = offset & 0xFFF;
        switch (offset & 0x3000)
        {
            case 0: Write(register, value); break;
            case AliasXor: Write(register, Peek(register) ^ value); break;
            case AliasSet: Write(register, Peek(register) | value); break;
            default: Write(register, Peek(register) & ~value); break;
        }
    }

    bool InReset(uint offset, bool write)
    {
        if (resets is null || !resets.InReset(resetBit)) return false;
        Core.StopRun(StopReason.UnmappedAccess,
            $"{Name}: {(write ? "write to" : "read from")} 0x{Base + offset:X8} while the block is held in reset (RESETS.RESET bit {resetBit} set)",
            Base + offset);
        return true;
    }

    protected abstract uint Read(uint register);

    protected abstract void Write(uint register, uint value);

    /// <summary>The register's value without a read's side effects (what an alias write modifies).</summary>
    protected virtual uint Peek(uint register) => Read(register);
}
