using Rig.Runs.Link;

namespace Rig.Runs.Orchestration;

/// <summary>What `rig run` was asked to do, validated once (<see cref="Validated"/>).</summary>
public sealed record RunOptions
{
    public required string Profile { get; init; }
    public required string Playlist { get; init; }
    public required IReadOnlyList<BoardTarget> Boards { get; init; }
    public required Rig.Core.Runs.RunMode Mode { get; init; }
    public required string OutDir { get; init; }
    public bool Energy { get; init; }
    /// <summary>Memory of the firmware image the boards run (measured from its ELF before the run); null = not measured.</summary>
    public Rig.Core.Runs.MemoryResult? Memory { get; init; }
    /// <summary>Continue the run already in <see cref="OutDir"/> (set by <see cref="ResumePlan"/>); without it an existing run there is refused.</summary>
    public bool Resume { get; init; }
    /// <summary>On a resume: each board's run as its store recorded it (id, start time), in board order; the id is never re-derived.</summary>
    public IReadOnlyList<Rig.Store.RunHeader>? ResumedRuns { get; init; }
    /// <summary>History store (rig history); null = StoreLocation default.</summary>
    public string? HistoryStore { get; init; }
    /// <summary>Bounded waits and retries; null = the profile's serial.timeouts with default retries.</summary>
    public SessionOptions? Session { get; init; }
    /// <summary>Test hooks for the virtual board (fault injection); null = a healthy board.</summary>
    public Rig.Simulation.Board.VirtualBoardOptions? VirtualBoardFaults { get; init; }
    /// <summary>Virtual boards: pace the pseudo-terminal like the profile's UART (serial.baud, serial.rx_buffer_bytes).</summary>
    public bool PacedUart { get; init; }
    /// <summary>`--line-faults`: a seeded chaos link between host and each board (virtual or serial); null = the line as it is.</summary>
    public Rig.Simulation.Link.LineFaults? LineFaults { get; init; }
    /// <summary>Test hook: faults of a virtual board's energy bench (NAK, cut marker wire, no marker).</summary>
    public Rig.Simulation.Power.VirtualBenchFaults? EnergyFaults { get; init; }
    /// <summary>Test hook: a virtual board speaks protocol v1 on the wire (no HELLO capabilities, no BURST).</summary>
    public bool VirtualBoardAsProtocolV1 { get; init; }
    /// <summary>`--firmware`: the ELF an emulated board runs (null: the profile's image, built as `rig mem` builds it).</summary>
    public string? Firmware { get; init; }
    /// <summary>
    /// `--profile-functions`: emulated boards trace every instruction for the per-function profile and the SRAM written
    /// (run.json functionProfile, stats.emulatorRamTouchedBytes; about 2x the CPU time). Without it they measure the
    /// emulator's stack high-water only.
    /// </summary>
    public bool ProfileFunctions { get; init; }
    /// <summary>`--gdb [host]:port`: the emulated board behind a GDB server, halted before the first clip until gdb continues.</summary>
    public Rig.Emulation.Gdb.GdbServerOptions? Gdb { get; init; }
    /// <summary>The profile's own image as `rig mem` builds it (firmware/build/&lt;p&gt;/firmware.elf), which a serial board must run unless
    /// <see cref="Firmware"/> names another; null when it could not be built (no arm-none-eabi-gcc): the build id is then not checked.</summary>
    public string? ProfileImage { get; init; }
    /// <summary>`--any-image`: run a board whatever image its HELLO's build id says it holds (recorded in run.json, not checked).</summary>
    public bool AnyImage { get; init; }
    /// <summary>Where serial boards' locks go (`--lock-dir`); null = /var/lock, or its fallback when not writable.</summary>
    public Rig.Hardware.Serial.Locks.BoardLockDirectory? BoardLocks { get; init; }
    /// <summary>The generated folder of the model the boards' firmware is built with, whose golden twin checks their model output
    /// (a board image built from another folder); null = firmware/generated/&lt;profile&gt;.</summary>
    public string? ModelDirectory { get; init; }
    /// <summary>Stop after this many clips (a run killed midway, for resume tests); null = all.</summary>
    public int? StopAfterClips { get; init; }

    public RunOptions Validated()
    {
        if (!Enum.IsDefined(Mode)) throw new ArgumentException($"--mode '{Mode}': expected inject or acoustic");
        if (Boards.Count == 0) throw new ArgumentException("at least one --board is needed");
        if (Boards.Where(b => b.IsSerial).GroupBy(b => b.Port).Any(g => g.Count() > 1)) throw new ArgumentException("the same serial port is given twice");
        if (Resume && ResumedRuns is { } stored && stored.Count != Boards.Count) throw new ArgumentException($"--resume: the run has {stored.Count} boards, {Boards.Count} given");
        Session?.Validated();
        return this;
    }
}
