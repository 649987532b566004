using Rig.Store.History;
using Rig.Store.Tests.Support;

namespace Rig.Store.Tests.History;

/// <summary>
/// Four rigs finishing at once against one store (each opening it, so the first ones also race to create the schema):
/// 4 runs of 54 clips, 216 clip rows, none lost, none duplicated, on PostgreSQL and on one SQLite file.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentWriterTests(PostgresFixture postgres) : IDisposable
{
    private const int Writers = 4;
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public async Task Four_writers_at_once_lose_and_duplicate_nothing(string kind)
    {
        var location = StoreKind.NewLocation(kind, _tmp, postgres.Server);
        var runs = Enumerable.Range(0, Writers).Select(i => FarmRuns.Make(_tmp, 40 + i, $"rig-{(char)('a' + i)}")).ToList();
        using var start = new Barrier(Writers);
        var writers = runs.Select(run => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(60));
            using var store = HistoryStores.OpenAt(location);
            store.Record(run, null);
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(120));

        using var reader = HistoryStores.OpenAt(location);
        var stored = reader.History(null, 100);
        Assert.Equal(runs.Select(r => r.RunId).Order(StringComparer.Ordinal), stored.Select(r => r.RunId).Order(StringComparer.Ordinal));
        Assert.Equal(Writers * FarmRuns.ReferenceClips, runs.Sum(r => reader.ClipRows(r.RunId)));
        foreach (var run in runs)
        {
            var back = reader.FinishedRun(run.RunId)!;
            Assert.Equal(Enumerable.Range(0, FarmRuns.ReferenceClips), back.Clips.Select(c => c.Index));
            Assert.Equal(run.Clips.Select(c => (c.Name, c.Predicted)), back.Clips.Select(c => (c.Name, c.Predicted)));
            Assert.Equal(run.Host, Assert.Single(stored, s => s.RunId == run.RunId).Host);
        }
    }
}
