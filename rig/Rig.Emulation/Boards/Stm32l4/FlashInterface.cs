namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// The flash interface's access control register (RM0351 3.7.1 FLASH_ACR at 0x40022000): LATENCY
/// reads back what was written at once (the port polls it), the ART accelerator's prefetch, instruction
/// and data caches. The profile charges 0 flash wait states on the ASSUMPTION that every access hits
/// the ART (profiles/stm32l4.yaml); that holds only with prefetch and both caches on, so a latency
/// above 0 without them stops the run instead of counting cycles the chip would not. The other flash
/// registers (programming, option bytes) are not modelled. Reset value 0x00000600: caches on, 0 WS.
/// </summary>
public sealed class FlashInterface() : StPeripheral("FLASH", BaseAddress)
{
    public const uint BaseAddress = 0x4002_2000;
    public const uint Acr = 0x00;

    public const uint AcrReset = 0x0000_0600;
    public const uint LatencyMask = 7;
    public const uint Prften = 1u << 8;
    public const uint Icen = 1u << 9;
    public const uint Dcen = 1u << 10;
    public const uint Icrst = 1u << 11;
    public const uint Dcrst = 1u << 12;
    public const uint RunPd = 1u << 13;
    public const uint SleepPd = 1u << 14;

    /// <summary>RM0351 3.3.3 Table 9: LATENCY values 0-4 wait states.</summary>
    public const uint MaxLatency = 4;

    uint acr = AcrReset;

    public int Latency => (int)(acr & LatencyMask);

    /// <summary>
    /// Wait states HCLK needs in voltage range 1 (RM0351 3.3.3 Table 9 "Number of wait states according
    /// to CPU clock (HCLK) frequency": 16, 32, 48, 64, 80 MHz per step).
    /// </summary>
    public static int LatencyNeeded(long hclkHz) => (int)Math.Max(0, (hclkHz - 1) / 16_000_000);

    protected override uint? ReadRegister(uint offset) => offset == Acr ? acr : null;

    protected override bool WriteRegister(uint offset, uint value)
    {
        if (offset != Acr) return false;
        if ((value & LatencyMask) > MaxLatency) throw UnmodelledValue(offset, value, "LATENCY above 4 wait states is reserved");
        if ((value & (RunPd | SleepPd)) != 0) throw UnmodelledValue(offset, value, "flash power-down in run or sleep mode is not modelled");
        if ((value & LatencyMask) > 0 && (value & (Prften | Icen | Dcen)) != (Prften | Icen | Dcen))
            throw UnmodelledValue(offset, value, "wait states with the ART prefetch or caches off: the emulated flash charges 0 wait states (every access an ART hit)");
        // ICRST/DCRST reset the caches (only allowed with them off); the model has no cache contents.
        acr = value & (LatencyMask | Prften | Icen | Dcen);
        return true;
    }
}
