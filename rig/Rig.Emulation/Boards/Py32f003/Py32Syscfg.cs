using Rig.Emulation.Boards.Common;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// SYSCFG_CFGR3 (Reference Manual, "System configuration controller (SYSCFG)"): DMA1_MAP[4:0] routes a
/// peripheral's request to DMA channel 1 (0 = ADC). The other SYSCFG registers are not modelled.
/// </summary>
public sealed class Py32Syscfg() : RegisterBlock("SYSCFG", BaseAddress)
{
    public const uint BaseAddress = 0x4001_0000;
    public const uint Size = 0x400;

    public const uint Cfgr3 = 0x1C;
    public const uint Dma1MapMask = 0x1F;
    public const uint DmaMapAdc = 0;

    uint cfgr3;

    public uint Channel1Request => cfgr3 & Dma1MapMask;

    protected override uint ReadRegister(uint offset) => offset == Cfgr3 ? cfgr3 : throw Unmodelled(offset, write: false);

    protected override void WriteRegister(uint offset, uint value)
    {
        if (offset != Cfgr3) throw Unmodelled(offset, write: true);
        cfgr3 = value;
    }
}
