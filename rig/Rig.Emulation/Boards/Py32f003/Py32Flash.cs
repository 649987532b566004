using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// The flash interface's FLASH_ACR (Reference Manual, "Embedded flash memory": LATENCY bit 0, 0 or 1
/// wait state; 0 up to 24 MHz HCLK). LATENCY reads back what was written. The wait states the core
/// pays come from the profile's flash region, which states what the port programs; a port writing a
/// latency that disagrees with it stops the run rather than being timed with the wrong figure.
/// </summary>
public sealed class Py32Flash(ArmCore core, int profileWaitStates) : RegisterBlock("FLASH", BaseAddress)
{
    public const uint BaseAddress = 0x4002_2000;
    public const uint Size = 0x400;

    public const uint Acr = 0x00;
    public const uint AcrLatency = 1u << 0;

    uint acr;

    protected override uint ReadRegister(uint offset) => offset == Acr ? acr : throw Unmodelled(offset, write: false);

    protected override void WriteRegister(uint offset, uint value)
    {
        if (offset != Acr || (value & ~AcrLatency) != 0) throw Unmodelled(offset, write: true);
        acr = value;
        var latency = (int)(value & AcrLatency);
        if (latency != profileWaitStates)
            core.StopRun(StopReason.UnmappedAccess,
                $"FLASH_ACR.LATENCY = {latency} wait state(s), but the profile's flash region says {profileWaitStates} (profiles/py32f003.yaml emulation: regions)",
                BaseAddress + offset);
    }
}
