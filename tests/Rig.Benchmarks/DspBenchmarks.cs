using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Dsp.Signals;

namespace Rig.Benchmarks;

/// <summary>
/// DSP target: the golden model's feature columns per second for each profile, against the
/// real-time need (sample_rate / hop columns per second of audio). One operation = one column
/// (one hop of samples pushed into a warmed-up frontend), so Op/s is columns per second; the
/// "RealTime" column shows the need and "xRealTime" how many times faster than real time it runs.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
[Config(typeof(RealTimeConfig))]
public class DspBenchmarks
{
    private Q15Frontend _frontend = null!;
    private short[] _audio = [];
    private int _pos;
    private int _hop;

    /// <summary>Every profile of the checkout (profiles/*.yaml).</summary>
    public static IEnumerable<string> Profiles => ProfileCatalog.Names();

    [ParamsSource(nameof(Profiles))]
    public string Profile { get; set; } = "py32f003";

    [GlobalSetup]
    public void Setup()
    {
        var config = ProfileCatalog.Load(Profile).Frontend;
        _frontend = new Q15Frontend(config);
        _audio = TestSignals.Noise(config.SampleRate * 4, seed: 1);
        _hop = config.Hop;
        _frontend.Push(_audio.AsSpan(0, config.FftLength), out _);
        _pos = config.FftLength;
    }

    [Benchmark(Description = "golden model column")]
    public int Column()
    {
        if (_pos + _hop > _audio.Length) _pos = 0;
        var used = _frontend.Push(_audio.AsSpan(_pos, _hop), out var ready);
        _pos += used;
        return ready ? _frontend.Column[0] : 0;
    }

    private sealed class RealTimeConfig : ManualConfig
    {
        public RealTimeConfig()
        {
            AddColumn(new RealTimeColumn(false), new RealTimeColumn(true));
        }
    }

    /// <summary>Real-time need (columns/s of audio) and the measured columns/s divided by it.</summary>
    private sealed class RealTimeColumn(bool ratio) : IColumn
    {
        public string Id => ratio ? "xRealTime" : "RealTime";
        public string ColumnName => ratio ? "xRealTime" : "RealTime col/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => ratio ? 1 : 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => ratio ? "measured columns per second / real-time need" : "columns per second of audio (sample_rate / hop)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var profile = (string)benchmarkCase.Parameters["Profile"];
            var need = ProfileCatalog.Load(profile).Frontend.ColumnsPerSecond;
            if (!ratio) return need.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            var perSecond = 1e9 / stats.Mean;
            return (perSecond / need).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
