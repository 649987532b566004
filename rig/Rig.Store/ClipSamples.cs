using Rig.Core.Runs;

namespace Rig.Store;

/// <summary>
/// What one clip contributed to the run-level figures beyond its own result: every frontend column's and every
/// inference's cycle count and the link counters it added. Kept in run.db (not run.json), so a resumed run's
/// cycle statistics and link health are computed from every clip of every session, never from medians of medians.
/// <see cref="Board"/> is what the board said it was (HELLO), so a resume can tell when another device now answers.
/// </summary>
public sealed record ClipSamples(IReadOnlyList<double> ColumnCycles, IReadOnlyList<double> ModelCycles, LinkCounters Link, BoardStats? Stats, string Board);
