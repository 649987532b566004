using Rig.Cli.Tests.Support;
using Rig.Core.Runs;
using Rig.Store;

namespace Rig.Cli.Tests;

/// <summary>`rig history` says, per run, whose clock counted its cycles and timed its energy.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void History_names_the_clock_of_every_cycle_and_energy_figure()
    {
        var db = Path.Combine(_tmp.Path, "history.db");
        using (var store = RunStore.Open(db))
        {
            var host = SampleRun.Write(_tmp.Sub("host"), 1);
            store.FinishRun(host, _tmp.Sub("host"));
            var mcu = SampleRun.Write(_tmp.Sub("mcu"), 2);
            mcu = mcu with
            {
                RunId = "mcu-run",
                Cycles = mcu.Cycles! with { Unit = CycleUnit.McuCycles, Clock = MeasurementClock.Mcu },
                Power = mcu.Power! with { Clock = MeasurementClock.Mcu },
            };
            store.FinishRun(mcu, _tmp.Sub("mcu"));
            var unmeasured = SampleRun.Write(_tmp.Sub("none"), 3, new SampleRunShape { Power = false }) with { RunId = "no-energy" };
            store.FinishRun(unmeasured, _tmp.Sub("none"));
        }
        var r = RigProcess.Run(_tmp.Path, "history", "--profile", "py32f003", "--store", db, "--plot", Path.Combine(_tmp.Path, "h.png"));
        Assert.True(r.ExitCode == 0, r.ToString());
        // The table wraps to the console width; the cells are what matters: both clocks of each run.
        var cells = r.Out.Split('│', '\n').Select(c => c.Trim()).ToList();
        Assert.Contains("clock", string.Join(" ", cells));
        Assert.Equal(2, cells.Count(c => c == "mcu"));   // cycles and energy of the MCU run
        Assert.Equal(3, cells.Count(c => c == "host"));  // cycles of two runs, energy of one
        Assert.Contains("-", cells);                     // the run without energy has no energy clock
    }
}
