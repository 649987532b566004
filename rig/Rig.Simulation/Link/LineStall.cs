namespace Rig.Simulation.Link;

/// <summary>No byte moves either way from <paramref name="At"/> (since the link opened) for <paramref name="Duration"/>; held bytes go on afterwards.</summary>
public sealed record LineStall(TimeSpan Duration, TimeSpan At)
{
    public TimeSpan End => At + Duration;
    public bool Covers(TimeSpan t) => t >= At && t < End;
}
