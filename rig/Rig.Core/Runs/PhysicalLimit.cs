using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>What sets a run's physical limit (run.json <c>timing.physicalLimit</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PhysicalLimit>))]
public enum PhysicalLimit
{
    /// <summary>Inject mode, the host sends more than it receives: the PCM going out.</summary>
    [JsonStringEnumMemberName("host->board UART")] HostToBoardUart,
    /// <summary>Inject mode, the board sends more than it receives.</summary>
    [JsonStringEnumMemberName("board->host UART")] BoardToHostUart,
    /// <summary>Acoustic mode: sound plays in real time whatever the wire can do.</summary>
    [JsonStringEnumMemberName("audio duration")] AudioDuration,
}
