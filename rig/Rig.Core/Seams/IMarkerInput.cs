namespace Rig.Core.Seams;

/// <summary>The board's marker line (high while a measured window runs), read by the sampler.</summary>
public interface IMarkerInput : IDisposable
{
    bool Read();

    /// <summary>Forget earlier edges; the next rising and falling edge bound the window.</summary>
    void Arm();

    /// <summary>TimeProvider timestamps of the rising and falling edge since <see cref="Arm"/>, if both happened.</summary>
    (long Start, long Stop)? Window { get; }
}
