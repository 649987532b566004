using Rig.Emulation.Boards.Common;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// The factory configuration words the port reads (Reference Manual, "Embedded flash memory",
/// information area): the HSI trim value for each HSI_FS band, one word each from 0x1FFF0F00 (4, 8,
/// 16, 22.12, 24 MHz). Read-only. Every chip has its own trims; the model holds one plausible value
/// per band (ASSUMPTION: mid-range trims, bits [12:0]), which the port copies into RCC_ICSCR.
/// </summary>
public sealed class Py32FactoryTrim() : RegisterBlock("HSI factory trim", BaseAddress)
{
    public const uint BaseAddress = 0x1FFF_0F00;
    public const uint Size = 0x20;

    static readonly uint[] Trims = [0x0F8A, 0x0F92, 0x0F9C, 0x0FA4, 0x0FAE];

    protected override uint ReadRegister(uint offset) =>
        offset / 4 < Trims.Length ? Trims[offset / 4] : throw Unmodelled(offset, write: false);

    protected override void WriteRegister(uint offset, uint value) => throw Unmodelled(offset, write: true);
}
