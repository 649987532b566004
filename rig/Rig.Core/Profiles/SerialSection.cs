using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>The board's protocol UART, and how long the host waits on it.</summary>
public sealed record SerialSection(int Baud, int RxBufferBytes)
{
    public SerialTimeouts Timeouts { get; init; } = new();

    public static SerialSection Read(YamlMap m)
    {
        m.RejectUnknown("baud", "rx_buffer_bytes", "timeouts");
        // No defaults: a guessed baud or ring size disagrees with the board's firmware and fails far from here.
        return new SerialSection(m.Int("baud", null, min: 1200, max: 12_000_000), m.Int("rx_buffer_bytes", null, min: 64, max: 65536))
        {
            Timeouts = SerialTimeouts.Read(m.Map("timeouts", required: false)),
        };
    }
}
