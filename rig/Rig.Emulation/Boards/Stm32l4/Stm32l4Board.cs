namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// The STM32L476 port (firmware/boards/stm32l4/board.c) on its chip, at the addresses of RM0351
/// 2.2.2 "Memory map and register boundary addresses": FLASH (ACR), RCC (MSI -> PLL 80 MHz, clock
/// enables), GPIOD (USART2 pins PD5/PD6), GPIOE (marker PE8, DFSDM pins), USART2 on the protocol
/// wire, DFSDM1 filter 0 + DMA1 channel 4 on the microphone. Each peripheral but FLASH and RCC sits
/// behind its RCC enable bit. SysTick, NVIC and DWT are the core's; every other address in the
/// peripheral windows stops the run.
/// </summary>
public sealed class Stm32l4Board : IBoardModel
{
    public const uint Dfsdm1Base = 0x4001_6000;
    public const uint Dma1Base = 0x4002_0000;
    public const uint Usart2Base = 0x4000_4400;
    public const uint GpioDBase = 0x4800_0C00;
    public const uint GpioEBase = 0x4800_1000;

    /// <summary>USART2's interrupt position (RM0351 NVIC table; startup.c).</summary>
    public const int Usart2Irq = 38;
    /// <summary>The 32L476GDISCOVERY's green LED on PE8 is the marker pin (board.c MARKER_PIN).</summary>
    public const int MarkerPin = 8;

    public string Board => "stm32l4";

    /// <summary>The models of the last <see cref="Attach"/> (tests).</summary>
    public Rcc? Rcc { get; private set; }
    public FlashInterface? Flash { get; private set; }
    public Usart? Usart2 { get; private set; }
    public Dfsdm? Dfsdm1 { get; private set; }
    public DmaController? Dma1 { get; private set; }
    public GpioPort? GpioE { get; private set; }

    public void Attach(BoardWiring wiring)
    {
        var core = wiring.Core;
        var memory = wiring.Memory;
        var size = StPeripheral.BlockSize;
        var flash = new FlashInterface();
        memory.AddPeripheral(FlashInterface.BaseAddress, size, flash);
        var rcc = new Rcc(core, flash, wiring.ClockHz);
        memory.AddPeripheral(Rcc.BaseAddress, size, rcc);

        var gpioD = new GpioPort("GPIOD", GpioDBase);
        memory.AddPeripheral(GpioDBase, size, Gated(gpioD, GpioDBase, rcc, Rcc.Ahb2Enr, Rcc.Ahb2GpioD, "RCC_AHB2ENR.GPIODEN"));
        var gpioE = new GpioPort("GPIOE", GpioEBase, MarkerPin);
        gpioE.MarkerChanged += wiring.Pins.SetMarker;
        memory.AddPeripheral(GpioEBase, size, Gated(gpioE, GpioEBase, rcc, Rcc.Ahb2Enr, Rcc.Ahb2GpioE, "RCC_AHB2ENR.GPIOEEN"));

        var usart = new Usart("USART2", Usart2Base, Usart2Irq, core, wiring.Uart, () => rcc.Pclk1Hz);
        memory.AddPeripheral(Usart2Base, size, Gated(usart, Usart2Base, rcc, Rcc.Apb1Enr1, Rcc.Apb1Usart2, "RCC_APB1ENR1.USART2EN"));

        var dma = new DmaController("DMA1", Dma1Base, core);
        memory.AddPeripheral(Dma1Base, size, Gated(dma, Dma1Base, rcc, Rcc.Ahb1Enr, Rcc.Ahb1Dma1, "RCC_AHB1ENR.DMA1EN"));
        var dfsdm = new Dfsdm("DFSDM1", Dfsdm1Base, core, wiring.Microphone, dma, () => rcc.Pclk2Hz, wiring.ClockHz);
        memory.AddPeripheral(Dfsdm1Base, size, Gated(dfsdm, Dfsdm1Base, rcc, Rcc.Apb2Enr, Rcc.Apb2Dfsdm1, "RCC_APB2ENR.DFSDM1EN"));

        (Rcc, Flash, Usart2, Dfsdm1, Dma1, GpioE) = (rcc, flash, usart, dfsdm, dma, gpioE);
    }

    static ClockGate Gated(Memory.IPeripheral peripheral, uint baseAddress, Rcc rcc, uint register, uint bit, string enableBit) =>
        new(peripheral, baseAddress, () => rcc.Enabled(register, bit), enableBit);
}
