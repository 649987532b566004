using Rig.Core.Profiles;
using Rig.Emulation.Boards;
using Rig.Hardware.Power;
using Rig.Runs.Power.Emulated;
using Rig.Simulation.Power;

namespace Rig.Emulation.Tests.Boards.Host;

/// <summary>
/// The emulated board's energy bench: the virtual INA219, read by the real driver and sampler on the sampler's own
/// clock in core cycles, converts the power model over the emulated core's sleep and run cycles.
/// </summary>
public sealed class EmulatedEnergyBenchTests
{
    static readonly BoardProfile Profile = ProfileCatalog.Load("py32f003");

    /// <summary>Boots the echo image (sent <paramref name="command"/> first, if any), lets it run 30 ms, and reads 20 ms of conversions after the bench's origin.</summary>
    static List<PowerReading> IdleReadings(out EnergyBench bench, out EmulatedBoard board, byte? command = null)
    {
        board = EmulatedBoard.Start(Profile, EchoImage.Path, new EchoUart());
        if (command is { } c)
        {
            board.HostWrite([c]);
            board.RunFor(TimeSpan.FromMilliseconds(1));
        }
        bench = EmulatedEnergyBench.Create(Profile, board);
        bench.Setup.Apply(bench.Device);
        var start = bench.Device.Time.GetTimestamp();
        board.RunFor(TimeSpan.FromMilliseconds(30));
        var readings = new List<PowerReading>();
        new PowerSampler(bench.Device, bench.Marker).SampleUntil(start + board.ClockHz / 50, readings);
        return readings;
    }

    [Fact]
    public void An_idle_board_reads_as_the_power_model_s_sleep_current()
    {
        var readings = IdleReadings(out var bench, out var board);
        using (bench)
        using (board)
        {
            var model = BoardPowerModel.FromProfile(Profile);
            var lsb = Resolution(bench);
            // 20 ms of 12-bit shunt + bus conversions (1.064 ms each): the sampler keeps up with every one.
            Assert.InRange(readings.Count, 17, 19);
            foreach (var r in readings)
            {
                Assert.InRange(r.Sample.CurrentAmps, model.SleepAmps - lsb, model.SleepAmps + lsb);
                Assert.False(r.Marker);
            }
            // The core really slept: all but the instructions of its boot and idle loop.
            Assert.True(board.Core.SleepCycles > board.Cycles * 99 / 100, $"{board.Core.SleepCycles} of {board.Cycles} cycles asleep");
        }
    }

    /// <summary>The current the INA219 resolves: its current LSB, or one shunt ADC count (10 uV) across the shunt, whichever is coarser.</summary>
    static double Resolution(EnergyBench bench) =>
        Math.Max(bench.Setup.Calibration.CurrentLsbAmps, 10e-6 / bench.Setup.Calibration.ShuntOhms);

    [Fact]
    public void A_board_that_never_sleeps_reads_as_the_power_model_s_run_current()
    {
        var readings = IdleReadings(out var bench, out var board, command: 0xFC);
        using (bench)
        using (board)
        {
            var model = BoardPowerModel.FromProfile(Profile);
            Assert.True(model.RunAmps > 10 * Resolution(bench));
            Assert.InRange(readings.Count, 17, 19);
            foreach (var r in readings) Assert.InRange(r.Sample.CurrentAmps, model.RunAmps - Resolution(bench), model.RunAmps + Resolution(bench));
        }
    }

    [Fact]
    public void Two_benches_on_the_same_image_read_the_same_conversions_at_the_same_emulated_times()
    {
        var a = IdleReadings(out var benchA, out var boardA);
        var b = IdleReadings(out var benchB, out var boardB);
        using (benchA) using (boardA) using (benchB) using (boardB)
        {
            Assert.Equal(a.Select(r => (r.Timestamp, r.PowerWatts)), b.Select(r => (r.Timestamp, r.PowerWatts)));
        }
    }
}
