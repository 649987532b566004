using System.Runtime.CompilerServices;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Cpu;

/// <summary>The fetch/decode/execute loop: <see cref="Step"/> for lockstep, <see cref="Run"/> for a whole run.</summary>
public sealed partial class ArmCore
{
    /// <summary>Where the executing instruction continues (set to the next instruction before it executes).</summary>
    uint nextPc;

    /// <summary>Set by an instruction that ends the run (BKPT, unimplemented encoding, ...).</summary>
    EmulationStop? stop;

    /// <summary>Something may need the exception logic before the next instruction (a pend, a mask change, a return).</summary>
    bool attention;

    /// <summary>Instructions <see cref="RunFast"/> executes per call at most.</summary>
    const ulong RunSlice = 1 << 16;

    /// <summary>The run's cycle limit: WFI never fast-forwards past it.</summary>
    ulong runLimit = ulong.MaxValue;

    // Instruction fetch fast path: the backing array of the region the PC was last in.
    byte[]? codeBytes;
    uint codeStart, codeSize;

    /// <summary>The next PC once the executing instruction has finished (for executors).</summary>
    public uint NextPc => nextPc;

    public void RequestAttention() => attention = true;

    /// <summary>
    /// Runs until <paramref name="maxCycles"/> (total core cycles) or a stop. Never returns null:
    /// a run that uses up its budget stops with <see cref="StopReason.MaxCycles"/>.
    /// </summary>
    public EmulationStop Run(ulong maxCycles, ulong maxInstructions = ulong.MaxValue)
    {
        runLimit = maxCycles;
        try
        {
            while (Cycles < maxCycles && Instructions < maxInstructions)
            {
                // In slices: a method entered often is compiled fully optimised (tier 1), where one
                // entered once and looping for ever would only get its on-stack-replacement version.
                var slice = Math.Min(maxInstructions, Instructions + RunSlice);
                var s = Trace is not null ? Step()
                    : Flow is null ? RunFast<WithoutFlow>(maxCycles, slice)
                    : RunFast<WithFlow>(maxCycles, slice);
                if (s is not null) return s;
            }
            return Stop(StopReason.MaxCycles, Pc,
                Instructions >= maxInstructions
                    ? $"instruction budget of {maxInstructions} spent (cycle {Cycles})"
                    : $"cycle budget of {maxCycles} spent without the image ending (instruction {Instructions})");
        }
        finally
        {
            runLimit = ulong.MaxValue;
        }
    }

    /// <summary>
    /// The same as repeated <see cref="Step"/> calls without a trace, in one loop with one
    /// exception handler around it (the hot path of a run). <typeparamref name="TFlow"/> compiles the
    /// control-flow reports (<see cref="Flow"/>) in or out.
    /// </summary>
    EmulationStop? RunFast<TFlow>(ulong maxCycles, ulong maxInstructions) where TFlow : struct, IFlowReports
    {
        executingPc = Pc;
        try
        {
            RunLoop<TFlow>(maxCycles, maxInstructions);
        }
        catch (BusFaultException e)
        {
            OnBusFault(executingPc, e);
        }
        catch (UnmodelledRegisterException e)
        {
            stop ??= Stop(StopReason.UnmappedAccess, executingPc, e.Message + InstructionAt(executingPc), e.Address);
        }
        catch (CpuFaultException f)
        {
            RaiseFault(executingPc, f.Kind, f.Message, f.Address);
        }
        var s = stop;
        stop = null;
        return s;
    }

    /// <summary>The instruction <see cref="RunLoop"/> is executing, for <see cref="RunFast"/>'s fault handlers.</summary>
    uint executingPc;

    /// <summary>
    /// <see cref="RunFast"/>'s loop, outside its try block: a method with exception handlers keeps
    /// its locals (this included) in memory, one without keeps them in registers.
    /// </summary>
    void RunLoop<TFlow>(ulong maxCycles, ulong maxInstructions) where TFlow : struct, IFlowReports
    {
        while (Cycles < maxCycles && Instructions < maxInstructions)
        {
            if (TFlow.On) flowKind = ControlFlow.None;
            if (attention) TakePendingException();
            var pc = Pc;
            executingPc = pc;
            var hw1 = Fetch16(pc);
            if (ItState == 0)
            {
                if (hw1 >= 0xE800)
                {
                    var hw2 = Fetch16(pc + 2);
                    nextPc = pc + 4;
                    Execute32(hw1, hw2);
                }
                else
                {
                    nextPc = pc + 2;
                    Execute16(hw1);
                }
            }
            else
            {
                var wide = hw1 >= 0xE800;
                var hw2 = wide ? Fetch16(pc + 2) : (ushort)0;
                nextPc = pc + (wide ? 4u : 2u);
                ExecuteInItBlock(pc, hw1, hw2);
            }
            if (stop is not null) return;
            var next = nextPc;
            Pc = next;
            R[15] = next;
            if (TFlow.On && flowKind != ControlFlow.None) ReportFlow(pc);
            if (Cycles >= nextEventCycle)
            {
                ServiceClocked();
                if (stop is not null) return; // a device yielded: this instruction is done
            }
            if (pendingSync != 0)
            {
                TakeSynchronous();
                if (stop is not null) return;
            }
        }
    }

    /// <summary>
    /// An instruction inside an IT block (<see cref="nextPc"/> already set): skipped, one issue
    /// cycle, when its condition fails, executed otherwise; either way the block advances (IT
    /// itself, never inside a block, just sets it). Returns whether it was skipped.
    /// </summary>
    bool ExecuteInItBlock(uint pc, ushort hw1, ushort hw2)
    {
        var skipped = !ConditionPassed(ItState >> 4);
        if (skipped)
        {
            Cycles += (ulong)Timing.ConditionFailed(pc);
            Instructions++;
        }
        else if (hw1 >= 0xE800) Execute32(hw1, hw2);
        else Execute16(hw1);
        AdvanceIt();
        return skipped;
    }

    /// <summary>" (instruction XXXX[ YYYY])" of the instruction at <paramref name="pc"/>, for messages.</summary>
    string InstructionAt(uint pc)
    {
        try
        {
            var hw1 = (ushort)Memory.Read16(pc);
            return HalfwordsText(hw1, hw1 >= 0xE800 ? (ushort)Memory.Read16(pc + 2) : (ushort)0);
        }
        catch (Exception e) when (e is BusFaultException or UnmodelledRegisterException)
        {
            return "";
        }
    }

    /// <summary>
    /// Takes a pending exception that may preempt (its entry is part of this step), then executes
    /// one instruction (an instruction skipped by its IT condition counts as one). Returns null,
    /// or how the run stopped.
    /// </summary>
    public EmulationStop? Step()
    {
        var pc = Pc;
        ushort hw1 = 0, hw2 = 0;
        var before = Cycles;
        var skipped = false;
        try
        {
            flowKind = ControlFlow.None;
            if (attention) TakePendingException();
            pc = Pc;
            before = Cycles;
            hw1 = Fetch16(pc);
            var wide = hw1 >= 0xE800;
            if (wide) hw2 = Fetch16(pc + 2);
            nextPc = pc + (wide ? 4u : 2u);
            if (ItState != 0) skipped = ExecuteInItBlock(pc, hw1, hw2);
            else if (wide) Execute32(hw1, hw2);
            else Execute16(hw1);
            if (stop is null)
            {
                Pc = nextPc;
                R[15] = nextPc;
                ReportFlow(pc);
            }
            if (Cycles >= nextEventCycle) ServiceClocked();
            if (pendingSync != 0) TakeSynchronous();
        }
        catch (BusFaultException e)
        {
            OnBusFault(pc, e);
        }
        catch (UnmodelledRegisterException e)
        {
            stop ??= Stop(StopReason.UnmappedAccess, pc, e.Message + HalfwordsText(hw1, hw2), e.Address);
        }
        catch (CpuFaultException f)
        {
            RaiseFault(pc, f.Kind, f.Message, f.Address);
        }
        if (Trace is { } trace) trace.Executed(this, pc, hw1, hw2, skipped, Cycles - before);
        var s = stop;
        stop = null;
        return s;
    }

    void AdvanceIt()
    {
        // ARMv7-M A7.3.3 ITAdvance: the mask shifts left; the block ends when the low three bits are zero.
        ItState = (ItState & 7) == 0 ? 0 : (ItState & 0xE0) | ((ItState << 1) & 0x1F);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ushort Fetch16(uint address)
    {
        var offset = address - codeStart;
        // codeSize never exceeds the array's length, so the offset is in range without a bounds check.
        if (offset < codeSize - 1 && codeBytes is { } bytes)
            return Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(bytes), offset));
        return FetchSlow(address);
    }

    ushort FetchSlow(uint address)
    {
        var region = Memory.Find(address);
        if (region?.Backing is { } backing && address - region.Start < region.Size - 1)
        {
            codeBytes = backing;
            codeStart = region.Start;
            codeSize = region.Size;
            return Unsafe.ReadUnaligned<ushort>(ref backing[address - region.Start]);
        }
        if (region is null) throw new CpuFaultException(FaultKind.FetchUnmapped, address, $"instruction fetch from unmapped address 0x{address:X8}");
        throw new CpuFaultException(FaultKind.FetchUnmapped, address, $"instruction fetch from {region.Name} at 0x{address:X8}, which is not memory");
    }

    /// <summary>Forgets the fetch fast path (a region's backing changed).</summary>
    public void FlushFetchCache() => codeBytes = null;

    internal EmulationStop Stop(StopReason reason, uint pc, string message, uint? address = null) =>
        new(reason, pc, Symbols?.Describe(pc) ?? "", message, address);

    /// <summary>An executor or the core ends the run after this instruction.</summary>
    public void StopRun(StopReason reason, string message, uint? address = null) => stop ??= Stop(reason, Pc, message, address);

    internal static string HalfwordsText(ushort hw1, ushort hw2) =>
        hw1 >= 0xE800 ? $" (instruction {hw1:X4} {hw2:X4})" : $" (instruction {hw1:X4})";

    /// <summary>The encoding at <see cref="Pc"/> is not implemented: stop naming halfwords, PC and symbol.</summary>
    internal void Unimplemented(ushort hw1, ushort hw2) =>
        StopRun(StopReason.Unimplemented, $"encoding {(hw1 >= 0xE800 ? $"{hw1:X4} {hw2:X4}" : $"{hw1:X4}")} is not implemented for {Kind}");
}
