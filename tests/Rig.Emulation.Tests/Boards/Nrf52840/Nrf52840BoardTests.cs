using Rig.Emulation.Boards.Nrf52840;
using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Boards.M4Host;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Boards.Nrf52840;

/// <summary>The shipped nRF52840 image on the emulated chip with <see cref="Nrf52840Board"/>.</summary>
public sealed class Nrf52840BoardTests(ITestOutputHelper output)
{
    const string Board = "nrf52840";

    static EmulatedHost Host() => new(Board);

    static Nrf52840Board Model(EmulatedHost host) => (Nrf52840Board)host.Model;

    [Fact]
    public void The_image_boots_with_the_crystal_the_dcdc_and_the_flash_cache_on_and_sleeps_in_the_app_idle_loop()
    {
        var host = Host();
        var (hello, cycle) = BoardScenarios.Boot(host);
        output.WriteLine($"boot HELLO after {cycle} cycles");
        var model = Model(host);
        Assert.True(model.Clock!.CrystalRunning);
        Assert.True(model.Clock.DcdcEnabled);
        Assert.True(model.Nvmc!.CacheEnabled);
        // HFCLKSTARTED comes only after the crystal's start-up time, which board_init waits for.
        Assert.True(cycle > (ulong)(ClockPower.HfxoStartupSeconds * host.Wiring.ClockHz), $"HELLO at cycle {cycle}");
        Assert.Equal(1_000_000, host.Wiring.Uart.ChipBaud, 6);
        Assert.Equal(Board, hello.BoardName);
        Assert.Equal("board_idle", host.Chip.Symbols.Find(host.Core.Pc)?.Name);
    }

    [Fact]
    public void A_hello_request_is_answered_through_the_uart()
    {
        var (_, cycles) = BoardScenarios.HelloRequest(Host());
        output.WriteLine($"HELLO_REQ -> HELLO: {cycles} cycles");
    }

    [Fact]
    public void Inject_mode_features_equal_the_golden_model()
    {
        var host = Host();
        var cycles = BoardScenarios.Inject(host, BoardScenarios.Signal(host, "sweep", columns: 6));
        output.WriteLine($"frontend cycles per column: {string.Join(", ", cycles)}");
        Assert.All(cycles, c => Assert.True(c > 0));
    }

    [Fact]
    public void Acoustic_mode_captures_what_the_pdm_microphone_hears()
    {
        var host = Host();
        BoardScenarios.Acoustic(host, BoardScenarios.Signal(host, "noise", columns: 4));
        Assert.False(Model(host).Pdm!.Running); // STOP stopped the PDM
    }

    [Fact]
    public void Two_runs_of_a_clip_count_the_same_cycles_per_column()
    {
        var first = Host();
        var second = Host();
        var a = BoardScenarios.Inject(first, BoardScenarios.Signal(first, "noise", columns: 3));
        var b = BoardScenarios.Inject(second, BoardScenarios.Signal(second, "noise", columns: 3));
        Assert.Equal(a, b);
        Assert.Equal(first.Core.Cycles, second.Core.Cycles);
    }

    [Fact]
    public void Mark_drives_the_led_pin()
    {
        var host = Host();
        BoardScenarios.Marker(host);
    }

    [Fact]
    public void An_unmodelled_register_stops_the_run_naming_address_and_peripheral()
    {
        var host = Host();
        const uint pselRts = Uart0.BaseAddress + 0x508; // UART0 PSEL.RTS: the port leaves it alone
        BoardScenarios.Boot(host);
        var stop = BoardScenarios.LoadFrom(host, pselRts, codeAt: Nrf52840Board.DataRamStart + Nrf52840Board.DataRamSize - 0x100);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(pselRts, stop.Address);
        Assert.Contains("UART0", stop.Message);
        Assert.Contains("0x40002508", stop.Message);
    }

    [Fact]
    public void A_register_outside_every_model_names_the_peripheral_window()
    {
        var host = Host();
        const uint saadc = 0x4000_7000; // SAADC: not used by the port, not modelled
        BoardScenarios.Boot(host);
        var stop = BoardScenarios.LoadFrom(host, saadc, codeAt: Nrf52840Board.DataRamStart + Nrf52840Board.DataRamSize - 0x100);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Contains("APB/AHB peripherals", stop.Message);
        Assert.Contains("0x40007000", stop.Message);
    }
}
