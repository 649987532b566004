using Rig.Emulation.Boards.Common;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// GPIOA on the IOPORT bus (Reference Manual, "General-purpose I/Os (GPIO)"): MODER (2 bits a pin,
/// 01 output), ODR, BSRR (set bits 0-15, reset bits 16-31; set wins), AFRL. The marker pin's level
/// (ODR of an output pin) goes to <see cref="BoardPins"/>.
/// </summary>
public sealed class Py32Gpio(BoardPins pins, int markerPin) : RegisterBlock("GPIOA", BaseAddress)
{
    public const uint BaseAddress = 0x5000_0000;
    public const uint Size = 0x400;

    public const uint Moder = 0x00, Odr = 0x14, Bsrr = 0x18, Afrl = 0x20;
    public const uint ModeOutput = 1;

    // RM "GPIOx_MODER" reset value of port A: every pin analog except PA13/PA14 (SWD, alternate function).
    uint moder = 0xEBFF_FFFF;
    uint odr, afrl;

    protected override uint ReadRegister(uint offset) => offset switch
    {
        Moder => moder,
        Odr => odr,
        Bsrr => 0, // write-only, reads 0 (RM "GPIOx_BSRR")
        Afrl => afrl,
        _ => throw Unmodelled(offset, write: false),
    };

    protected override void WriteRegister(uint offset, uint value)
    {
        switch (offset)
        {
            case Moder: moder = value; break;
            case Odr: odr = value & 0xFFFF; break;
            case Bsrr: odr = (odr & ~(value >> 16)) | (value & 0xFFFF); break;
            case Afrl: afrl = value; break;
            default: throw Unmodelled(offset, write: true);
        }
        var isOutput = ((moder >> (2 * markerPin)) & 3) == ModeOutput;
        pins.SetMarker(isOutput && (odr & (1u << markerPin)) != 0);
    }
}
