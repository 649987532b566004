using Rig.Emulation.Boards.Stm32l4;
using Rig.Emulation.Cpu;
using Rig.Emulation.Memory;
using Rig.Emulation.Tests.Boards.M4Host;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Boards.Stm32l4;

/// <summary>The shipped STM32L476 image on the emulated chip with <see cref="Stm32l4Board"/>.</summary>
public sealed class Stm32l4BoardTests(ITestOutputHelper output)
{
    const string Board = "stm32l4";
    const uint FreeRam = 0x2001_7F00; // the top of SRAM1, above the image's .data/.bss

    static EmulatedHost Host() => new(Board);

    static Stm32l4Board Model(EmulatedHost host) => (Stm32l4Board)host.Model;

    [Fact]
    public void The_image_boots_on_the_pll_at_80_mhz_with_4_flash_wait_states_and_sleeps_in_the_app_idle_loop()
    {
        var host = Host();
        var (hello, cycle) = BoardScenarios.Boot(host);
        output.WriteLine($"boot HELLO after {cycle} cycles");
        var model = Model(host);
        Assert.Equal(80_000_000, model.Rcc!.SysclkHz);
        Assert.Equal(4, model.Flash!.Latency);
        // USART2 BRR = round(80 MHz / 921600) = 87: 919540 baud, within the receiver's tolerance of the rig's 921600.
        Assert.Equal(80e6 / 87, host.Wiring.Uart.ChipBaud, 6);
        Assert.Null(host.Wiring.Uart.BaudMismatch);
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
        var cycles = BoardScenarios.Inject(host, BoardScenarios.Signal(host, "sweep", columns: 8));
        output.WriteLine($"frontend cycles per column: {string.Join(", ", cycles)}");
        Assert.All(cycles, c => Assert.True(c > 0));
    }

    [Fact]
    public void Acoustic_mode_captures_what_the_dfsdm_microphone_hears()
    {
        var host = Host();
        BoardScenarios.Acoustic(host, BoardScenarios.Signal(host, "noise", columns: 6));
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
    public void The_dfsdm_result_is_the_inverse_of_the_ports_conversion()
    {
        // board.c: Q15 = clamp(RDATAR >> 13); RDATACH in bits 2:0 must not leak into the sample.
        foreach (short q15 in new short[] { short.MinValue, -12345, -1, 0, 1, 31250, short.MaxValue })
        {
            var raw = Dfsdm.RawOf(q15, channel: 2);
            Assert.Equal(q15, (short)Math.Clamp((int)raw >> 13, short.MinValue, short.MaxValue));
            Assert.Equal(2u, raw & 7);
        }
    }

    [Fact]
    public void Switching_to_the_pll_with_too_few_flash_wait_states_stops_the_run()
    {
        var host = Host();
        BoardScenarios.Boot(host);
        var memory = host.Core.Memory;
        memory.Write32(FlashInterface.BaseAddress, FlashInterface.Prften | FlashInterface.Icen | FlashInterface.Dcen | 3);
        var e = Assert.Throws<UnmodelledRegisterException>(() => memory.Write32(Rcc.BaseAddress + Rcc.Cfgr, Rcc.SwPll));
        Assert.Contains("needs 4 flash wait states", e.Message);
        Assert.Equal(Rcc.BaseAddress + Rcc.Cfgr, e.Address);
    }

    [Fact]
    public void A_peripheral_with_its_clock_off_stops_the_run_naming_the_enable_bit()
    {
        var host = Host();
        BoardScenarios.Boot(host);
        host.Core.Memory.Write32(Rcc.BaseAddress + Rcc.Apb1Enr1, 0);
        var stop = BoardScenarios.LoadFrom(host, Stm32l4Board.Usart2Base + Usart.Isr, FreeRam);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Contains("RCC_APB1ENR1.USART2EN = 0", stop.Message);
    }

    [Fact]
    public void An_unmodelled_register_stops_the_run_naming_address_and_peripheral()
    {
        var host = Host();
        const uint gtpr = Stm32l4Board.Usart2Base + 0x10; // USART2 GTPR: the port leaves it alone
        BoardScenarios.Boot(host);
        var stop = BoardScenarios.LoadFrom(host, gtpr, FreeRam);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(gtpr, stop.Address);
        Assert.Contains("USART2", stop.Message);
        Assert.Contains("0x40004410", stop.Message);
    }
}
