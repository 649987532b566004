using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>How the clips reach the board (`rig run --mode`, run.json <c>mode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunMode>))]
public enum RunMode
{
    /// <summary>PCM in framed messages over serial: the bit-exact path.</summary>
    [JsonStringEnumMemberName("inject")] Inject,
    /// <summary>Speaker, air (or the virtual room), the board's microphone: the real-world path.</summary>
    [JsonStringEnumMemberName("acoustic")] Acoustic,
}
