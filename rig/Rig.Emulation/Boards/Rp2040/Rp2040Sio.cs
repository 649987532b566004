using Rig.Emulation.Boards.Common;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// The single-cycle IO block's GPIO registers (datasheet 2.3.1.7): CPUID (core 0: core 1 is held in
/// the boot ROM and not emulated), GPIO_OUT and GPIO_OE with their SET/CLR/XOR registers. A pin carries
/// SIO's output when its IO_BANK0 FUNCSEL is SIO and its OE bit is set; the marker pin's level goes to
/// <see cref="BoardPins"/>. SIO has no atomic aliases; the divider, interpolators, FIFOs and spinlocks
/// are not modelled.
/// </summary>
public sealed class Rp2040Sio : RegisterBlock
{
    public const uint BaseAddress = 0xD000_0000;
    public const uint Size = 0x200;

    public const uint CpuId = 0x00, GpioOut = 0x10, GpioOutSet = 0x14, GpioOutClr = 0x18, GpioOutXor = 0x1C;
    public const uint GpioOe = 0x20, GpioOeSet = 0x24, GpioOeClr = 0x28, GpioOeXor = 0x2C;
    const uint PinMask = 0x3FFF_FFFF;

    readonly BoardPins pins;
    readonly Rp2040IoBank0 io;
    readonly int markerPin;
    uint output, outputEnable;

    public Rp2040Sio(BoardPins pins, Rp2040IoBank0 io, int markerPin) : base("SIO", BaseAddress)
    {
        this.pins = pins;
        this.io = io;
        this.markerPin = markerPin;
        io.Changed += UpdateMarker;
    }

    protected override uint ReadRegister(uint offset) => offset switch
    {
        CpuId => 0,
        GpioOut => output,
        GpioOe => outputEnable,
        GpioOutSet or GpioOutClr or GpioOutXor or GpioOeSet or GpioOeClr or GpioOeXor => 0,
        _ => throw Unmodelled(offset, write: false),
    };

    protected override void WriteRegister(uint offset, uint value)
    {
        value &= PinMask;
        switch (offset)
        {
            case GpioOut: output = value; break;
            case GpioOutSet: output |= value; break;
            case GpioOutClr: output &= ~value; break;
            case GpioOutXor: output ^= value; break;
            case GpioOe: outputEnable = value; break;
            case GpioOeSet: outputEnable |= value; break;
            case GpioOeClr: outputEnable &= ~value; break;
            case GpioOeXor: outputEnable ^= value; break;
            default: throw Unmodelled(offset, write: true);
        }
        UpdateMarker();
    }

    void UpdateMarker()
    {
        var bit = 1u << markerPin;
        pins.SetMarker(io.Funcsel(markerPin) == Rp2040IoBank0.FuncselSio && (outputEnable & bit) != 0 && (output & bit) != 0);
    }
}
