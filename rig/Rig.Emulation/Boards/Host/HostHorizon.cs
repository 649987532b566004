using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Host;

/// <summary>
/// The host as the core's one more timed device: the end of the current run (a read's timeout, a timer's due time).
/// A port idling in WFI with no timer running waits for the host's next byte, which can only come after the run:
/// the core fast-forwards its sleep to this horizon instead of declaring a sleep that nothing can ever end.
/// </summary>
internal sealed class HostHorizon : IClocked
{
    public ulong NextEventCycle { get; set; } = ulong.MaxValue;

    public void Service(ulong now) { }
}
