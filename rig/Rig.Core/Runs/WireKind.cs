using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>What carried a board's bytes (run.json <c>timing.wire</c>): only a UART (real, or the native board's paced model) is bound by the wire-time limit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WireKind>))]
public enum WireKind
{
    /// <summary>A serial port: a real UART (or a USB CDC port, which may beat the baud rate).</summary>
    [JsonStringEnumMemberName("uart")] Uart,
    /// <summary>The native virtual board paced like the profile's UART (`rig run --paced-uart`).</summary>
    [JsonStringEnumMemberName("paced-virtual-uart")] PacedVirtualUart,
    /// <summary>The native virtual board's pseudo-terminal at full speed: the limit is only what a UART would need.</summary>
    [JsonStringEnumMemberName("unpaced-pty")] UnpacedPty,
    /// <summary>An emulated board's UART: 10 bit times a byte at the profile's baud, in emulated time (wall time is not bound by it).</summary>
    [JsonStringEnumMemberName("emulated-uart")] EmulatedUart,
}
