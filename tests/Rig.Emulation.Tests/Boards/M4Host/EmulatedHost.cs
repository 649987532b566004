using Rig.Core;
using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Emulation.Tests.Boards.M4Host;

/// <summary>
/// The rig's side of an emulated board in a test: the shipped image on its chip with the board model
/// attached, frames written through <see cref="Common.UartLine.HostWrite"/> and read back by running the
/// core (in emulated cycles, within a budget) until a whole frame has come. Each byte reaching the
/// host yields the run, so <see cref="Next"/> returns at the cycle its frame's last byte arrived.
/// </summary>
public sealed class EmulatedHost
{
    readonly FrameDecoder decoder = new();
    readonly Queue<Frame> frames = new();
    readonly byte[] buffer = new byte[256];
    byte sequence;
    byte version = FrameFormat.MinVersion;

    public EmulatedHost(string board)
    {
        Profile = ProfileCatalog.Load(board);
        Chip = EmulatedChip.Create(Profile, Image(board));
        Wiring = BoardWiring.For(Chip);
        Model = BoardModels.Require(board);
        Model.Attach(Wiring);
        Wiring.Uart.HostBytesArrived += Core.Yield;
        Core.Slept += (_, _) => SleepCount++;
    }

    public BoardProfile Profile { get; }
    public EmulatedChip Chip { get; }
    public BoardWiring Wiring { get; }
    public IBoardModel Model { get; }
    public ArmCore Core => Chip.Core;

    /// <summary>Fast-forwarded sleeps so far (the app's idle WFI).</summary>
    public int SleepCount { get; private set; }

    /// <summary>The shipped image, built as `rig mem` builds it (nothing runs when it is fresh).</summary>
    public static string Image(string board)
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        var path = builder.DefaultElfPath(board);
        foreach (var step in builder.Build(board))
            Assert.True(step.Succeeded, $"{step.Command} exited {step.ExitCode}\n{step.Output}");
        return path;
    }

    /// <summary>Speaks the board's protocol version from now on (after its HELLO said which).</summary>
    public void Speak(byte protocolVersion) => version = protocolVersion;

    public void Send(MessageType type, ReadOnlySpan<byte> payload) =>
        Wiring.Uart.HostWrite(FrameFormat.Encode(type, sequence++, payload, version));

    /// <summary>Runs the core until <paramref name="cycles"/> more cycles have passed; any stop but the budget or a yield fails.</summary>
    public void RunFor(ulong cycles)
    {
        var until = Core.Cycles + cycles;
        while (Core.Cycles < until) Step(until);
    }

    /// <summary>The next board message, running the core at most <paramref name="budget"/> more cycles for it.</summary>
    public BoardMessage Next(ulong budget)
    {
        var until = Core.Cycles + budget;
        while (frames.Count == 0)
        {
            if (Core.Cycles >= until)
                throw new TimeoutException($"no frame from the board within {budget} cycles (at cycle {Core.Cycles}, pc 0x{Core.Pc:X8} {Chip.Symbols.Describe(Core.Pc)})");
            Step(until);
        }
        return BoardMessage.Parse(frames.Dequeue());
    }

    /// <summary>Messages until one satisfies <paramref name="isIt"/> (returned last), each within <paramref name="budget"/>.</summary>
    public List<BoardMessage> Until(Func<BoardMessage, bool> isIt, ulong budget)
    {
        var seen = new List<BoardMessage>();
        while (true)
        {
            var m = Next(budget);
            seen.Add(m);
            if (isIt(m)) return seen;
        }
    }

    /// <summary>IPSR and the active and pending exceptions, for a failure message.</summary>
    public string Exceptions()
    {
        var nvic = Core.Nvic;
        var active = Enumerable.Range(0, nvic.Count).Where(nvic.IsActive);
        var pending = Enumerable.Range(0, nvic.Count).Where(nvic.IsPending);
        return $"IPSR {Core.Ipsr}, PRIMASK {Core.Primask}, active [{string.Join(", ", active)}], pending [{string.Join(", ", pending)}], cycle {Core.Cycles}";
    }

    void Step(ulong until)
    {
        var stop = Core.Run(until);
        if (stop.Reason is not (StopReason.Yield or StopReason.MaxCycles))
            Assert.Fail($"the emulated {Profile.Name} stopped: {stop}\n{Exceptions()}");
        int n;
        while ((n = Wiring.Uart.HostRead(buffer)) > 0)
        {
            var got = new List<Frame>();
            decoder.Push(buffer.AsSpan(0, n), got);
            foreach (var f in got) frames.Enqueue(f);
        }
    }
}
