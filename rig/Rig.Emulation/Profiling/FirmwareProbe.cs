using Rig.Elf.Format;
using Rig.Elf.Memory;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Profiling;

/// <summary>
/// What the emulator measures about the firmware beyond cycles, through <see cref="ArmCore.Trace"/>:
/// the per-function profile, the lowest main stack pointer and the SRAM bytes written. It finds
/// the exception entries the core makes between instructions (the PC is not where the last
/// instruction left it) and within one (SVC, a fault: the active count grew), and the returns
/// (the active count fell), and tells each part. Attach it right after reset for whole-run figures.
/// </summary>
public sealed class FirmwareProbe : IInstructionTrace
{
    readonly FunctionProfiler? profiler;
    readonly StackWatch stack;
    readonly RamWriteWatch? ram;
    readonly IReadOnlyList<ElfSection> staticSections;
    readonly ulong entryCycles;
    readonly ulong startCycles;
    uint expectedPc;
    ulong lastCycles, lastSleep;
    int lastActive;
    uint lastSp, lastMsp;

    public FirmwareProbe(ArmCore core, FunctionProfiler? profiler, StackWatch stack, RamWriteWatch? ram, IReadOnlyList<ElfSection> staticSections)
    {
        this.profiler = profiler;
        this.stack = stack;
        this.ram = ram;
        this.staticSections = staticSections;
        entryCycles = (ulong)core.Timing.ExceptionEntry;
        expectedPc = core.Pc;
        startCycles = lastCycles = core.Cycles;
        lastSleep = core.SleepCycles;
        lastActive = core.Nvic.ActiveCount;
        lastSp = core.R[13];
        lastMsp = core.Msp;
        stack.Observe(lastMsp);
    }

    /// <summary>
    /// A probe for the image <paramref name="elf"/> on <paramref name="core"/>: functions from its
    /// symbols (scopes: the frontend's and the model's entry, <see cref="FirmwareScopes"/>), the
    /// stack top from <c>__stack_top</c> (the initial SP when the image has none), RAM counted from
    /// <c>main</c> (from now when the image has none).
    /// </summary>
    public static FirmwareProbe Create(ArmCore core, ElfFile elf, bool functions = true, bool ramWrites = true)
    {
        var stackTop = StackTopOf(core, elf);
        var main = elf.Symbols.FirstOrDefault(s => s.Name == "main" && s.Type == ElfSymbolType.Func)?.Address(elf.Machine);
        return new FirmwareProbe(core,
            functions ? new FunctionProfiler(FunctionTable.FromElf(elf), FirmwareScopes.All) : null,
            new StackWatch(stackTop),
            ramWrites ? new RamWriteWatch(core.Memory, main) : null,
            MemoryProfiler.StaticRamSections(elf));
    }

    /// <summary>The stack's top: the image's <c>__stack_top</c>, else the SP the core starts with.</summary>
    public static uint StackTopOf(ArmCore core, ElfFile elf) =>
        elf.Symbols.FirstOrDefault(s => s.Name == "__stack_top") is { } top ? top.Value : core.Msp;

    public void Executed(ArmCore core, uint pc, ushort hw1, ushort hw2, bool skipped, ulong cycles)
    {
        var active = core.Nvic.ActiveCount;
        var expectedActive = lastActive;
        if (pc != expectedPc)
        {
            // The core took an exception before this instruction: the handler's first one.
            expectedActive++;
            Stacked(core, lastSp);
            profiler?.AsyncEntry(pc, expectedPc);
        }
        else if (active > lastActive) Stacked(core, lastSp);
        var size = hw1 >= 0xE800 ? 4u : 2u;
        var next = core.Pc;
        if (profiler is { } p)
        {
            if (p.Empty) p.Start(pc, lastSp);
            p.Charge(core.Cycles - lastCycles, core.SleepCycles - lastSleep);
            p.After(pc, size, hw1, hw2, skipped, next, core.R[13], active - expectedActive, entryCycles);
        }
        ram?.Executed(pc, hw1, hw2, skipped, core.R);
        var msp = core.Msp;
        stack.Observe(msp);
        expectedPc = next;
        lastCycles = core.Cycles;
        lastSleep = core.SleepCycles;
        lastActive = active;
        lastSp = core.R[13];
        lastMsp = msp;
    }

    /// <summary>The exception frame the core stacked below <paramref name="sp"/> (ARMv7-M B1.5.6: 8 words, 8-byte aligned when CCR.STKALIGN).</summary>
    void Stacked(ArmCore core, uint sp)
    {
        var frame = (sp - 0x20) & ~((sp & 4) != 0 && core.Scs.StackAlign ? 4u : 0u);
        if (sp == lastMsp) stack.Observe(frame);
        ram?.Stacked(frame);
    }

    /// <summary>The SRAM write map (null when the probe does not watch writes).</summary>
    public RamWriteWatch? RamWrites => ram;

    /// <summary>Cycles seen since the probe was attached.</summary>
    public ulong Cycles => lastCycles - startCycles;

    public FirmwareMeasurements Result() => new(
        profiler?.Snapshot(),
        stack.StackTop,
        stack.LowestSp,
        stack.HighWaterBytes,
        ram?.TouchedBytes,
        staticSections.Sum(s => (int)s.Size),
        ram is null ? null : staticSections.Sum(s => ram.TouchedIn(s.Address, s.Size)),
        ram?.CountsFromMain ?? false);
}

/// <summary>
/// The firmware core's entry points whose activations are profile scopes (firmware/core/frontend.h,
/// model.h): one call of the first turns samples into (at most) a feature column, one of the second
/// is an inference.
/// </summary>
public static class FirmwareScopes
{
    public const string Frontend = "rig_frontend_push";
    public const string Model = "rig_model_infer";
    public static IReadOnlyList<string> All { get; } = [Frontend, Model];
}

/// <summary>
/// What a <see cref="FirmwareProbe"/> measured: the profile (null when not asked for), the stack
/// high-water mark (stack top minus the lowest main SP), SRAM bytes written from <c>main</c> on,
/// the ELF's static RAM (.data + .bss as `rig mem` counts it) and how much of it was written
/// (<see cref="RamCountedFromMain"/> false: the image has no main, so everything from the probe's start counts).
/// </summary>
public sealed record FirmwareMeasurements(
    FunctionProfile? Profile,
    uint StackTop,
    uint LowestSp,
    int StackHighWaterBytes,
    int? RamTouchedBytes,
    int StaticRamBytes,
    int? StaticRamTouchedBytes,
    bool RamCountedFromMain)
{
    /// <summary>Several boots of one image (a chip reset restarts the probe): profiles added up, the deepest stack, the most SRAM written.</summary>
    public static FirmwareMeasurements Combine(IReadOnlyList<FirmwareMeasurements> boots)
    {
        if (boots.Count == 1) return boots[0];
        var deepest = boots.MinBy(b => b.LowestSp)!;
        var profiles = boots.Select(b => b.Profile).OfType<FunctionProfile>().ToList();
        return deepest with
        {
            Profile = profiles.Count == 0 ? null : FunctionProfile.Sum(profiles),
            RamTouchedBytes = boots.Max(b => b.RamTouchedBytes),
            StaticRamTouchedBytes = boots.Max(b => b.StaticRamTouchedBytes),
        };
    }
}
