using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// PLL_SYS or PLL_USB (datasheet 2.18 "PLL"): reference = XOSC / CS.REFDIV, VCO = reference x FBDIV_INT,
/// output = VCO / (POSTDIV1 x POSTDIV2) once PWR.PD, VCOPD and POSTDIVPD are clear. CS.LOCK is set when
/// the VCO is powered with the datasheet's limits met (FBDIV 16..320, VCO 750..1600 MHz, reference at
/// least 5 MHz; 2.18.2) and the crystal is stable; ASSUMPTION: it locks before the port's first poll
/// (the datasheet gives no lock time). Outside those limits it never locks, as the port would find.
/// </summary>
public sealed class Rp2040Pll : Rp2040Block
{
    public const uint SysBase = 0x4002_8000, UsbBase = 0x4002_C000;

    public const uint Cs = 0x0, Pwr = 0x4, FbdivInt = 0x8, Prim = 0xC;
    public const uint CsLock = 1u << 31, CsBypass = 1u << 8;
    public const uint PwrPd = 1u << 0, PwrDsmpd = 1u << 2, PwrPostdivPd = 1u << 3, PwrVcoPd = 1u << 5;

    readonly Rp2040Xosc xosc;
    uint cs, pwr, fbdiv, prim;

    public Rp2040Pll(string name, uint baseAddress, ArmCore core, Rp2040Resets resets, int resetBit, Rp2040Xosc xosc)
        : base(name, baseAddress, core, resets, resetBit)
    {
        this.xosc = xosc;
        OnReset();
    }

    // Reset values (datasheet 2.18.4): CS.REFDIV 1, PWR 0x2D (all powered down), PRIM POSTDIV1 = POSTDIV2 = 7.
    protected override void OnReset() => (cs, pwr, fbdiv, prim) = (1, 0x2D, 0, 0x7_7000);

    double ReferenceHz => xosc.Stable && (cs & 0x3F) != 0 ? (double)Rp2040Xosc.CrystalHz / (cs & 0x3F) : 0;

    double VcoHz => ReferenceHz * fbdiv;

    bool Locked =>
        (pwr & (PwrPd | PwrVcoPd)) == 0 && fbdiv is >= 16 and <= 320 && ReferenceHz >= 5e6
        && VcoHz is >= 750e6 and <= 1600e6;

    /// <summary>The PLL's output (0 while it is not locked or its post dividers are powered down).</summary>
    public double OutputHz
    {
        get
        {
            var post1 = (prim >> 16) & 7;
            var post2 = (prim >> 12) & 7;
            return Locked && (pwr & PwrPostdivPd) == 0 && post1 != 0 && post2 != 0 ? VcoHz / (post1 * post2) : 0;
        }
    }

    protected override uint Read(uint register) => register switch
    {
        Cs => cs | (Locked ? CsLock : 0),
        Pwr => pwr,
        FbdivInt => fbdiv,
        Prim => prim,
        _ => throw Unmodelled(register, write: false),
    };

    protected override uint Peek(uint register) => register == Cs ? cs : Read(register);

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case Cs:
                if ((value & CsBypass) != 0) throw Unmodelled(register, write: true); // bypass is not modelled
                cs = value & 0x3F;
                break;
            case Pwr: pwr = value & (PwrPd | PwrDsmpd | PwrPostdivPd | PwrVcoPd); break;
            case FbdivInt: fbdiv = value & 0xFFF; break;
            case Prim: prim = value & 0x7_7000; break;
            default: throw Unmodelled(register, write: true);
        }
    }
}
