namespace Rig.Simulation.Board;

/// <summary>
/// A UART wire for the native virtual board (firmware/boards/native/uart_wire.h): 10 bit times per
/// byte (8N1) at <paramref name="Baud"/>, each direction on its own, into a board RX ring of
/// <paramref name="RxBufferBytes"/> (the profile's serial section). The board then announces as
/// many credits as that ring holds AUDIO frames, as a Cortex-M port with that ring does.
/// </summary>
public sealed record UartPacing(int Baud, int RxBufferBytes)
{
    public UartPacing Validated()
    {
        if (Baud is < 1200 or > 20_000_000) throw new ArgumentException($"paced UART: baud {Baud} is outside 1200..20000000");
        if (RxBufferBytes is < 2 or > 65535) throw new ArgumentException($"paced UART: rx buffer {RxBufferBytes} bytes is outside 2..65535 (the native board's ring)");
        return this;
    }
}
