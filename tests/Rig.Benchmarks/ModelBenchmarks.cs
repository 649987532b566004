using BenchmarkDotNet.Attributes;
using Rig.Core.Profiles;
using Rig.Model.Clips;
using Rig.Model.Files;
using Rig.Model.Quantized;
using Rig.Model.Training;

namespace Rig.Benchmarks;

/// <summary>
/// MODEL targets: the C# twin must keep up with the golden model on a long run (one window
/// inference far below a column's duration: 8 ms on py32f003), and `rig train` must stay quick
/// enough to retrain on every frontend change (a profile's training pass in seconds).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private QuantizedModel _model = null!;
    private ClassifierSection _classifier = null!;
    private short[][] _columns = [];
    private List<LabelledClip> _train = [];
    private BoardProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profile = ProfileCatalog.Load("py32f003");
        _model = ModelFiles.Load("py32f003");
        _classifier = _profile.Classifier;
        var rng = new SplitMix64(5);
        // 10 s of columns at 125 columns/s.
        _columns = Enumerable.Range(0, 1250)
            .Select(_ => Enumerable.Range(0, _model.Bands).Select(b => (short)(_model.InputOffset[b] + rng.NextInt(1000) - 500)).ToArray())
            .ToArray();
        _train = Enumerable.Range(0, 60)
            .Select(i => new LabelledClip($"c{i}", i % 6, _columns.Skip(i * 20).Take(250).Select(c => c.Select(v => (short)(v + 40 * (i % 6))).ToArray()).ToList()))
            .ToList();
    }

    /// <summary>Twin inference over a 10 s clip (77 windows).</summary>
    [Benchmark]
    public int ClassifyTenSecondClip() => ClipClassifier.Classify(_model, _columns, _classifier).PredictedIndex;

    /// <summary>Training (20 epochs) on 60 clips of 2 s: the per-clip cost of `rig train` after features.</summary>
    [Benchmark]
    public long TrainSixtyClips() => ProfileTraining.Train(_profile, "bench", _train, "bench", _train.Take(6).ToList(), new TrainingOptions()).Model.Macs;
}
