using BenchmarkDotNet.Attributes;
using Rig.Core.Profiles;
using Rig.Hardware.Power;
using Rig.Simulation.Power;

namespace Rig.Benchmarks;

/// <summary>
/// POWER: host time of one virtual energy measurement (idle + window of >= 200 INA219 cycles of 1.064 ms,
/// about 0.55 s of virtual time) and of sampling 10 s of virtual time. Virtual runs must be much faster
/// than real time: the measurement should take well under the ~0.55 s it simulates.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PowerBenchmarks
{
    private VirtualPowerMonitor _monitor = null!;
    private BoardProfile _profile = null!;
    private ActivityTimeline _tenSeconds = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profile = ProfileCatalog.Load("py32f003");
        _monitor = VirtualPowerMonitor.ForProfile(_profile);
        _tenSeconds = _monitor.Model.Periodic(0.128, 0.032, 10);
    }

    [Benchmark]
    public double EnergyPerInference()
    {
        var burst = new ReplayedBurst(96_000, _profile.Board.ClockHz); // 4 ms per inference at 24 MHz
        return _monitor.MeasureAsync(burst, 0.004).GetAwaiter().GetResult().Result.EnergyPerInferenceUj ?? double.NaN;
    }

    [Benchmark]
    public int SampleTenVirtualSeconds() => _monitor.Sample(_tenSeconds).Count;
}
