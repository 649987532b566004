namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// The RP2040 (Raspberry Pi Pico) as firmware/boards/rp2040 drives it: booted by the ROM's hand-over to
/// boot2 (<see cref="Rp2040BootRom"/>) which programs the XIP SSI; RESETS, XOSC, PLL_SYS/PLL_USB and
/// CLOCKS for 125 MHz clk_sys/clk_peri and 48 MHz clk_adc; UART0 (PL011) on the protocol line (IRQ 20);
/// the microphone path ADC input 0 free-running at DIV -> FIFO -> DREQ_ADC -> DMA channel 0 into a ring
/// (DMA_IRQ_0 = IRQ 11); the marker on GPIO 25 through IO_BANK0 and SIO. Interrupt numbers: datasheet
/// 2.3.2. SysTick and the NVIC are the core's; core 1 is not emulated.
/// </summary>
public sealed class Rp2040Board : IBoardModel
{
    public const int DmaIrq0 = 11;
    public const int Uart0Irq = 20;
    public const int MarkerPin = 25;
    /// <summary>DREQ_ADC (datasheet 2.5.3.1).</summary>
    public const uint DreqAdc = 36;

    public string Board => "rp2040";

    public void Attach(BoardWiring wiring)
    {
        var core = wiring.Core;
        var memory = wiring.Memory;
        const uint window = Rp2040Block.WindowSize;

        var resets = new Rp2040Resets(core);
        Rp2040Clocks? clocks = null;
        var xosc = new Rp2040Xosc(core, () => clocks?.ClkSysHz ?? Rp2040Clocks.RoscHz);
        var pllSys = new Rp2040Pll("PLL_SYS", Rp2040Pll.SysBase, core, resets, Rp2040Resets.PllSys, xosc);
        var pllUsb = new Rp2040Pll("PLL_USB", Rp2040Pll.UsbBase, core, resets, Rp2040Resets.PllUsb, xosc);
        clocks = new Rp2040Clocks(core, xosc, pllSys, pllUsb);
        var io = new Rp2040IoBank0(core, resets);
        var adc = new Rp2040Adc(core, resets, clocks, wiring.Microphone);
        var dma = new Rp2040Dma(core, resets, treq => treq == DreqAdc && adc.DreqAsserted, DmaIrq0);
        adc.ResultQueued = dma.Pace;

        memory.AddPeripheral(Rp2040Ssi.BaseAddress, Rp2040Ssi.Size, new Rp2040Ssi(core));
        memory.AddPeripheral(Rp2040Clocks.BaseAddress, window, clocks);
        memory.AddPeripheral(Rp2040Resets.BaseAddress, window, resets);
        memory.AddPeripheral(Rp2040IoBank0.BaseAddress, window, io);
        memory.AddPeripheral(Rp2040PadsBank0.BaseAddress, window, new Rp2040PadsBank0(core, resets));
        memory.AddPeripheral(Rp2040Xosc.BaseAddress, window, xosc);
        memory.AddPeripheral(Rp2040Pll.SysBase, window, pllSys);
        memory.AddPeripheral(Rp2040Pll.UsbBase, window, pllUsb);
        memory.AddPeripheral(Rp2040Uart.BaseAddress, window, new Rp2040Uart(core, resets, wiring.Uart, clocks, wiring.ClockHz, Uart0Irq));
        memory.AddPeripheral(Rp2040Adc.BaseAddress, window, adc);
        memory.AddPeripheral(Rp2040Dma.BaseAddress, window, dma);
        memory.AddPeripheral(Rp2040Sio.BaseAddress, Rp2040Sio.Size, new Rp2040Sio(wiring.Pins, io, MarkerPin));

        Rp2040BootRom.Boot(core);
    }
}
