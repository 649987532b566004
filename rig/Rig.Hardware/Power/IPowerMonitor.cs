namespace Rig.Hardware.Power;

/// <summary>
/// Measures a board's power: idle first, then a marked window of K back-to-back inferences. Built once
/// per run (PowerMonitorFactory in Rig.Simulation.Power picks the real INA219, the virtual one, or a
/// not-measured monitor). Never throws for measurement trouble: the result says Measured=false and why.
/// </summary>
public interface IPowerMonitor : IDisposable
{
    /// <summary>"INA219 i2c-1 0x40", "virtual INA219 0x40 (py32f003 power model)", "not measured: ...".</summary>
    string Description { get; }

    bool IsAvailable { get; }

    /// <summary>
    /// Measures idle power, picks K from <paramref name="estimatedSecondsPerInference"/> so the window holds at
    /// least <see cref="InferenceCount.MinimumWindowSamples"/> samples, runs <paramref name="burst"/> and returns
    /// energy per inference = mean window power x window length / K, with the trace.
    /// </summary>
    Task<PowerMeasurement> MeasureAsync(IInferenceBurst burst, double estimatedSecondsPerInference, CancellationToken ct = default);
}

/// <summary>What the run orchestrator implements: make the board run K inferences in a marked window.</summary>
public interface IInferenceBurst
{
    /// <summary>
    /// Runs <paramref name="inferences"/> inferences back to back. Call <see cref="IWindowMarks.Start"/> when the
    /// board's window-start mark arrives and <see cref="IWindowMarks.Stop"/> at window end (ignored when the monitor
    /// reads a GPIO marker pin or drives a virtual board's timeline).
    /// </summary>
    Task<BurstReport> RunAsync(int inferences, IWindowMarks marks, CancellationToken ct);
}

public interface IWindowMarks
{
    void Start();
    void Stop();
}

/// <summary>Cycles each inference took and the rate those cycles tick at (board_cycles_hz()).</summary>
public sealed record BurstReport(IReadOnlyList<long> CyclesPerInference, double CyclesHz)
{
    public double SecondsOf(int inference) => CyclesPerInference[inference % CyclesPerInference.Count] / CyclesHz;
}

/// <summary>
/// A burst that replays cycle counts already known (e.g. from the clips' stats) without talking to a board:
/// for virtual boards, whose power comes from the model anyway. Marks are set around a zero-length wait.
/// </summary>
public sealed class ReplayedBurst : IInferenceBurst
{
    private readonly IReadOnlyList<long> _cycles;
    private readonly double _hz;

    public ReplayedBurst(long cyclesPerInference, double cyclesHz) : this([cyclesPerInference], cyclesHz) { }

    public ReplayedBurst(IReadOnlyList<long> cyclesPerInference, double cyclesHz)
    {
        if (cyclesPerInference.Count == 0 || cyclesPerInference.Any(c => c <= 0))
            throw new ArgumentException("cycles per inference must be a non-empty list of positive counts", nameof(cyclesPerInference));
        if (!(cyclesHz > 0)) throw new ArgumentOutOfRangeException(nameof(cyclesHz), cyclesHz, "cycle rate must be positive");
        _cycles = cyclesPerInference;
        _hz = cyclesHz;
    }

    public Task<BurstReport> RunAsync(int inferences, IWindowMarks marks, CancellationToken ct)
    {
        marks.Start();
        var cycles = Enumerable.Range(0, inferences).Select(i => _cycles[i % _cycles.Count]).ToArray();
        marks.Stop();
        return Task.FromResult(new BurstReport(cycles, _hz));
    }
}
