using Rig.Core.Runs;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;

namespace Rig.Hardware.Tests.Power;

public class PowerWindowAnalysisTests
{
    private static PowerReading At(long previousPoll, long stamp, double watts) =>
        new(new Ina219Sample(stamp, previousPoll, 3.3, watts / 3.3, watts, 0, stamp), false);

    [Fact]
    public void Only_conversions_wholly_inside_the_window_count_and_energy_uses_the_marked_length()
    {
        // Cycle 10 ticks; window [100, 300] ticks at 1 tick = 1 s for easy numbers.
        var readings = new List<PowerReading>
        {
            At(80, 95, 1.0),      // idle
            At(105, 108, 5.0),    // began before 100 (105 - 10 = 95): straddles the start mark
            At(112, 118, 2.0),
            At(200, 205, 4.0),
            At(295, 301, 7.0),    // ended after 300: straddles the stop mark
        };
        var m = PowerWindowAnalysis.Analyse(readings, new PowerWindow(0, 100), new PowerWindow(100, 300), 4,
            TimeSpan.FromSeconds(10), 1, "test");
        Assert.True(m.Result.Measured);
        Assert.Equal(2, m.Result.Samples);
        Assert.Equal(3000, m.Result.ActivePowerMw!.Value, 9);                 // mean of 2 W and 4 W
        Assert.Equal(3.0 * 200 / 4 * 1e6, m.Result.EnergyPerInferenceUj!.Value, 6); // 3 W x 200 s / 4
        Assert.Equal(1000, m.Result.IdlePowerMw!.Value, 9);
        Assert.Equal(200, m.Result.WindowSeconds);
        Assert.Equal([0, 1, 1, 1, 0], m.Trace.Select(s => s.Marker));
        Assert.NotNull(m.Result.Reason); // fewer than 200 samples is said
    }

    [Fact]
    public void An_empty_window_is_not_measured_with_a_reason()
    {
        var m = PowerWindowAnalysis.Analyse([At(0, 5, 1)], new PowerWindow(0, 1), new PowerWindow(10, 12), 1, TimeSpan.FromSeconds(10), 1, "mon");
        Assert.False(m.Result.Measured);
        Assert.Contains("no complete INA219 conversion", m.Result.Reason);
    }

    [Fact]
    public void The_trace_is_written_as_the_report_reads_it()
    {
        var dir = Directory.CreateTempSubdirectory("rig-power-").FullName;
        try
        {
            var readings = Enumerable.Range(0, 10).Select(i => At(i * 10 + 1, i * 10 + 5, i)).ToList();
            var m = PowerWindowAnalysis.Analyse(readings, new PowerWindow(0, 30), new PowerWindow(30, 100), 2, TimeSpan.FromSeconds(1), 1, "mon");
            var result = m.WriteTrace(dir);
            Assert.Equal("power.csv", result.TraceFile);
            var back = PowerTraceCsv.Read(Path.Combine(dir, "power.csv"));
            Assert.Equal(m.Trace, back);
        }
        finally { Directory.Delete(dir, true); }
    }
}
