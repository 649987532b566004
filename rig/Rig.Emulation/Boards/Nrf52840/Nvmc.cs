namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// The non-volatile memory controller (PS v1.7 "NVMC - Non-volatile memory controller", ID 30) as far
/// as the port uses it: ICACHECNF.CACHEEN, the flash instruction cache (off after reset), which the
/// port turns on. The emulated flash charges no wait states on the ASSUMPTION that code runs through
/// that cache (profiles/nrf52840.yaml emulation:); turning the cache off again, the cache profiling
/// counters and writing or erasing flash (CONFIG.WEN) are not modelled (the run stops). READY reads 1.
/// </summary>
public sealed class Nvmc() : NrfPeripheral("NVMC", BaseAddress, line: null)
{
    public const uint BaseAddress = 0x4001_E000;
    public const uint Ready = 0x400;
    public const uint Config = 0x504;
    public const uint IcacheCnf = 0x540;
    public const uint CacheEn = 1u << 0;

    public bool CacheEnabled { get; private set; }

    protected override uint EventMask => 0;
    protected override uint TaskMask => 0;

    protected override void Trigger(uint taskOffset) { }

    protected override uint? ReadRegister(uint offset) => offset switch
    {
        Ready => 1,
        Config => 0, // read-only access to the flash
        IcacheCnf => CacheEnabled ? CacheEn : 0,
        _ => null,
    };

    protected override bool WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Config when value == 0:
                return true;
            case Config:
                throw UnmodelledValue(offset, value, "writing or erasing flash is not modelled");
            case IcacheCnf:
                if (value != CacheEn)
                    throw UnmodelledValue(offset, value, CacheEnabled || value == 0
                        ? "running from flash without the instruction cache: the emulated flash charges 0 wait states (every fetch a cache hit)"
                        : "cache profiling (CACHEPROFEN) is not modelled");
                CacheEnabled = true;
                return true;
            default:
                return false;
        }
    }
}
