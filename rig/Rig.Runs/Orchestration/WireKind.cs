namespace Rig.Runs.Orchestration;

/// <summary>What carried a board's bytes: only a UART (real, or the native board's paced model) is bound by the wire-time limit.</summary>
public enum WireKind
{
    /// <summary>A serial port: a real UART (or a USB CDC port, which may beat the baud rate).</summary>
    Uart,
    /// <summary>The native virtual board paced like the profile's UART (`rig run --paced-uart`).</summary>
    PacedVirtualUart,
    /// <summary>The native virtual board's pseudo-terminal at full speed: the limit is only what a UART would need.</summary>
    UnpacedPty,
}
