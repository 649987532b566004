using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// RESETS (datasheet 2.14 "Subsystem resets"): RESET holds a block in reset while its bit is set,
/// RESET_DONE reports the blocks out of reset (at once in the model: the reset sequencer finishes
/// before the port's first poll). After the boot ROM's flash boot every block is in reset except
/// IO_QSPI and PADS_QSPI, which the ROM brings up to read boot2 (ASSUMPTION: datasheet 2.8.1 says the
/// ROM configures the QSPI pads; which other blocks it leaves running is not stated).
/// </summary>
public sealed class Rp2040Resets(ArmCore core) : Rp2040Block("RESETS", BaseAddress, core)
{
    public const uint BaseAddress = 0x4000_C000;

    public const uint Reset = 0x0, WdSel = 0x4, ResetDone = 0x8;
    public const uint AllBlocks = 0x01FF_FFFF;
    public const int Adc = 0, Dma = 2, IoBank0 = 5, IoQspi = 6, PadsBank0 = 8, PadsQspi = 9, PllSys = 12, PllUsb = 13, Uart0 = 22;

    uint reset = AllBlocks & ~(1u << IoQspi | 1u << PadsQspi);
    uint wdsel;

    public bool InReset(int bit) => bit >= 0 && (reset & (1u << bit)) != 0;

    /// <summary>Raised with the bit of each block whose reset is asserted (its registers return to their reset values).</summary>
    public event Action<int>? Asserted;

    protected override uint Read(uint register) => register switch
    {
        Reset => reset,
        WdSel => wdsel,
        ResetDone => ~reset & AllBlocks,
        _ => throw Unmodelled(register, write: false),
    };

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case Reset:
                var asserted = value & AllBlocks & ~reset;
                reset = value & AllBlocks;
                for (var bit = 0; asserted != 0; bit++, asserted >>= 1)
                    if ((asserted & 1) != 0) Asserted?.Invoke(bit);
                break;
            case WdSel: wdsel = value & AllBlocks; break;
            default: throw Unmodelled(register, write: true);
        }
    }
}
