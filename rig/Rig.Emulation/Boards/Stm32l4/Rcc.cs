using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// Reset and clock control (RM0351 6.4 "RCC registers", at 0x40021000) as far as the port drives it:
/// the MSI at 4 MHz from reset (CR.MSIRANGE = 6) feeding the main PLL (PLLCFGR: source, M, N, R),
/// PLLON -> PLLRDY after the lock time, the system clock switch (CFGR.SW -> SWS once the source is
/// ready) with the AHB/APB prescalers, and the peripheral clock enables the other models are gated by.
/// Switching SYSCLK checks what the chip needs: the PLL's VCO range and output limit, enough flash
/// wait states for the new HCLK (FLASH_ACR), and that HCLK is the profile's clock (the emulated UART,
/// microphone and cycle counts are timed in it). HSI16, HSE, LSE, the SAI PLLs, MCO and the
/// independent clock selections (CCIPR, all at reset: DFSDM1 on PCLK2) are not modelled.
/// </summary>
public sealed class Rcc : StPeripheral, IClocked
{
    public const uint BaseAddress = 0x4002_1000;

    public const uint Cr = 0x00;
    public const uint Cfgr = 0x08;
    public const uint Pllcfgr = 0x0C;
    public const uint Ahb1Enr = 0x48;
    public const uint Ahb2Enr = 0x4C;
    public const uint Apb1Enr1 = 0x58;
    public const uint Apb2Enr = 0x60;

    /// <summary>CR reset: MSION, MSIRDY, MSIRANGE = 6 (4 MHz).</summary>
    public const uint CrReset = 0x0000_0063;
    public const uint CrPllOn = 1u << 24;
    public const uint CrPllRdy = 1u << 25;
    /// <summary>The CR bits the model lets software change: PLLON (the MSI bits must keep their reset values).</summary>
    const uint CrWritable = CrPllOn;
    const uint CrReadOnly = 1u << 1 | 1u << 10 | 1u << 17 | CrPllRdy | 1u << 27 | 1u << 29;

    /// <summary>PLLCFGR reset: PLLN = 16, source none.</summary>
    public const uint PllcfgrReset = 0x0000_1000;
    /// <summary>AHB1ENR reset: FLASHEN.</summary>
    public const uint Ahb1EnrReset = 0x0000_0100;

    /// <summary>CFGR: SW[1:0], SWS[3:2] (read-only), HPRE[7:4], PPRE1[10:8], PPRE2[13:11].</summary>
    const uint CfgrModelled = 0x3FFF;
    public const uint SwMsi = 0;
    public const uint SwPll = 3;

    public const uint Ahb1Dma1 = 1u << 0;
    public const uint Ahb2GpioD = 1u << 3;
    public const uint Ahb2GpioE = 1u << 4;
    public const uint Apb1Usart2 = 1u << 17;
    public const uint Apb2Dfsdm1 = 1u << 24;

    /// <summary>RM0351 6.2.3 "MSI clock": range 6 is 4 MHz.</summary>
    public const long MsiHz = 4_000_000;

    /// <summary>
    /// PLL lock time: 15 us, the typical t_LOCK of the STM32L476 datasheet (DS10198, "PLL, PLLSAI1 and
    /// PLLSAI2 characteristics"; 40 us max), counted at the SYSCLK that runs meanwhile.
    /// </summary>
    public const double PllLockSeconds = 15e-6;

    /// <summary>RM0351 6.4.4 RCC_PLLCFGR: VCO output 64..344 MHz, PLLN 8..86; the system clock at most 80 MHz.</summary>
    public const long VcoMinHz = 64_000_000, VcoMaxHz = 344_000_000, SysclkMaxHz = 80_000_000;

    readonly ArmCore core;
    readonly FlashInterface flash;
    readonly long profileHz;
    uint cr = CrReset, cfgr, pllcfgr = PllcfgrReset;
    uint ahb1enr = Ahb1EnrReset, ahb2enr, apb1enr1, apb2enr;
    ulong pllReadyAt = ulong.MaxValue;

    public Rcc(ArmCore core, FlashInterface flash, long profileHz) : base("RCC", BaseAddress)
    {
        this.core = core;
        this.flash = flash;
        this.profileHz = profileHz;
        core.AddClocked(this);
    }

    /// <summary>SYSCLK now: the MSI until the switch to the PLL.</summary>
    public long SysclkHz => (cfgr >> 2 & 3) == SwPll ? PllOutputHz : MsiHz;

    public long HclkHz => SysclkHz / AhbDivider(cfgr >> 4 & 0xF);
    public long Pclk1Hz => HclkHz / ApbDivider(cfgr >> 8 & 7);
    public long Pclk2Hz => HclkHz / ApbDivider(cfgr >> 11 & 7);

    /// <summary>The PLL's R output: MSI / M x N / R (RM0351 6.4.4).</summary>
    public long PllOutputHz
    {
        get
        {
            var (m, n, r) = PllFactors;
            return MsiHz / m * n / r;
        }
    }

    (long M, long N, long R) PllFactors => ((pllcfgr >> 4 & 7) + 1, pllcfgr >> 8 & 0x7F, ((pllcfgr >> 25 & 3) + 1) * 2);

    public bool Enabled(uint register, uint bit) => (register switch
    {
        Ahb1Enr => ahb1enr,
        Ahb2Enr => ahb2enr,
        Apb1Enr1 => apb1enr1,
        Apb2Enr => apb2enr,
        _ => throw new ArgumentOutOfRangeException(nameof(register)),
    } & bit) != 0;

    static long AhbDivider(uint hpre) => hpre < 8 ? 1 : (hpre - 7) switch { 1 => 2, 2 => 4, 3 => 8, 4 => 16, 5 => 64, 6 => 128, 7 => 256, _ => 512 };

    static long ApbDivider(uint ppre) => ppre < 4 ? 1 : 1L << (int)(ppre - 3);

    protected override uint? ReadRegister(uint offset) => offset switch
    {
        Cr => cr,
        Cfgr => cfgr,
        Pllcfgr => pllcfgr,
        Ahb1Enr => ahb1enr,
        Ahb2Enr => ahb2enr,
        Apb1Enr1 => apb1enr1,
        Apb2Enr => apb2enr,
        _ => null,
    };

    protected override bool WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Cr: WriteCr(value); break;
            case Cfgr: WriteCfgr(value); break;
            case Pllcfgr:
                // RM0351 6.4.4: PLLCFGR may be written only while the PLL is off (otherwise ignored).
                if ((cr & CrPllOn) != 0) break;
                if ((value & 3) is not (0 or 1)) throw UnmodelledValue(offset, value, "only the MSI as PLL source is modelled");
                if ((value & (1u << 16 | 1u << 20)) != 0) throw UnmodelledValue(offset, value, "the PLL's P and Q outputs are not modelled");
                pllcfgr = value;
                break;
            case Ahb1Enr: ahb1enr = value; break;
            case Ahb2Enr: ahb2enr = value; break;
            case Apb1Enr1: apb1enr1 = value; break;
            case Apb2Enr: apb2enr = value; break;
            default: return false;
        }
        return true;
    }

    void WriteCr(uint value)
    {
        var changed = (value ^ cr) & ~CrReadOnly;
        if ((changed & ~CrWritable) != 0) throw UnmodelledValue(Cr, value, "only PLLON is modelled (MSI at 4 MHz; HSI16, HSE and the SAI PLLs stay off)");
        var on = (value & CrPllOn) != 0;
        if (on == ((cr & CrPllOn) != 0)) return;
        if (!on)
        {
            // The PLL cannot be stopped while it is the system clock (RM0351 6.4.1 PLLON).
            if ((cfgr >> 2 & 3) == SwPll) return;
            cr &= ~(CrPllOn | CrPllRdy);
            pllReadyAt = ulong.MaxValue;
            core.Reschedule();
            return;
        }
        CheckPll();
        cr |= CrPllOn;
        pllReadyAt = core.Cycles + (ulong)Math.Ceiling(PllLockSeconds * SysclkHz);
        core.Reschedule();
    }

    void CheckPll()
    {
        var (m, n, r) = PllFactors;
        if ((pllcfgr & 3) != 1) throw UnmodelledValue(Cr, cr | CrPllOn, "PLLON with no PLL source selected (PLLCFGR.PLLSRC)");
        if ((pllcfgr & 1u << 24) == 0) throw UnmodelledValue(Cr, cr | CrPllOn, "PLLON with the R output (SYSCLK's) disabled (PLLCFGR.PLLREN)");
        var vco = MsiHz / m * n;
        if (n is < 8 or > 86 || vco is < VcoMinHz or > VcoMaxHz)
            throw UnmodelledValue(Cr, cr | CrPllOn, $"PLL VCO {vco} Hz (N = {n}) outside RM0351's 64..344 MHz, N 8..86");
        if (vco / r > SysclkMaxHz) throw UnmodelledValue(Cr, cr | CrPllOn, $"PLL R output {vco / r} Hz above 80 MHz");
    }

    void WriteCfgr(uint value)
    {
        if ((value & ~CfgrModelled) != 0) throw UnmodelledValue(Cfgr, value, "only SW, HPRE, PPRE1 and PPRE2 are modelled");
        var sw = value & 3;
        if (sw is not (SwMsi or SwPll)) throw UnmodelledValue(Cfgr, value, "only the MSI and the PLL as system clock are modelled");
        // SW reads back as written; SWS follows once the new source is ready (RM0351 6.4.3), so a PLL
        // that has not locked yet keeps the old clock.
        var sws = sw == SwPll && (cr & CrPllRdy) == 0 ? cfgr >> 2 & 3 : sw;
        cfgr = (value & CfgrModelled & ~0xCu) | sws << 2;
        var hclk = HclkHz;
        if (flash.Latency < FlashInterface.LatencyNeeded(hclk))
            throw UnmodelledValue(Cfgr, value, $"HCLK {hclk} Hz needs {FlashInterface.LatencyNeeded(hclk)} flash wait states, FLASH_ACR.LATENCY is {flash.Latency} (RM0351 3.3.3 Table 9)");
        if (sws == SwPll && hclk != profileHz)
            throw UnmodelledValue(Cfgr, value, $"HCLK {hclk} Hz is not the profile's board.clock_hz {profileHz} (the emulated peripherals are timed in it)");
    }

    public ulong NextEventCycle => pllReadyAt;

    public void Service(ulong now)
    {
        if (now < pllReadyAt) return;
        pllReadyAt = ulong.MaxValue;
        cr |= CrPllRdy;
        // A switch to the PLL requested before it locked happens now.
        if ((cfgr & 3) == SwPll) WriteCfgr(cfgr);
    }
}
