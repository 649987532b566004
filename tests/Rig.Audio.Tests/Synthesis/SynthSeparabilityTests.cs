using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Core;
using Xunit.Abstractions;

namespace Rig.Audio.Tests.Synthesis;

/// <summary>
/// The shipped playlists must be learnable by a tiny model: even a nearest-centroid classifier on
/// 20-band log-mel means and deviations, fitted on 8 clips per label of train.yaml, labels reference.yaml
/// (unseen seeds) at >= 90 % at the lowest board rate (8 kHz) and at 16 kHz.
/// </summary>
public class SynthSeparabilityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Reference_clips_are_classified_from_train_clips_by_nearest_centroid(int rate)
    {
        var train = Playlist.LoadShipped("train").Items.GroupBy(i => i.Label).SelectMany(g => g.Take(8)).ToList();
        var reference = Playlist.LoadShipped("reference").Items;
        var trainX = train.Select(i => LogMelStats.Of(ClipRenderer.Render(i, rate), rate)).ToList();
        var d = trainX[0].Length;
        var mean = Enumerable.Range(0, d).Select(j => trainX.Average(v => v[j])).ToArray();
        var sd = Enumerable.Range(0, d).Select(j => Math.Sqrt(trainX.Average(v => (v[j] - mean[j]) * (v[j] - mean[j]))) + 1e-9).ToArray();
        double[] Z(double[] v) => v.Select((x, j) => (x - mean[j]) / sd[j]).ToArray();
        var centroids = Labels.All.Select(l =>
        {
            var rows = train.Select((item, k) => (item, k)).Where(p => p.item.Label == l).Select(p => Z(trainX[p.k])).ToList();
            return Enumerable.Range(0, d).Select(j => rows.Average(r => r[j])).ToArray();
        }).ToArray();

        var correct = 0;
        var confusion = new int[Labels.All.Count, Labels.All.Count];
        foreach (var item in reference)
        {
            var z = Z(LogMelStats.Of(ClipRenderer.Render(item, rate), rate));
            var predicted = Enumerable.Range(0, centroids.Length).MinBy(c => centroids[c].Select((m, j) => (m - z[j]) * (m - z[j])).Sum());
            confusion[item.LabelIndex, predicted]++;
            if (predicted == item.LabelIndex) correct++;
        }
        var accuracy = (double)correct / reference.Count;
        output.WriteLine($"{rate} Hz: nearest-centroid accuracy {accuracy:P1} ({correct}/{reference.Count})");
        for (var i = 0; i < Labels.All.Count; i++)
            output.WriteLine($"{Labels.All[i],-12}" + string.Concat(Enumerable.Range(0, Labels.All.Count).Select(j => $"{confusion[i, j],4}")));
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1}");
    }
}
