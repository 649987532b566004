using Rig.Emulation.Boards.Rp2040;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Tests.Boards.M0Support;

namespace Rig.Emulation.Tests.Boards.Rp2040;

/// <summary>The RP2040 models register by register, the core parked in SRAM right after the boot ROM's hand-over.</summary>
public sealed class Rp2040PeripheralTests
{
    const uint Scratch = 0x2004_0000;
    const uint Clr = Rp2040Block.AliasClr;

    static ParkedChip Chip() => ParkedChip.Create("rp2040", Scratch);

    /// <summary>XOSC on, both PLLs out of reset: what clock_init does first.</summary>
    static void StartCrystal(ParkedChip c)
    {
        c.Write(Rp2040Xosc.BaseAddress + Rp2040Xosc.Startup, 47);
        c.Write(Rp2040Xosc.BaseAddress + Rp2040Xosc.Ctrl, 0xAA0 | (Rp2040Xosc.CtrlEnableMagic << Rp2040Xosc.CtrlEnablePos));
        c.Write(Rp2040Resets.BaseAddress + Clr, 1u << Rp2040Resets.PllSys | 1u << Rp2040Resets.PllUsb | 1u << Rp2040Resets.Uart0);
    }

    [Fact]
    public void A_block_still_in_reset_stops_the_run_naming_it()
    {
        var c = Chip();
        var stop = c.Execute(Rp2040Uart.BaseAddress + Rp2040Uart.Cr, store: true, 1);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Contains("UART0", stop.Message);
        Assert.Contains("held in reset", stop.Message);
        Assert.Equal(0u, c.Read(Rp2040Resets.BaseAddress + Rp2040Resets.ResetDone) & (1u << Rp2040Resets.Uart0));
    }

    [Fact]
    public void The_crystal_is_stable_after_its_startup_delay_and_the_PLL_locks_only_within_the_datasheet_limits()
    {
        var c = Chip();
        StartCrystal(c);
        Assert.Equal(0u, c.Read(Rp2040Xosc.BaseAddress + Rp2040Xosc.Status) & Rp2040Xosc.StatusStable);
        // 47 x 256 crystal periods at 12 MHz = 1.0 ms, counted at clk_sys from the 6.5 MHz ring oscillator.
        c.Wait(6_400);
        Assert.Equal(0u, c.Read(Rp2040Xosc.BaseAddress + Rp2040Xosc.Status) & Rp2040Xosc.StatusStable);
        c.Wait(200);
        Assert.Equal(Rp2040Xosc.StatusStable, c.Read(Rp2040Xosc.BaseAddress + Rp2040Xosc.Status) & Rp2040Xosc.StatusStable);

        const uint pll = Rp2040Pll.SysBase;
        c.Write(pll + Rp2040Pll.FbdivInt, 10); // VCO 120 MHz: below the 750 MHz minimum
        c.Write(pll + Rp2040Pll.Pwr + Clr, Rp2040Pll.PwrPd | Rp2040Pll.PwrVcoPd);
        Assert.Equal(0u, c.Read(pll + Rp2040Pll.Cs) & Rp2040Pll.CsLock);
        c.Write(pll + Rp2040Pll.FbdivInt, 125); // 1500 MHz
        Assert.Equal(Rp2040Pll.CsLock, c.Read(pll + Rp2040Pll.Cs) & Rp2040Pll.CsLock);
    }

    [Fact]
    public void The_UART_transmit_interrupt_comes_when_the_FIFO_drains_through_its_level_not_over_an_empty_FIFO()
    {
        var c = Chip();
        StartCrystal(c);
        c.Write(Rp2040Clocks.BaseAddress + Rp2040Clocks.PeriCtrl, Rp2040Clocks.CtrlEnable); // clk_peri = clk_sys (ROSC)
        const uint uart = Rp2040Uart.BaseAddress;
        c.Write(uart + Rp2040Uart.Ibrd, 4);
        c.Write(uart + Rp2040Uart.Fbrd, 0);
        c.Write(uart + Rp2040Uart.LcrH, Rp2040Uart.LcrHWlen8 | Rp2040Uart.LcrHFen);
        c.Write(uart + Rp2040Uart.Ifls, 0); // TX interrupt at 1/8 (4 entries)
        c.Write(uart + Rp2040Uart.Cr, Rp2040Uart.CrUarten | Rp2040Uart.CrTxe | Rp2040Uart.CrRxe);
        c.Write(uart + Rp2040Uart.Imsc, Rp2040Uart.IntTx);
        Assert.Equal(0u, c.Read(uart + Rp2040Uart.Ris) & Rp2040Uart.IntTx);

        for (var i = 0; i < 10; i++) c.Write(uart + Rp2040Uart.Dr, (uint)('a' + i));
        Assert.Equal(0u, c.Read(uart + Rp2040Uart.Fr) & Rp2040Uart.FrTxfe);
        var irq = ExceptionNumbers.FirstIrq + Rp2040Board.Uart0Irq;
        Assert.False(c.Core.Nvic.IsPending(irq));
        // 6.5 MHz / (16 x 4) = 101,562.5 baud: 640 core cycles a byte (the core counts clk_sys cycles at the profile's 125 MHz).
        var byteCycles = c.Wiring.Uart.ByteCycles(c.Wiring.Uart.ChipBaud);
        c.Wait(6 * byteCycles);
        Assert.Equal(Rp2040Uart.IntTx, c.Read(uart + Rp2040Uart.Mis));
        Assert.True(c.Core.Nvic.IsPending(irq));
        c.Write(uart + Rp2040Uart.Icr, Rp2040Uart.IntTx);
        c.Wait(5 * byteCycles);
        Span<byte> host = stackalloc byte[16];
        Assert.Equal("abcdefghij", System.Text.Encoding.ASCII.GetString(host[..c.Wiring.Uart.HostRead(host)]));
        Assert.Equal(Rp2040Uart.FrTxfe, c.Read(uart + Rp2040Uart.Fr) & (Rp2040Uart.FrTxfe | Rp2040Uart.FrBusy));
    }

    [Fact]
    public void An_XIP_set_up_other_than_boot2s_stops_the_run_when_the_SSI_is_enabled()
    {
        var c = Chip();
        c.Write(Rp2040Ssi.BaseAddress + Rp2040Ssi.Ssienr, 0);
        c.Write(Rp2040Ssi.BaseAddress + Rp2040Ssi.Baudr, 4);
        c.Write(Rp2040Ssi.BaseAddress + Rp2040Ssi.Ctrlr0, (Rp2040Ssi.TmodEepromRead << Rp2040Ssi.TmodPos) | (31u << Rp2040Ssi.Dfs32Pos) | (2u << Rp2040Ssi.SpiFrfPos));
        var stop = c.Execute(Rp2040Ssi.BaseAddress + Rp2040Ssi.Ssienr, store: true, 1);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Contains("SPI_FRF = 2", stop.Message);
    }
}
