using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Loading;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation;

/// <summary>
/// One chip of a profile with an image in its flash, reset and ready to run: the memory map from
/// the profile's <c>emulation:</c> section, the core with its cycle model, the ELF loaded, SP and
/// PC from the reset vector table. What `rig emulate` runs and issue 17's emulated board builds on.
/// </summary>
public sealed class EmulatedChip
{
    EmulatedChip(BoardProfile profile, ElfFile elf, ArmCore core, SymbolMap symbols)
    {
        Profile = profile;
        Elf = elf;
        Core = core;
        Symbols = symbols;
    }

    public BoardProfile Profile { get; }
    public ElfFile Elf { get; }
    public ArmCore Core { get; }
    public SymbolMap Symbols { get; }

    public static CoreKind CoreOf(BoardProfile profile) =>
        profile.Board.Core == "cortex-m0plus" ? CoreKind.CortexM0Plus : CoreKind.CortexM4;

    /// <summary>Builds the chip and loads <paramref name="elfPath"/>; bad input is an <see cref="InvalidDataException"/>.</summary>
    public static EmulatedChip Create(BoardProfile profile, string elfPath)
    {
        var section = profile.Emulation
            ?? throw new InvalidDataException($"{profile.SourceFile}: profile {profile.Name} has no emulation: section (the chip's memory map), so it cannot be emulated");
        var elf = ElfFile.Load(elfPath);
        var kind = CoreOf(profile);
        var memory = ChipMemory.Build(section);
        var core = CreateCore(kind, memory, section);
        var symbols = ElfImageLoader.Load(elf, memory, kind, profile.Board.Mcu);
        core.Symbols = symbols;
        Boot(core, section.VectorTable, elf.Path);
        return new EmulatedChip(profile, elf, core, symbols);
    }

    /// <summary>
    /// The one place a core is put together for a profile: the Cortex-M4 with the Thumb-2
    /// executor and the M4 cycle model.
    /// </summary>
    public static ArmCore CreateCore(CoreKind kind, MemoryMap memory, EmulationSection section)
    {
        var exceptions = new ExceptionConfig(section.Irqs, section.PriorityBits, section.HasVtor);
        return kind switch
        {
            CoreKind.CortexM0Plus => new ArmCore(kind, memory, new CortexM0PlusTiming(memory, section.MultiplyCycles), null, exceptions),
            _ => new ArmCore(kind, memory, new CortexM4Timing(memory), new Cpu.Thumb32.Thumb2Executor(), exceptions),
        };
    }

    /// <summary>Reset: SP from vector 0, PC from vector 1 of the table at <paramref name="vectorTable"/>.</summary>
    static void Boot(ArmCore core, uint vectorTable, string path)
    {
        uint sp, reset;
        try
        {
            sp = core.Memory.Peek32(vectorTable);
            reset = core.Memory.Peek32(vectorTable + 4);
        }
        catch (Exception e) when (e is BusFaultException or UnmodelledRegisterException)
        {
            throw new InvalidDataException($"{path}: the reset vector table at 0x{vectorTable:X8} is not in loaded memory ({e.Message})");
        }
        if ((reset & 1) == 0)
            throw new InvalidDataException($"{path}: reset vector 0x{reset:X8} (at 0x{vectorTable + 4:X8}) has bit 0 clear: not a Thumb entry point (no vector table at 0x{vectorTable:X8}?)");
        if (core.Memory.Find(reset & ~1u)?.Backing is null)
            throw new InvalidDataException($"{path}: reset vector 0x{reset:X8} (at 0x{vectorTable + 4:X8}) points outside the chip's memory");
        if (core.Memory.Find(sp - 4)?.Writable != true)
            throw new InvalidDataException($"{path}: initial stack pointer 0x{sp:X8} (at 0x{vectorTable:X8}) is not at the top of writable memory");
        core.Reset(vectorTable);
    }
}
