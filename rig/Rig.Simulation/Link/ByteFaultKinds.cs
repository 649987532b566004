namespace Rig.Simulation.Link;

/// <summary>What may happen to one faulted byte; the injector picks one of the enabled kinds per fault.</summary>
[Flags]
public enum ByteFaultKinds
{
    None = 0,
    /// <summary>The byte never arrives.</summary>
    Drop = 1,
    /// <summary>One of its eight bits is inverted.</summary>
    Flip = 2,
    /// <summary>It arrives twice.</summary>
    Duplicate = 4,
    All = Drop | Flip | Duplicate,
}
