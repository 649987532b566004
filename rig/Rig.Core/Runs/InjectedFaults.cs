namespace Rig.Core.Runs;

/// <summary>
/// What a chaos link (<c>--line-faults</c>) did to the line during a run, so a run that needed
/// recovery can be read against the faults it was given. Null in run.json when the line was left alone.
/// </summary>
/// <param name="Spec">The fault spec as parsed (normalised), e.g. "ber=0.0001,kinds=drop+flip+dup,seed=7".</param>
/// <param name="ToBoard">Host -> board direction.</param>
/// <param name="ToHost">Board -> host direction.</param>
/// <param name="Stalls">Stall windows the run reached.</param>
/// <param name="Resets">RESET frames injected toward the board.</param>
public sealed record InjectedFaults(string Spec, DirectionFaults ToBoard, DirectionFaults ToHost, int Stalls, int Resets);

/// <summary>Bytes one direction carried into the fault injector and the faults it applied to them.</summary>
public sealed record DirectionFaults(long Bytes, long Dropped, long Flipped, long Duplicated);
