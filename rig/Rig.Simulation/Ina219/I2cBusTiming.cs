namespace Rig.Simulation.Ina219;

/// <summary>
/// Bit times of I2C transfers (standard/fast mode framing): START 1, each byte 8 bits + ACK = 9,
/// repeated START 1, STOP 1. A register read with a pointer write (START, addr+W, pointer, Sr,
/// addr+R, 2 data bytes, STOP) is 1 + 9 + 9 + 1 + 9 + 18 + 1 = 48 bit times: 480 us at 100 kHz,
/// 120 us at 400 kHz. A read that reuses the pointer is 1 + 9 + 18 + 1 = 29 bit times (290 / 72.5 us).
/// Bus-free time and clock stretching are ignored.
/// </summary>
public static class I2cBusTiming
{
    public static int WriteBits(int bytes) => 1 + 9 * (1 + bytes) + 1;
    public static int ReadBits(int bytes) => 1 + 9 * (1 + bytes) + 1;
    public static int WriteReadBits(int written, int read) => 1 + 9 * (1 + written) + 1 + 9 * (1 + read) + 1;

    public static TimeSpan Duration(int bits, double busHz) =>
        busHz <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(bits * TimeSpan.TicksPerSecond / busHz));
}
