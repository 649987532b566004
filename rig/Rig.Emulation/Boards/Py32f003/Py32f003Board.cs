namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// The PY32F003x6 as firmware/boards/py32f003/board.c drives it: HSI clock and flash latency, USART2 on
/// the protocol line (IRQ 28) receiving through DMA channel 2 into a circular ring and sending through channel 3
/// (IRQ 10, the two channels' shared line; the line's IDLE flag wakes the port after a burst), the microphone path TIM1 update -> TRGO -> ADC channel 0 ->
/// DMA channel 1 circular ring with half/complete interrupts (IRQ 9), the marker on PA1. Interrupt numbers: RM
/// "Nested vectored interrupt controller", vector table. SysTick and the NVIC are the core's.
/// </summary>
public sealed class Py32f003Board : IBoardModel
{
    public const int Usart2Irq = 28;
    public const int Dma1Channel1Irq = 9;
    public const int Dma1Channel23Irq = 10;
    public const int MarkerPin = 1;

    public string Board => "py32f003";

    public void Attach(BoardWiring wiring)
    {
        var core = wiring.Core;
        var memory = wiring.Memory;
        var flashWaitStates = memory.Find(0x0800_0000)?.WaitStates ?? 0;

        var rcc = new Py32Rcc();
        var syscfg = new Py32Syscfg();
        // Built in signal order (TIM1, ADC, DMA and its interrupt line): a device's service that schedules
        // the next one in the chain must come first in the core's clocked list, which reads each device's
        // next event right after servicing it.
        Py32Adc? adc = null;
        Py32Dma? dma = null;
        var tim1 = new Py32Tim1(core, at => adc!.Trigger(at));
        adc = new Py32Adc(core, wiring.Microphone, () => dma!.Request(Py32Syscfg.DmaMapAdc));
        dma = new Py32Dma(core, syscfg, Dma1Channel1Irq, Dma1Channel23Irq);

        memory.AddPeripheral(Py32FactoryTrim.BaseAddress, Py32FactoryTrim.Size, new Py32FactoryTrim());
        memory.AddPeripheral(Py32Rcc.BaseAddress, Py32Rcc.Size, rcc);
        memory.AddPeripheral(Py32Flash.BaseAddress, Py32Flash.Size, new Py32Flash(core, flashWaitStates));
        memory.AddPeripheral(Py32Gpio.BaseAddress, Py32Gpio.Size, new Py32Gpio(wiring.Pins, MarkerPin));
        var usart = new Py32Usart(core, wiring.Uart, rcc, Usart2Irq,
            () => dma!.Request(Py32Syscfg.DmaMapUsart2Rx), () => dma!.Request(Py32Syscfg.DmaMapUsart2Tx));
        dma.AddLevelRequest(Py32Syscfg.DmaMapUsart2Tx, () => usart.TransmitDmaRequest);
        memory.AddPeripheral(Py32Usart.BaseAddress, Py32Usart.Size, usart);
        memory.AddPeripheral(Py32Syscfg.BaseAddress, Py32Syscfg.Size, syscfg);
        memory.AddPeripheral(Py32Tim1.BaseAddress, Py32Tim1.Size, tim1);
        memory.AddPeripheral(Py32Adc.BaseAddress, Py32Adc.Size, adc);
        memory.AddPeripheral(Py32Dma.BaseAddress, Py32Dma.Size, dma);
    }
}
