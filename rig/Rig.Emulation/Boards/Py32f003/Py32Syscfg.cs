using Rig.Emulation.Boards.Common;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// SYSCFG_CFGR3 (Reference Manual, "System configuration controller (SYSCFG)"): DMA1_MAP[4:0], DMA2_MAP[12:8] and
/// DMA3_MAP[20:16] route a peripheral's request to DMA channel 1, 2 and 3 (0 = ADC, 7 = USART2_TX, 8 = USART2_RX;
/// the PY32F0xx LL driver's LL_SYSCFG_DMA_MAP_* values). The other SYSCFG registers are not modelled.
/// </summary>
public sealed class Py32Syscfg() : RegisterBlock("SYSCFG", BaseAddress)
{
    public const uint BaseAddress = 0x4001_0000;
    public const uint Size = 0x400;

    public const uint Cfgr3 = 0x1C;
    public const uint Dma1MapMask = 0x1F;
    public const uint DmaMapAdc = 0, DmaMapUsart2Tx = 7, DmaMapUsart2Rx = 8;
    public const int Dma2MapShift = 8, Dma3MapShift = 16;

    uint cfgr3;

    /// <summary>The peripheral request routed to DMA channel <paramref name="channel"/> (1 to 3).</summary>
    public uint ChannelRequest(int channel) => (cfgr3 >> (8 * (channel - 1))) & Dma1MapMask;

    protected override uint ReadRegister(uint offset) => offset == Cfgr3 ? cfgr3 : throw Unmodelled(offset, write: false);

    protected override void WriteRegister(uint offset, uint value)
    {
        if (offset != Cfgr3) throw Unmodelled(offset, write: true);
        cfgr3 = value;
    }
}
