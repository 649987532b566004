namespace Rig.Emulation.Timing;

/// <summary>
/// The cycle timing of one core. Stateful (an M4 load right after a load pipelines), so one
/// instance per core; every number in an implementation names its TRM table in a comment.
/// </summary>
public interface ICycleModel
{
    /// <summary>Cycles of one executed instruction fetched from <paramref name="pc"/>, wait states included.</summary>
    int Cycles(in Retired op, uint pc);

    /// <summary>An instruction skipped by its IT condition.</summary>
    int ConditionFailed(uint pc);

    /// <summary>Exception entry (stacking, vector fetch) and return (unstacking) latencies.</summary>
    int ExceptionEntry { get; }
    int ExceptionReturn { get; }
}
