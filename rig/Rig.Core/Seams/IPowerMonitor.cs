using Rig.Core.Runs;

namespace Rig.Core.Seams;

/// <summary>
/// Measures a board's power: idle first, then a marked window of K back-to-back inferences. Built by the composition
/// root (Rig.Runs/Parts/RigParts picks the real INA219, the virtual one, or a not-measured monitor). Never throws for
/// measurement trouble: the result says Measured=false and why.
/// </summary>
public interface IPowerMonitor : IDisposable
{
    /// <summary>"INA219 i2c-1 0x40", "virtual INA219 0x40 (py32f003 power model)", "not measured: ...".</summary>
    string Description { get; }

    bool IsAvailable { get; }

    /// <summary>
    /// Measures idle power, picks K from <paramref name="estimatedSecondsPerInference"/> so the window holds at
    /// least InferenceCount.MinimumWindowSamples (Rig.Hardware.Power) samples, runs <paramref name="burst"/> and returns
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
