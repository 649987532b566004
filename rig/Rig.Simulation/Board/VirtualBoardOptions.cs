namespace Rig.Simulation.Board;

/// <summary>How to start a native virtual board.</summary>
/// <param name="Profile">Profile whose tables and weights the board runs.</param>
/// <param name="WithMicrophone">Create a FIFO the rig writes captured (virtual room) samples into: acoustic mode.</param>
/// <param name="FaultResetAfterBytes">Test hook: the board resets itself once after receiving this many bytes (0 = never).</param>
/// <param name="FaultSilentAfterBytes">Test hook: the board goes silent for good after this many bytes (0 = never).</param>
/// <param name="Uart">Pace the pseudo-terminal like this UART (null = as fast as the pty goes).</param>
/// <param name="PowerLine">Let the board report its marker pin and run/sleep state on a FIFO (<see cref="VirtualBoard.PowerLine"/>): energy runs.</param>
/// <param name="Executable">A native board executable built elsewhere (another model folder); null = the profile's, built if needed.</param>
public sealed record VirtualBoardOptions(
    string Profile,
    bool WithMicrophone = false,
    long FaultResetAfterBytes = 0,
    long FaultSilentAfterBytes = 0,
    UartPacing? Uart = null,
    bool PowerLine = false,
    string? Executable = null)
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
}
