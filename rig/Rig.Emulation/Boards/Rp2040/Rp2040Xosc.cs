using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// The crystal oscillator (datasheet 2.16 "Crystal Oscillator (XOSC)"), a 12 MHz crystal on the Pico:
/// CTRL.ENABLE = 0xFAB starts it, STATUS.STABLE is set once STARTUP.DELAY x 256 crystal periods have
/// passed (counted in core cycles at the clk_sys of the moment the port enabled it).
/// </summary>
public sealed class Rp2040Xosc(ArmCore core, Func<double> clkSysHz) : Rp2040Block("XOSC", BaseAddress, core)
{
    public const uint BaseAddress = 0x4002_4000;
    public const long CrystalHz = 12_000_000;

    public const uint Ctrl = 0x00, Status = 0x04, Startup = 0x0C;
    public const uint CtrlEnableMagic = 0xFAB, CtrlDisableMagic = 0xD1E;
    public const int CtrlEnablePos = 12;
    public const uint StatusStable = 1u << 31, StatusEnabled = 1u << 12;

    // Reset values (datasheet 2.16.7): CTRL.FREQ_RANGE 0xAA0 (1-15 MHz), STARTUP.DELAY 0xC4.
    uint ctrl = 0xAA0, startup = 0xC4;
    ulong stableAt = ulong.MaxValue;

    public bool Stable => Core.Cycles >= stableAt;

    protected override uint Read(uint register) => register switch
    {
        Ctrl => ctrl,
        Status => (ctrl & 0x3) | (stableAt != ulong.MaxValue ? StatusEnabled : 0) | (Stable ? StatusStable : 0),
        Startup => startup,
        _ => throw Unmodelled(register, write: false),
    };

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case Ctrl:
                ctrl = value & 0xFF_FFFF;
                var enable = (value >> CtrlEnablePos) & 0xFFF;
                if (enable == CtrlEnableMagic && stableAt == ulong.MaxValue)
                    stableAt = Core.Cycles + (ulong)Math.Ceiling((startup & 0x3FFF) * 256.0 * clkSysHz() / CrystalHz);
                else if (enable == CtrlDisableMagic) stableAt = ulong.MaxValue;
                break;
            case Startup: startup = value & 0x10_3FFF; break;
            default: throw Unmodelled(register, write: true);
        }
    }
}
