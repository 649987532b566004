using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>The board's protocol UART, and how long the host waits on it.</summary>
public sealed record SerialSection(int Baud, int RxBufferBytes)
{
    public SerialTimeouts Timeouts { get; init; } = new();

    public static SerialSection Read(YamlMap m)
    {
        m.RejectUnknown("baud", "rx_buffer_bytes", "timeouts");
        return new SerialSection(m.Int("baud", 115200, min: 1200, max: 12_000_000), m.Int("rx_buffer_bytes", 256, min: 64, max: 65536))
        {
            Timeouts = SerialTimeouts.Read(m.Map("timeouts", required: false)),
        };
    }
}
