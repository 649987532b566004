using Rig.Core.Profiles;
using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Tests.Boards.M0Support;

/// <summary>
/// A chip with its board model attached whose core spins on `b .` in SRAM with interrupts masked, so a
/// test drives the peripherals through the memory map and lets emulated time pass without the image
/// reprogramming them; and a way to run one load or store as an instruction (a stop is a run's).
/// </summary>
public sealed class ParkedChip
{
    ParkedChip(EmulatedChip chip, BoardWiring wiring, uint loop)
    {
        Chip = chip;
        Wiring = wiring;
        Loop = loop;
    }

    public EmulatedChip Chip { get; }
    public BoardWiring Wiring { get; }
    public ArmCore Core => Chip.Core;
    public uint Loop { get; }

    public static ParkedChip Create(string board, uint sramScratch)
    {
        var chip = EmulatedChip.Create(ProfileCatalog.Load(board), BoardUnderTest.Image(board));
        var wiring = BoardWiring.For(chip);
        BoardModels.Require(board).Attach(wiring);
        var parked = new ParkedChip(chip, wiring, sramScratch);
        parked.Park();
        return parked;
    }

    void Park()
    {
        Core.Memory.Write32(Loop, 0xE7FE_E7FE); // b . ; b .
        Core.Primask = 1;
        Core.Msp = Loop + 0x100;
        Core.Pc = Loop;
        Core.R[15] = Loop;
    }

    public uint Read(uint address) => Core.Memory.Read32(address);

    public void Write(uint address, uint value) => Core.Memory.Write32(address, value);

    /// <summary>Lets <paramref name="cycles"/> of emulated time pass; the run must not stop otherwise.</summary>
    public void Wait(ulong cycles)
    {
        var stop = Core.Run(Core.Cycles + cycles);
        Assert.True(stop.Reason == StopReason.MaxCycles, stop.ToString());
    }

    /// <summary>Executes `ldr r1, [r0]` (or `str r1, [r0]`) at <paramref name="address"/> as an instruction; returns how the run stopped.</summary>
    public EmulationStop Execute(uint address, bool store, uint value = 0)
    {
        var code = Loop + 0x10;
        Core.Memory.Write32(code, store ? 0xE7FE_6001u : 0xE7FE_6801u); // str|ldr r1, [r0] ; b .
        Core.R[0] = address;
        Core.R[1] = value;
        Core.Pc = code;
        Core.R[15] = code;
        var stop = Core.Run(Core.Cycles + 20);
        Park();
        return stop;
    }
}
