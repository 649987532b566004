using Rig.Core.Seams;

namespace Rig.Hardware.Power;

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
