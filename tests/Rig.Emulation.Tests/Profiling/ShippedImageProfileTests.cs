using Rig.Emulation.Profiling;
using Rig.Emulation.Tests.Boards.M4Host;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Profiling;

/// <summary>
/// The shipped image of a board, profiled while it plays an inject clip the way the rig drives it: the
/// emulator's stack high-water (lowest SP) against the firmware's own painted figure from STATS, the
/// frontend's scope, and the SRAM written from main() on against the ELF's static RAM.
/// </summary>
public sealed class ShippedImageProfileTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("stm32l4")]
    [InlineData("nrf52840")]
    public void The_emulators_stack_high_water_equals_the_firmwares_painted_one(string board)
    {
        var host = new EmulatedHost(board);
        var probe = FirmwareProbe.Create(host.Core, host.Chip.Elf);
        host.Core.Trace = probe;
        var columns = BoardScenarios.Inject(host, BoardScenarios.Signal(host, "sweep", columns: 8));
        // One more (empty) clip: its STATS carry the painted high-water since boot.
        var budget = (ulong)host.Profile.Board.ClockHz;
        host.Send(MessageType.Start, HostMessages.Start());
        host.Until(m => m is Ack { Acknowledged: MessageType.Start }, budget);
        host.Send(MessageType.Stop, []);
        var stats = (StatsReport)host.Until(m => m is StatsReport, budget)[^1];
        var r = probe.Result();
        var p = r.Profile!;
        foreach (var f in p.Top(10)) output.WriteLine($"{f.Name,-28} self {f.SelfCycles,10} total {f.TotalCycles,10} calls {f.Calls,7}");
        output.WriteLine($"stack: painted {stats.StackHighWater} B, emulator {r.StackHighWaterBytes} B; SRAM written {r.RamTouchedBytes} B, static {r.StaticRamBytes} B ({r.StaticRamTouchedBytes} B of it written)");

        Assert.Equal((int)stats.StackHighWater, r.StackHighWaterBytes);
        Assert.True(r.RamCountedFromMain);
        Assert.InRange(r.StaticRamTouchedBytes!.Value, 1, r.StaticRamBytes);
        Assert.True(r.RamTouchedBytes >= r.StaticRamTouchedBytes + r.StackHighWaterBytes / 2, "the stack's bytes are written too");
        var frontend = p.Of(FirmwareScopes.Frontend)!;
        Assert.True(frontend.Calls >= (ulong)columns.Count, $"{frontend.Calls} frontend calls for {columns.Count} columns");
        output.WriteLine($"frontend: profile {frontend.TotalCycles} cycles in {frontend.Calls} calls; the board's own DWT count for its {columns.Count} columns {columns.Sum(c => (long)c)} (interrupts included)");
        Assert.Equal(host.Core.Cycles, p.Cycles);
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("rp2040")]
    [InlineData("stm32l4")]
    [InlineData("nrf52840")]
    public void The_cores_own_lowest_SP_gives_the_painted_high_water_without_a_trace(string board)
    {
        var host = new EmulatedHost(board);
        var core = CoreStackWatch.Start(host.Core, host.Chip.Elf);
        var probe = FirmwareProbe.Create(host.Core, host.Chip.Elf, functions: false, ramWrites: false);
        host.Core.Trace = probe;
        BoardScenarios.Inject(host, BoardScenarios.Signal(host, "sweep", columns: 8));
        var budget = (ulong)host.Profile.Board.ClockHz;
        host.Send(MessageType.Start, HostMessages.Start());
        host.Until(m => m is Ack { Acknowledged: MessageType.Start }, budget);
        host.Send(MessageType.Stop, []);
        var stats = (StatsReport)host.Until(m => m is StatsReport, budget)[^1];
        var fromCore = core.Result();
        var traced = probe.Result();
        output.WriteLine($"stack: painted {stats.StackHighWater} B, core's lowest SP {fromCore.StackHighWaterBytes} B, traced {traced.StackHighWaterBytes} B");

        Assert.Equal((int)stats.StackHighWater, fromCore.StackHighWaterBytes);
        Assert.Equal(traced.LowestSp, fromCore.LowestSp);
        Assert.Null(fromCore.Profile);
        Assert.InRange(fromCore.StackHighWaterBytes, 1, host.Profile.Memory.StackReserveBytes);
    }
}
