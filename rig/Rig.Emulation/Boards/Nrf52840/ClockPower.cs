using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// CLOCK and POWER, which share the slot at 0x40000000 (PS v1.7 "CLOCK - Clock control", "POWER -
/// Power supply"; instantiation table: ID 0). The port starts the crystal oscillator (HFXO) and waits
/// for HFCLKSTARTED, and switches REG1 to the DC/DC converter (DCDCEN). The core runs from HFCLK at
/// 64 MHz from reset (HFINT), so starting the crystal changes the clock's accuracy, not its rate:
/// emulated time runs at 64 MHz throughout. The LFCLK, calibration and the other POWER registers
/// are not modelled (an access stops the run); the shared interrupt (ID 0) is not used by the port.
/// </summary>
public sealed class ClockPower(ArmCore core, long coreHz) : NrfPeripheral("CLOCK/POWER", BaseAddress, line: null), IClocked
{
    public const uint BaseAddress = 0x4000_0000;

    public const uint TasksHfclkStart = 0x000;
    public const uint TasksHfclkStop = 0x004;
    public const uint EventsHfclkStarted = 0x100;
    /// <summary>HFCLKRUN: bit 0, HFCLKSTART was triggered (PS CLOCK registers).</summary>
    public const uint HfclkRun = 0x408;
    /// <summary>HFCLKSTAT: SRC bit 0 (1 = Xtal), STATE bit 16 (1 = running).</summary>
    public const uint HfclkStat = 0x40C;
    /// <summary>POWER DCDCEN: bit 0 enables the REG1 DC/DC converter (PS POWER registers).</summary>
    public const uint DcdcEn = 0x578;

    /// <summary>
    /// ASSUMPTION: the crystal needs 360 us from HFCLKSTART to HFCLKSTARTED (the typical HFXO start-up
    /// time of the nRF52 product specifications' "32 MHz crystal oscillator" tables; it depends on the
    /// crystal), counted at the 64 MHz the core runs at meanwhile.
    /// </summary>
    public const double HfxoStartupSeconds = 360e-6;

    ulong startedAt = ulong.MaxValue;
    bool xtalRequested;
    bool xtalRunning;

    /// <summary>REG1 runs from the DC/DC converter (POWER.DCDCEN): the profile's power model assumes it.</summary>
    public bool DcdcEnabled { get; private set; }

    /// <summary>HFCLK comes from the crystal (HFCLKSTAT.SRC = Xtal).</summary>
    public bool CrystalRunning => xtalRunning;

    protected override uint EventMask => 1u << EventIndex(EventsHfclkStarted);
    protected override uint TaskMask => 0b11; // HFCLKSTART, HFCLKSTOP

    protected override void Trigger(uint taskOffset)
    {
        if (taskOffset == TasksHfclkStart)
        {
            xtalRequested = true;
            if (!xtalRunning && startedAt == ulong.MaxValue)
            {
                startedAt = core.Cycles + (ulong)Math.Ceiling(HfxoStartupSeconds * coreHz);
                core.Reschedule();
            }
        }
        else
        {
            xtalRequested = false;
            xtalRunning = false;
            startedAt = ulong.MaxValue;
            core.Reschedule();
        }
    }

    protected override uint? ReadRegister(uint offset) => offset switch
    {
        HfclkRun => xtalRequested ? 1u : 0u,
        // The HFINT source runs whenever the CPU does; with the crystal up, SRC says Xtal.
        HfclkStat => (xtalRunning ? 1u : 0u) | 1u << 16,
        DcdcEn => DcdcEnabled ? 1u : 0u,
        _ => null,
    };

    protected override bool WriteRegister(uint offset, uint value)
    {
        if (offset != DcdcEn) return false;
        if ((value & ~1u) != 0) throw UnmodelledValue(offset, value, "DCDCEN has only bit 0");
        DcdcEnabled = (value & 1) != 0;
        return true;
    }

    public ulong NextEventCycle => startedAt;

    public void Service(ulong now)
    {
        if (now < startedAt) return;
        startedAt = ulong.MaxValue;
        xtalRunning = true;
        Generate(EventsHfclkStarted);
    }
}
