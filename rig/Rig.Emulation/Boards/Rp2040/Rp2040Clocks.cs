using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// The clock generators the port sets up (datasheet 2.15 "Clocks", registers 2.15.7): clk_ref (SRC: 0
/// ROSC, 2 XOSC), clk_sys (SRC: 0 clk_ref, 1 AUXSRC; AUXSRC 0 = PLL_SYS; DIV INT.FRAC), clk_peri
/// (ENABLE, AUXSRC 0 = clk_sys) and clk_adc (ENABLE, AUXSRC 0 = PLL_USB, DIV INT). The glitchless
/// muxes' SELECTED registers show the new source at once (ASSUMPTION: the switch completes within the
/// port's first poll). The ring oscillator runs at its nominal 6.5 MHz (datasheet 2.17; the real one
/// varies with process, voltage and temperature). Other sources and generators are not modelled.
/// </summary>
public sealed class Rp2040Clocks : Rp2040Block
{
    public const uint BaseAddress = 0x4000_8000;
    public const double RoscHz = 6_500_000;

    public const uint RefCtrl = 0x30, RefDiv = 0x34, RefSelected = 0x38;
    public const uint SysCtrl = 0x3C, SysDiv = 0x40, SysSelected = 0x44;
    public const uint PeriCtrl = 0x48, PeriSelected = 0x50;
    public const uint AdcCtrl = 0x60, AdcDiv = 0x64, AdcSelected = 0x68;
    public const uint CtrlEnable = 1u << 11, AuxSrcMask = 7u << 5;
    public const uint RefSrcRosc = 0, RefSrcXosc = 2;

    readonly Rp2040Xosc xosc;
    readonly Rp2040Pll pllSys, pllUsb;
    // Reset values (datasheet 2.15.7): every DIV is 1.0 (INT = 1), sources 0, clk_peri and clk_adc off.
    uint refCtrl, refDiv = 0x100, sysCtrl, sysDiv = 0x100, periCtrl, adcCtrl, adcDiv = 0x100;

    public Rp2040Clocks(ArmCore core, Rp2040Xosc xosc, Rp2040Pll pllSys, Rp2040Pll pllUsb) : base("CLOCKS", BaseAddress, core)
    {
        this.xosc = xosc;
        this.pllSys = pllSys;
        this.pllUsb = pllUsb;
    }

    public double ClkRefHz => ((refCtrl & 3) switch
    {
        RefSrcRosc => RoscHz,
        RefSrcXosc => xosc.Stable ? Rp2040Xosc.CrystalHz : 0,
        _ => 0,
    }) / Math.Max((refDiv >> 8) & 3, 1);

    public double ClkSysHz
    {
        get
        {
            var source = (sysCtrl & 1) == 0 ? ClkRefHz : (sysCtrl & AuxSrcMask) == 0 ? pllSys.OutputHz : 0;
            var divider = (sysDiv >> 8) + (sysDiv & 0xFF) / 256.0;
            return divider == 0 ? 0 : source / divider;
        }
    }

    public double ClkPeriHz => (periCtrl & CtrlEnable) != 0 && (periCtrl & AuxSrcMask) == 0 ? ClkSysHz : 0;

    public double ClkAdcHz => (adcCtrl & CtrlEnable) != 0 && (adcCtrl & AuxSrcMask) == 0 ? pllUsb.OutputHz / Math.Max((adcDiv >> 8) & 3, 1) : 0;

    protected override uint Read(uint register) => register switch
    {
        RefCtrl => refCtrl,
        RefDiv => refDiv,
        RefSelected => 1u << (int)(refCtrl & 3),
        SysCtrl => sysCtrl,
        SysDiv => sysDiv,
        SysSelected => 1u << (int)(sysCtrl & 1),
        PeriCtrl => periCtrl,
        PeriSelected => 1,
        AdcCtrl => adcCtrl,
        AdcDiv => adcDiv,
        AdcSelected => 1,
        _ => throw Unmodelled(register, write: false),
    };

    protected override void Write(uint register, uint value)
    {
        switch (register)
        {
            case RefCtrl:
                if ((value & 3) is not (RefSrcRosc or RefSrcXosc)) throw Unmodelled(register, write: true);
                refCtrl = value & 0x63;
                break;
            case RefDiv: refDiv = value & 0x300; break;
            case SysCtrl: sysCtrl = value & 0xE1; break;
            case SysDiv: sysDiv = value; break;
            case PeriCtrl: periCtrl = value; break;
            case AdcCtrl: adcCtrl = value; break;
            case AdcDiv: adcDiv = value & 0x300; break;
            default: throw Unmodelled(register, write: true);
        }
    }
}
