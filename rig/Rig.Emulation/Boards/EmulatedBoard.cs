using System.Globalization;
using Rig.Core.Profiles;
using Rig.Emulation.Boards.Common;
using Rig.Emulation.Boards.Host;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards;

/// <summary>
/// A board of the rig made of the emulator: the profile's chip with the image in its flash (<see cref="EmulatedChip"/>),
/// the board model's peripherals attached to it (<see cref="IBoardModel"/>), and the host's side of its three wires:
/// the protocol UART (<see cref="HostWrite"/>, <see cref="HostRead"/>, used by <see cref="EmulatedSerialLink"/>), the
/// microphone (<see cref="Microphone"/>) and the marker pin (<see cref="Pins"/>). The core only runs when the host
/// waits: a read runs it for the read's timeout in emulated time (fewer cycles when a frame reached the host
/// first), a timer on <see cref="Time"/> runs it up to its due time. Idle WFI is fast-forwarded by the core, so an
/// idle board costs no wall time. One thread runs the core at a time.
/// </summary>
public sealed partial class EmulatedBoard : IDisposable
{
    readonly object gate = new();
    readonly Queue<byte> toHost = new();
    readonly FrameLog sent = new(), received = new();
    readonly IBoardModel model;
    readonly HostHorizon horizon = new();
    bool waitingForFrame, frameArrived;
    EmulatedBoardStoppedException? stopped;

    EmulatedBoard(EmulatedChip chip, IBoardModel model)
    {
        this.model = model;
        Chip = chip;
        Wiring = Wire(chip, model);
        Probe(chip, Wiring);
        Time = new EmulatedTime(this);
    }

    /// <summary>
    /// Builds the chip of <paramref name="profile"/> with <paramref name="elfPath"/> in its flash and attaches the
    /// board's model (<see cref="BoardModels.Require"/> unless one is given). Bad input (no model, no emulation
    /// section, an image that does not fit this chip) is an <see cref="InvalidDataException"/>.
    /// </summary>
    public static EmulatedBoard Start(BoardProfile profile, string elfPath, IBoardModel? model = null)
    {
        // The image first: one built for another chip is refused naming the file and what does not fit.
        var chip = EmulatedChip.Create(profile, elfPath);
        model ??= BoardModels.Require(profile.Name);
        if (model.Board != profile.Name)
            throw new InvalidDataException($"the board model of {model.Board} cannot run profile {profile.Name}");
        return new EmulatedBoard(chip, model);
    }

    /// <summary>The host's hooks on a (new) chip: bytes for the host, the run horizon, sleeps and marker edges for power.</summary>
    void Probe(EmulatedChip chip, BoardWiring wiring)
    {
        wiring.Uart.HostBytesArrived += OnHostBytes;
        chip.Core.AddClocked(horizon);
        chip.Core.Slept += Activity.Slept;
        wiring.Pins.MarkerChanged += Activity.Marker;
    }

    static BoardWiring Wire(EmulatedChip chip, IBoardModel model)
    {
        var wiring = BoardWiring.For(chip);
        model.Attach(wiring);
        return wiring;
    }

    public EmulatedChip Chip { get; private set; }
    public BoardWiring Wiring { get; private set; }
    public ArmCore Core => Chip.Core;
    public BoardProfile Profile => Chip.Profile;
    public MicrophoneFeed Microphone => Wiring.Microphone;
    public BoardPins Pins => Wiring.Pins;

    /// <summary>Sleeps and marker edges in core cycles (energy from MCU cycles), final up to <see cref="CoreActivity.KnownUntil"/>.</summary>
    public CoreActivity Activity { get; } = new();

    /// <summary>The session's clock: the core's cycles at the profile's clock.</summary>
    public EmulatedTime Time { get; }

    /// <summary>Times the image asked for a system reset and the chip was rebuilt (the cycle counter goes on).</summary>
    public int Reboots { get; private set; }

    /// <summary>Raised after a reboot: the chip, core and wiring are new ones (a profiler or energy probe re-attaches).</summary>
    public event Action<EmulatedBoard>? Rebooted;

    public string Name => $"emulated {Profile.Name} ({Path.GetFileName(Chip.Elf.Path)})";

    public long ClockHz => Wiring.ClockHz;

    /// <summary>The core's cycle counter (any thread).</summary>
    public ulong Cycles => Volatile.Read(ref Chip.Core.Cycles);

    public double Seconds => Cycles / (double)ClockHz;

    /// <summary>A debugger holding the board (`--gdb`): asked before every run of the core; null without one.</summary>
    public IBoardDebugger? Debugger { get; set; }

    /// <summary>Null, or how the board ended for good (every later host call throws it again).</summary>
    public EmulatedBoardStoppedException? Stopped => stopped;

    /// <summary>Core cycles of <paramref name="span"/> at the board's clock, rounded up (at most about 30 years).</summary>
    public ulong CyclesOf(TimeSpan span) =>
        span <= TimeSpan.Zero ? 0 : (ulong)Math.Ceiling(Math.Min(span.TotalSeconds, 1e9) * ClockHz);

    /// <summary>The host sends bytes: they go on the UART's wire now (emulated time) at the profile's baud.</summary>
    public void HostWrite(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            ThrowIfStopped();
            sent.Add(data);
            Wiring.Uart.HostWrite(data);
        }
    }

    /// <summary>
    /// Bytes that reached the host; when none are waiting, runs the core for up to <paramref name="timeout"/> of
    /// emulated time or until a whole frame (its 0x00 delimiter) arrived. Returns 0 when nothing came.
    /// </summary>
    public int HostRead(Span<byte> buffer, TimeSpan timeout)
    {
        int n;
        lock (gate)
        {
            ThrowIfStopped();
            if (toHost.Count == 0 && timeout > TimeSpan.Zero) RunUntil(Cycles + CyclesOf(timeout), untilFrame: true);
            n = 0;
            while (n < buffer.Length && toHost.TryDequeue(out var b)) buffer[n++] = b;
        }
        FireDueTimers();
        return n;
    }

    /// <summary>Drops what waits for the host and what is still on its way to the chip.</summary>
    public void HostDiscard()
    {
        lock (gate)
        {
            toHost.Clear();
            Wiring.Uart.HostDiscard();
        }
    }

    /// <summary>Runs the board for <paramref name="span"/> of emulated time (nobody reading: bytes for the host wait).</summary>
    public void RunFor(TimeSpan span)
    {
        lock (gate)
        {
            ThrowIfStopped();
            RunUntil(Cycles + CyclesOf(span), untilFrame: false);
        }
        FireDueTimers();
    }

    /// <summary>
    /// Runs the core up to <paramref name="cycle"/> unless another thread is running it (then false): for a reader of
    /// the board's history (the INA219 sampler) when the host has left the board alone for a while.
    /// </summary>
    public bool TryRunTo(ulong cycle)
    {
        if (!Monitor.TryEnter(gate)) return false;
        try
        {
            if (stopped is null && Chip.Core.Cycles < cycle)
            {
                try { RunUntil(cycle, untilFrame: false); }
                catch (EmulatedBoardStoppedException) { return false; }
            }
        }
        finally
        {
            Monitor.Exit(gate);
        }
        FireDueTimers();
        return true;
    }

    /// <summary>Runs the core up to cycle <paramref name="until"/> (caller holds the gate).</summary>
    void RunUntil(ulong until, bool untilFrame)
    {
        waitingForFrame = untilFrame;
        frameArrived = false;
        horizon.NextEventCycle = until;
        Chip.Core.Reschedule();
        try
        {
            while (Chip.Core.Cycles < until)
            {
                Debugger?.BeforeRun(this);
                var stop = Chip.Core.Run(until);
                Activity.Reached(Chip.Core.Cycles);
                switch (stop.Reason)
                {
                    case StopReason.Yield when frameArrived:
                    case StopReason.MaxCycles:
                        return;
                    case StopReason.Yield:
                        continue;
                    case StopReason.ResetRequested:
                        Reboot();
                        continue;
                    default:
                        Debugger?.Ending(this, stop);
                        throw Fail(stop);
                }
            }
        }
        finally
        {
            waitingForFrame = false;
        }
    }

    void OnHostBytes()
    {
        Span<byte> chunk = stackalloc byte[64];
        var delimiter = false;
        int n;
        while ((n = Wiring.Uart.HostRead(chunk)) > 0)
            foreach (var b in chunk[..n])
            {
                toHost.Enqueue(b);
                received.Add(b);
                delimiter |= b == 0;
            }
        if (delimiter && waitingForFrame)
        {
            frameArrived = true;
            Chip.Core.Yield();
        }
    }

    /// <summary>
    /// AIRCR.SYSRESETREQ (the port's board_reset, e.g. after a RESET message): the chip and its peripherals start
    /// again from the image as flashed; emulated time goes on from where it was. Bytes on the wire are lost, as on a
    /// board that resets.
    /// </summary>
    void Reboot()
    {
        var now = Chip.Core.Cycles;
        var chip = EmulatedChip.Create(Chip.Profile, Chip.Elf.Path);
        Debugger?.Rebuilt(chip);
        chip.Core.Cycles = now;
        Chip = chip;
        Wiring = Wire(chip, model);
        Probe(chip, Wiring);
        Reboots++;
        Rebooted?.Invoke(this);
    }

    /// <summary>
    /// A debugger's reset (`monitor reset`): the chip and its peripherals start again as after SYSRESETREQ. Only while
    /// the debugger holds the board halted (no run in progress on another thread).
    /// </summary>
    public void Reset()
    {
        ThrowIfStopped();
        Reboot();
    }

    EmulatedBoardStoppedException Fail(EmulationStop stop)
    {
        var message = $"{Name} stopped at emulated {Seconds.ToString("0.000000", CultureInfo.InvariantCulture)} s (cycle {Cycles}): {stop}; " +
                      $"last frames host to board: {sent.Describe()}; board to host: {received.Describe()}";
        var wild = stop.Reason == StopReason.UnmappedAccess && stop.Address is { } at && Chip.Core.Memory.Find(at) is null;
        var imageFault = wild || stop.Reason is StopReason.Fault or StopReason.Breakpoint or StopReason.Exit;
        stopped = new EmulatedBoardStoppedException(message, stop, imageFault);
        return stopped;
    }

    void ThrowIfStopped()
    {
        if (stopped is not null) throw new EmulatedBoardStoppedException(stopped.Message, stopped.Stop, stopped.ImageFault);
    }

    public void Dispose()
    {
        lock (timersGate) timers.Clear();
        Microphone.Complete();
        Microphone.Dispose();
    }
}
