using Rig.Core;
using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Emulation.Tests.Boards.M0Support;

/// <summary>
/// A shipped image on its emulated chip with the board model attached, driven as the rig's host would:
/// frames written through <see cref="Common.UartLine.HostWrite"/>, the core run in steps of emulated
/// time until the awaited frame came back through <see cref="Common.UartLine.HostRead"/> or a cycle
/// budget is spent (then the test fails naming the stop and the frames seen).
/// </summary>
public sealed class BoardUnderTest
{
    /// <summary>Core cycles per run step: about 1 ms at the boards' clocks.</summary>
    const ulong Step = 50_000;

    readonly FrameDecoder decoder = new();
    readonly List<Frame> received = [];
    readonly List<(ulong Cycles, ulong Instructions)> arrivals = [];
    byte sequence;
    int cursor;

    BoardUnderTest(BoardProfile profile, EmulatedChip chip, BoardWiring wiring)
    {
        Profile = profile;
        Chip = chip;
        Wiring = wiring;
    }

    public BoardProfile Profile { get; }
    public EmulatedChip Chip { get; }
    public BoardWiring Wiring { get; }
    public ArmCore Core => Chip.Core;

    /// <summary>The protocol version the board's HELLO named (the host writes version 1 until then).</summary>
    public byte Version { get; set; } = FrameFormat.MinVersion;

    /// <summary>Every frame the board sent so far, in order.</summary>
    public IReadOnlyList<Frame> Received => received;

    public static BoardUnderTest Boot(string board)
    {
        var profile = ProfileCatalog.Load(board);
        var chip = EmulatedChip.Create(profile, Image(board));
        var wiring = BoardWiring.For(chip);
        BoardModels.Require(board).Attach(wiring);
        // Each byte that reaches the host ends the run step, so a frame's arrival is known to the cycle.
        wiring.Uart.HostBytesArrived += chip.Core.Yield;
        return new BoardUnderTest(profile, chip, wiring);
    }

    /// <summary>The profile's image as `rig mem` builds it (firmware/build/&lt;board&gt;/firmware.elf), brought up to date with its sources.</summary>
    public static string Image(string board)
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        foreach (var step in builder.Build(board))
            Assert.True(step.Succeeded, $"{step.Command} exited {step.ExitCode}\n{step.Output}");
        return builder.DefaultElfPath(board);
    }

    public void Send(MessageType type, ReadOnlySpan<byte> payload) =>
        Wiring.Uart.HostWrite(FrameFormat.Encode(type, sequence++, payload, Version));

    /// <summary>
    /// Runs until a frame matching <paramref name="match"/> comes after the one the previous call returned
    /// (frames already received count: several may arrive in one step); returns it.
    /// </summary>
    public Frame RunUntil(Func<Frame, bool> match, ulong cycleBudget, string what)
    {
        var limit = Core.Cycles + cycleBudget;
        while (true)
        {
            for (; cursor < received.Count; cursor++)
                if (match(received[cursor])) return received[cursor++];
            Assert.True(Core.Cycles < limit, $"no {what} within {cycleBudget} cycles (pc 0x{Core.Pc:X8} {Chip.Symbols.Describe(Core.Pc)}; frames: {Describe(received)})");
            var stop = Core.Run(Math.Min(limit, Core.Cycles + Step));
            Assert.True(stop.Reason is StopReason.MaxCycles or StopReason.Yield, $"{stop} (frames: {Describe(received)})");
            Drain();
        }
    }

    public Frame RunUntil(MessageType type, ulong cycleBudget) => RunUntil(f => f.Type == type, cycleBudget, type.ToString());

    /// <summary>Runs for <paramref name="cycles"/> of emulated time, collecting what the board sends.</summary>
    public EmulationStop RunFor(ulong cycles)
    {
        var until = Core.Cycles + cycles;
        while (true)
        {
            var stop = Core.Run(until);
            Drain();
            if (stop.Reason != StopReason.Yield || Core.Cycles >= until) return stop;
        }
    }

    /// <summary>Runs <paramref name="cycles"/> with nothing sent; returns the cycles the core spent asleep (WFI fast-forwarded).</summary>
    public ulong RunIdle(ulong cycles)
    {
        var asleep = Core.SleepCycles;
        var stop = RunFor(cycles);
        Assert.True(stop.Reason == StopReason.MaxCycles, stop.ToString());
        return Core.SleepCycles - asleep;
    }

    /// <summary>Core cycles and instructions when the last byte of <paramref name="frame"/> reached the host.</summary>
    public (ulong Cycles, ulong Instructions) ArrivalOf(Frame frame) => arrivals[received.IndexOf(frame)];

    void Drain()
    {
        Span<byte> buffer = stackalloc byte[256];
        int n;
        while ((n = Wiring.Uart.HostRead(buffer)) > 0) decoder.Push(buffer[..n], received);
        while (arrivals.Count < received.Count) arrivals.Add((Core.Cycles, Core.Instructions));
    }

    public IEnumerable<T> Messages<T>(int from = 0) where T : BoardMessage =>
        received.Skip(from).Select(BoardMessage.Parse).OfType<T>();

    static string Describe(IEnumerable<Frame> frames) =>
        string.Join(", ", frames.GroupBy(f => f.Type).Select(g => $"{g.Count()} {g.Key}"));
}
