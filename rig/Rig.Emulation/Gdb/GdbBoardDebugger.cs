using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Gdb;

/// <summary>
/// Halt and resume of an emulated board between the GDB session's thread and whichever thread runs the core (the
/// host's link reads, the timer pump, `rig emulate --gdb`'s runner). A halted board parks its runner in
/// <see cref="BeforeRun"/>, so the session reads and writes the core and memory while nothing executes. A breakpoint
/// (<see cref="BreakpointTrace"/>, only installed while breakpoints exist) or gdb's ^C (<see cref="InterruptPoll"/>,
/// a clocked device checked once per emulated millisecond) halts from the core's thread through
/// <see cref="ArmCore.Yield"/>. With no debugger attached nothing of this is on the core's path.
/// </summary>
public sealed class GdbBoardDebugger : IBoardDebugger
{
    readonly object sync = new();
    readonly TimeProvider time;
    readonly TimeSpan attachWait;
    readonly HashSet<uint> breakpoints = [];
    volatile bool interruptRequested;
    bool halted, parked, clientSeen, detachedForGood;
    long haltedSince;
    GdbHalt halt;
    InterruptPoll? poll;

    /// <param name="attachWait">How long a halted board waits for gdb's first connection before the run fails.</param>
    public GdbBoardDebugger(EmulatedBoard board, FlashImage flash, TimeSpan attachWait, TimeProvider time, bool startHalted)
    {
        Board = board;
        Flash = flash;
        this.attachWait = attachWait;
        this.time = time;
        halted = startHalted;
        StartedHalted = startHalted;
        haltedSince = time.GetTimestamp();
        halt = new GdbHalt(GdbHalt.SigTrap, startHalted ? "halted at reset" : "");
        board.Debugger = this;
    }

    public EmulatedBoard Board { get; }

    /// <summary>Whether the board waited at its reset vector for gdb before its first instruction.</summary>
    public bool StartedHalted { get; }

    /// <summary>What gdb flashed (vFlashWrite): the board's flash across resets.</summary>
    public FlashImage Flash { get; }

    /// <summary>Where the listening server is (for messages).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Why the board last halted (the stop reply).</summary>
    public GdbHalt Halt { get { lock (sync) return halt; } }

    public bool IsHalted { get { lock (sync) return halted; } }

    /// <summary>A board that ended for good (fault, unmapped access): gdb saw the stop; it cannot run on.</summary>
    public EmulationStop? Ended { get; private set; }

    // ---- the core's side -------------------------------------------------------------------

    public void BeforeRun(EmulatedBoard board)
    {
        lock (sync)
        {
            Arm(board.Core);
            if (!halted) return;
            parked = true;
            Monitor.PulseAll(sync);
            while (halted)
            {
                Monitor.Wait(sync, TimeSpan.FromMilliseconds(100));
                if (halted && !clientSeen && time.GetElapsedTime(haltedSince) > attachWait)
                {
                    halted = false;
                    detachedForGood = true;
                    parked = false;
                    throw new InvalidDataException($"--gdb {Endpoint}: no gdb connected within {attachWait.TotalSeconds:0} s while the board waited halted ({halt.Message}); " +
                                                   $"connect with: gdb-multiarch <elf> -ex 'target extended-remote {Endpoint}'");
                }
            }
            parked = false;
            Arm(board.Core); // breakpoints changed or a reset made a new core while halted
        }
    }

    public void Rebuilt(EmulatedChip chip) => Flash.Restore(chip);

    public void Ending(EmulatedBoard board, EmulationStop stop)
    {
        lock (sync)
        {
            if (detachedForGood || !clientSeen) return;
            Ended = stop;
            HaltLocked(new GdbHalt(GdbHalt.SignalOf(stop.Reason), stop.ToString()));
        }
        BeforeRun(board); // gdb looks at the fault; when it lets go, the board reports it and ends
    }

    /// <summary>From the core's thread (a breakpoint, ^C): halt; the caller ends the run with <see cref="ArmCore.Yield"/>.</summary>
    internal void HaltFromCore(GdbHalt why)
    {
        lock (sync) HaltLocked(why);
    }

    internal bool TakeInterruptRequest()
    {
        if (!interruptRequested) return false;
        interruptRequested = false;
        return true;
    }

    void HaltLocked(GdbHalt why)
    {
        if (detachedForGood) return;
        if (!halted) haltedSince = time.GetTimestamp();
        halted = true;
        halt = why;
        Monitor.PulseAll(sync);
    }

    /// <summary>Puts the poll on this core and the breakpoint trace on or off (runner thread, under the lock).</summary>
    void Arm(ArmCore core)
    {
        if (detachedForGood) return;
        if (poll?.Core != core)
        {
            poll = new InterruptPoll(this, core, Math.Max(1, (ulong)Board.ClockHz / 1000));
            core.AddClocked(poll);
        }
        if (breakpoints.Count > 0 && core.Trace is not BreakpointTrace)
            core.Trace = new BreakpointTrace(this, core.Trace, [.. breakpoints]);
        else if (core.Trace is BreakpointTrace t)
        {
            if (breakpoints.Count == 0) core.Trace = t.Inner;
            else t.Set([.. breakpoints]);
        }
    }

    // ---- the session's side ----------------------------------------------------------------

    /// <summary>
    /// A client connected: the attach wait is over, and a running board halts for it (as a probe halts the core when
    /// gdb attaches), so that gdb's first look at registers and memory sees a core that stands still.
    /// </summary>
    public void ClientConnected(TimeSpan wait)
    {
        lock (sync) clientSeen = true;
        if (!IsHalted)
        {
            interruptRequested = true;
            if (!WaitHalted(wait)) HaltBeforeNextRun("halted for gdb");
            interruptRequested = false;
        }
        WaitParked(wait);
    }

    /// <summary>
    /// Stops the board before it next runs (`rig run --gdb` at the first clip): its runner parks in
    /// <see cref="BeforeRun"/> until gdb continues.
    /// </summary>
    public void HaltBeforeNextRun(string why)
    {
        lock (sync) HaltLocked(new GdbHalt(GdbHalt.SigTrap, why));
    }

    /// <summary>Waits up to <paramref name="wait"/> until the runner is parked (nothing executes); false when no runner came.</summary>
    public bool WaitParked(TimeSpan wait)
    {
        var start = time.GetTimestamp();
        lock (sync)
        {
            while (halted && !parked)
            {
                var left = wait - time.GetElapsedTime(start);
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(sync, left < TimeSpan.FromMilliseconds(50) ? left : TimeSpan.FromMilliseconds(50));
            }
            return halted;
        }
    }

    /// <summary>Lets the board run (gdb's continue). Breakpoints are armed by the runner as it leaves the park.</summary>
    public void Resume()
    {
        lock (sync)
        {
            halted = false;
            Monitor.PulseAll(sync);
        }
    }

    /// <summary>Waits up to <paramref name="wait"/> for the board to halt (breakpoint, interrupt, an ending stop).</summary>
    public bool WaitHalted(TimeSpan wait)
    {
        var start = time.GetTimestamp();
        lock (sync)
        {
            while (!halted)
            {
                var left = wait - time.GetElapsedTime(start);
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(sync, left < TimeSpan.FromMilliseconds(50) ? left : TimeSpan.FromMilliseconds(50));
            }
            return true;
        }
    }

    /// <summary>
    /// gdb's ^C: the poll halts a running core within an emulated millisecond; a board nobody is running (the host
    /// busy elsewhere) is marked halted at once and parks when it next runs.
    /// </summary>
    public void Interrupt(TimeSpan wait)
    {
        interruptRequested = true;
        if (WaitHalted(wait)) return;
        lock (sync) HaltLocked(new GdbHalt(GdbHalt.SigInt, "interrupted by gdb"));
    }

    public void InsertBreakpoint(uint address)
    {
        lock (sync) breakpoints.Add(address & ~1u);
    }

    public bool RemoveBreakpoint(uint address)
    {
        lock (sync) return breakpoints.Remove(address & ~1u);
    }

    /// <summary>gdb detached (or went away): breakpoints off, the board runs on without it.</summary>
    public void Detach()
    {
        lock (sync)
        {
            breakpoints.Clear();
            interruptRequested = false;
            halted = false;
            Monitor.PulseAll(sync);
        }
    }

    /// <summary>The debugger lets go for good (the server closes): the board never halts again.</summary>
    public void Release()
    {
        lock (sync)
        {
            detachedForGood = true;
            breakpoints.Clear();
            halted = false;
            Monitor.PulseAll(sync);
        }
    }

    /// <summary>Whether <paramref name="pc"/> is a breakpoint (single step from one must not stop at once).</summary>
    public bool IsBreakpoint(uint pc)
    {
        lock (sync) return breakpoints.Contains(pc);
    }
}
