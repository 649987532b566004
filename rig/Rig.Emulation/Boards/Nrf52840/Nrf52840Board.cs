namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// The nRF52840 port (firmware/boards/nrf52840/board.c) on its chip: CLOCK/POWER, NVMC (the flash
/// instruction cache), UART0 (legacy
/// UART) on the protocol wire, PDM + EasyDMA on the microphone, GPIO P0 (marker P0.13, microphone
/// power, PDM clock) and P1 (UART pins), at the addresses of the nRF52840 PS v1.7 "Memory" map.
/// SysTick, NVIC and DWT are the core's. Every other address in the peripheral windows stops the run.
/// </summary>
public sealed class Nrf52840Board : IBoardModel
{
    public const uint P0Base = 0x5000_0000;
    public const uint P1Base = 0x5000_0300;
    /// <summary>The Nano 33 BLE Sense's LED on P0.13 is the marker pin (board.c MARKER_PIN).</summary>
    public const int MarkerPin = 13;

    /// <summary>Data RAM, the only memory EasyDMA reaches (PS "EasyDMA", "Memory").</summary>
    public const uint DataRamStart = 0x2000_0000;
    public const uint DataRamSize = 0x4_0000;

    public string Board => "nrf52840";

    /// <summary>The models of the last <see cref="Attach"/> (tests, the board runtime's energy model reads DCDCEN).</summary>
    public ClockPower? Clock { get; private set; }
    public Nvmc? Nvmc { get; private set; }
    public Uart0? Uart { get; private set; }
    public Pdm? Pdm { get; private set; }
    public GpioPort? P0 { get; private set; }
    public GpioPort? P1 { get; private set; }

    public void Attach(BoardWiring wiring)
    {
        var memory = wiring.Memory;
        var clock = new ClockPower(wiring.Core, wiring.ClockHz);
        wiring.Core.AddClocked(clock);
        memory.AddPeripheral(ClockPower.BaseAddress, NrfPeripheral.SlotSize, clock);
        var nvmc = new Nvmc();
        memory.AddPeripheral(Nvmc.BaseAddress, NrfPeripheral.SlotSize, nvmc);
        var uart = new Uart0(wiring.Core, wiring.Uart);
        memory.AddPeripheral(Uart0.BaseAddress, NrfPeripheral.SlotSize, uart);
        var pdm = new Pdm(wiring.Core, wiring.Microphone, wiring.ClockHz, DataRamStart, DataRamSize);
        memory.AddPeripheral(Pdm.BaseAddress, NrfPeripheral.SlotSize, pdm);
        var p0 = new GpioPort("GPIO P0", P0Base, MarkerPin);
        p0.MarkerChanged += wiring.Pins.SetMarker;
        memory.AddPeripheral(P0Base + GpioPort.FirstRegister, GpioPort.WindowSize, p0);
        var p1 = new GpioPort("GPIO P1", P1Base);
        memory.AddPeripheral(P1Base + GpioPort.FirstRegister, GpioPort.WindowSize, p1);
        (Clock, Nvmc, Uart, Pdm, P0, P1) = (clock, nvmc, uart, pdm, p0, p1);
    }
}
