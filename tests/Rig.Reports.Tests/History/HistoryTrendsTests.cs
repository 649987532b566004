using Rig.Core.Runs;
using Rig.Reports.Tests.Support;
using Rig.Store;

namespace Rig.Reports.Tests.History;

public sealed class HistoryTrendsTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Trends_follow_the_stored_runs_and_leave_gaps_where_a_run_did_not_measure()
    {
        // Kept under TestResults so `rig history --store <it>` can be tried by hand.
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "history");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        using var store = RunStore.Open(Path.Combine(dir, "history.db"));
        for (var seed = 1; seed <= 6; seed++)
        {
            var run = SampleRun.Write(_tmp.Sub($"r{seed}"), seed, new SampleRunShape { Clips = 10 + seed, Power = seed != 4 });
            store.FinishRun(run, _tmp.Sub($"r{seed}"));
        }
        var runs = store.History("py32f003");
        var series = HistoryTrends.Series(runs);

        Assert.Equal(6, series.Count);
        Assert.Equal(runs.Select(r => (double?)r.Metrics.AccuracyPercent), series[0].Values);
        Assert.Equal("host-cycles (host time)", series[1].Unit);
        Assert.Equal("uJ (host time)", series.Single(s => s.Title.StartsWith("Energy")).Unit);
        Assert.All(runs, r => Assert.Equal(MeasurementClock.Host, r.Metrics.CycleClock));
        Assert.Null(series.Single(s => s.Title.StartsWith("Energy")).Values[3]);
        Assert.Equal(5, series.Single(s => s.Title.StartsWith("Energy")).Values.Count(v => v is not null));
        var png = HistoryTrends.WritePlot(Path.Combine(dir, "history-py32f003.png"), runs);
        Assert.Equal(0x89, File.ReadAllBytes(png)[0]);
        Assert.True(new FileInfo(png).Length > 20_000);
    }
}
