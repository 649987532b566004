using Rig.Emulation.Boards.Common;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// PY32F003 reset and clock control (Reference Manual, "Reset and clock control (RCC)"): the HSI runs
/// from reset (HSION, HSIRDY set) and SYSCLK = HCLK = PCLK = HSI (RCC_CFGR at its reset value, prescalers
/// /1). RCC_ICSCR.HSI_FS picks the HSI band; <see cref="SysclkHz"/> follows it, so a port that picks
/// another band than the profile's clock gets a UART at the wrong baud, as on the chip. HSIRDY reads set
/// at once: the band switch settles within the time the port takes to read it (ASSUMPTION). The
/// peripheral clock enables are kept and read back.
/// </summary>
public sealed class Py32Rcc() : RegisterBlock("RCC", BaseAddress)
{
    public const uint BaseAddress = 0x4002_1000;
    public const uint Size = 0x400;

    public const uint Cr = 0x00, Icscr = 0x04, Iopenr = 0x34, Ahbenr = 0x38, Apbenr1 = 0x3C, Apbenr2 = 0x40;
    public const uint CrHsiOn = 1u << 8, CrHsiRdy = 1u << 10;
    public const int IcscrHsiFsPos = 13;
    public const uint IcscrHsiTrimMask = 0x1FFF;

    /// <summary>RM "RCC_ICSCR" HSI_FS[15:13]: 000 4 MHz, 001 8 MHz, 010 16 MHz, 011 22.12 MHz, 100 24 MHz.</summary>
    static readonly long[] HsiBandsHz = [4_000_000, 8_000_000, 16_000_000, 22_120_000, 24_000_000];

    uint cr = CrHsiOn | CrHsiRdy;
    // RM "RCC_ICSCR" reset value: HSI_FS = 000 (4 MHz band), trim loaded by the boot loader.
    uint icscr;
    uint iopenr, ahbenr, apbenr1, apbenr2;

    /// <summary>SYSCLK = HCLK = PCLK: the HSI band selected (0 for a reserved HSI_FS value).</summary>
    public long SysclkHz
    {
        get
        {
            var fs = (int)((icscr >> IcscrHsiFsPos) & 7);
            return fs < HsiBandsHz.Length ? HsiBandsHz[fs] : 0;
        }
    }

    public long PclkHz => SysclkHz;

    protected override uint ReadRegister(uint offset) => offset switch
    {
        Cr => cr,
        Icscr => icscr,
        Iopenr => iopenr,
        Ahbenr => ahbenr,
        Apbenr1 => apbenr1,
        Apbenr2 => apbenr2,
        _ => throw Unmodelled(offset, write: false),
    };

    protected override void WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Cr:
                // Only the HSI is modelled; HSIRDY follows HSION.
                if ((value & ~(CrHsiOn | CrHsiRdy)) != 0) throw Unmodelled(offset, write: true);
                cr = (value & CrHsiOn) != 0 ? CrHsiOn | CrHsiRdy : 0;
                break;
            case Icscr: icscr = value & 0xFFFF; break;
            case Iopenr: iopenr = value; break;
            case Ahbenr: ahbenr = value; break;
            case Apbenr1: apbenr1 = value; break;
            case Apbenr2: apbenr2 = value; break;
            default: throw Unmodelled(offset, write: true);
        }
    }
}
