using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>The board's protocol UART.</summary>
public sealed record SerialSection(int Baud, int RxBufferBytes)
{
    public static SerialSection Read(YamlMap m)
    {
        m.RejectUnknown("baud", "rx_buffer_bytes");
        return new SerialSection(m.Int("baud", 115200, min: 1200, max: 12_000_000), m.Int("rx_buffer_bytes", 256, min: 64, max: 65536));
    }
}
