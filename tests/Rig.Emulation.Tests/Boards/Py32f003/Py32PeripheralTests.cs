using Rig.Emulation.Boards.Py32f003;
using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Tests.Boards.M0Support;

namespace Rig.Emulation.Tests.Boards.Py32f003;

/// <summary>The PY32F003 models register by register, with the image parked (the port's own set-up is the board tests').</summary>
public sealed class Py32PeripheralTests
{
    const uint Scratch = 0x2000_0E00;
    const uint Ring = 0x2000_0D00;

    static ParkedChip Chip() => ParkedChip.Create("py32f003", Scratch);

    [Fact]
    public void TIM1_paces_ADC_conversions_which_DMA_channel_1_moves_into_a_circular_ring_with_half_and_full_flags()
    {
        var c = Chip();
        short[] mic = [-32768, -16, 0, 15, 16, 32767, 1000, -1000, 7];
        c.Wiring.Microphone.Write(mic);
        c.Write(Py32Syscfg.BaseAddress + Py32Syscfg.Cfgr3, Py32Syscfg.DmaMapAdc);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cndtr1, 4);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cpar1, Py32Adc.BaseAddress + Py32Adc.Dr);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cmar1, Ring);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Ccr1, Py32Dma.CcrEn | Py32Dma.CcrHtie | Py32Dma.CcrTcie | Py32Dma.CcrCirc | Py32Dma.CcrMinc | Py32Dma.CcrPsize16 | Py32Dma.CcrMsize16);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cfgr2, Py32Adc.Cfgr2CkModePclkDiv4);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Chselr, Py32Adc.MicChannelMask);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Smpr, 3); // 13.5 ADC clocks, as the port
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cfgr1, Py32Adc.Cfgr1DmaEn | Py32Adc.Cfgr1ExtEnRising | Py32Adc.Cfgr1OvrMod);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cr, Py32Adc.CrAden);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cr, Py32Adc.CrAden | Py32Adc.CrAdstart);
        c.Write(Py32Tim1.BaseAddress + Py32Tim1.Arr, 999);
        c.Write(Py32Tim1.BaseAddress + Py32Tim1.Cr2, Py32Tim1.Cr2MmsUpdate);
        c.Write(Py32Tim1.BaseAddress + Py32Tim1.Cr1, Py32Tim1.Cr1Cen);

        // Update events every 1,000 cycles; a conversion ends 104 cycles (26 ADC clocks at PCLK/4) later.
        Assert.Equal(0ul, c.Core.Cycles);
        c.Wait(2_102);
        Assert.Equal(1, c.Wiring.Microphone.SamplesTaken);
        c.Wait(2);
        Assert.Equal(2, c.Wiring.Microphone.SamplesTaken);
        var isr = c.Read(Py32Dma.BaseAddress + Py32Dma.Isr);
        Assert.Equal(Py32Dma.Htif1 | Py32Dma.Gif1, isr & 0xF);
        Assert.True(c.Core.Nvic.IsPending(ExceptionNumbers.FirstIrq + Py32f003Board.Dma1Channel1Irq));
        Assert.Equal(2u, c.Read(Py32Dma.BaseAddress + Py32Dma.Cndtr1));

        c.Wait(2_000);
        Assert.Equal(Py32Dma.Tcif1, c.Read(Py32Dma.BaseAddress + Py32Dma.Isr) & Py32Dma.Tcif1);
        Assert.Equal(4u, c.Read(Py32Dma.BaseAddress + Py32Dma.Cndtr1)); // circular: reloaded
        c.Write(Py32Dma.BaseAddress + Py32Dma.Ifcr, Py32Dma.Gif1);
        Assert.Equal(0u, c.Read(Py32Dma.BaseAddress + Py32Dma.Isr) & 0xF);

        c.Wait(1_000); // the fifth sample wraps to the ring's start
        var ring = Enumerable.Range(0, 4).Select(i => c.Core.Memory.Read16(Ring + 2 * (uint)i)).ToArray();
        Assert.Equal([Py32Adc.Code(mic[4]), Py32Adc.Code(mic[1]), Py32Adc.Code(mic[2]), Py32Adc.Code(mic[3])], ring);
        Assert.Equal([0u, 0x7FFu, 0x800u, 0x800u, 0x801u, 0xFFFu], mic[..6].Select(Py32Adc.Code));
    }

    [Fact]
    public void The_ADC_ignores_TIM1_until_ADSTART_and_clears_ADCAL_after_its_calibration()
    {
        var c = Chip();
        c.Wiring.Microphone.Write(new short[16]);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cfgr2, Py32Adc.Cfgr2CkModePclkDiv4);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cr, Py32Adc.CrAdcal);
        Assert.Equal(Py32Adc.CrAdcal, c.Read(Py32Adc.BaseAddress + Py32Adc.Cr));
        c.Wait(400);
        Assert.Equal(0u, c.Read(Py32Adc.BaseAddress + Py32Adc.Cr));

        c.Write(Py32Adc.BaseAddress + Py32Adc.Chselr, Py32Adc.MicChannelMask);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cfgr1, Py32Adc.Cfgr1ExtEnRising);
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cr, Py32Adc.CrAden);
        c.Write(Py32Tim1.BaseAddress + Py32Tim1.Arr, 499);
        c.Write(Py32Tim1.BaseAddress + Py32Tim1.Cr2, Py32Tim1.Cr2MmsUpdate);
        c.Write(Py32Tim1.BaseAddress + Py32Tim1.Cr1, Py32Tim1.Cr1Cen);
        var started = c.Core.Cycles;
        c.Wait(2_000);
        Assert.Equal(0, c.Wiring.Microphone.SamplesTaken);
        Assert.Equal(Py32Tim1.SrUif, c.Read(Py32Tim1.BaseAddress + Py32Tim1.Sr));

        c.Write(Py32Adc.BaseAddress + Py32Adc.Cr, Py32Adc.CrAden | Py32Adc.CrAdstart);
        var armed = c.Core.Cycles;
        c.Wait(2_000);
        // One conversion per update event after ADSTART (every 500 cycles), each ending 64 cycles later (SMPR 0: 3.5 + 12.5 ADC clocks at PCLK/4).
        var updates = Enumerable.Range(1, 20).Select(k => started + 500UL * (ulong)k).Count(t => t > armed && t + 64 <= c.Core.Cycles);
        Assert.Equal(updates, c.Wiring.Microphone.SamplesTaken);
        Assert.True(updates >= 3);
        Assert.Equal(Py32Adc.IsrEoc | Py32Adc.IsrEos | Py32Adc.IsrOvr, c.Read(Py32Adc.BaseAddress + Py32Adc.Isr)); // DR never read
        c.Write(Py32Adc.BaseAddress + Py32Adc.Cr, Py32Adc.CrAden | Py32Adc.CrAdstp);
        Assert.Equal(Py32Adc.CrAden, c.Read(Py32Adc.BaseAddress + Py32Adc.Cr));
    }

    [Fact]
    public void USART2_sends_at_the_BRR_baud_and_flags_an_overrun_when_DR_is_not_read()
    {
        var c = Chip();
        c.Write(Py32Rcc.BaseAddress + Py32Rcc.Icscr, 4u << Py32Rcc.IcscrHsiFsPos); // 24 MHz band
        c.Write(Py32Usart.BaseAddress + Py32Usart.Brr, 52);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Cr1, Py32Usart.Cr1Ue | Py32Usart.Cr1Te | Py32Usart.Cr1Re);
        Assert.Equal(24_000_000.0 / 52, c.Wiring.Uart.ChipBaud);

        c.Write(Py32Usart.BaseAddress + Py32Usart.Dr, 0x41);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Dr, 0x42);
        Assert.Equal(0u, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & (Py32Usart.SrTxe | Py32Usart.SrTc)); // one shifting, one waiting
        c.Wait(2 * 520 + 10); // two bytes of ten bit times at 52 cycles a bit
        Span<byte> host = stackalloc byte[4];
        Assert.Equal(2, c.Wiring.Uart.HostRead(host));
        Assert.Equal([0x41, 0x42], host[..2].ToArray());
        Assert.Equal(Py32Usart.SrTxe | Py32Usart.SrTc, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & (Py32Usart.SrTxe | Py32Usart.SrTc));

        c.Wiring.Uart.HostWrite([0x11, 0x22]);
        c.Wait(2 * 521 + 10);
        Assert.Equal(Py32Usart.SrRxne | Py32Usart.SrOre, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & (Py32Usart.SrRxne | Py32Usart.SrOre));
        Assert.Equal(0x11u, c.Read(Py32Usart.BaseAddress + Py32Usart.Dr)); // the second byte was lost
        Assert.Equal(0u, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & (Py32Usart.SrRxne | Py32Usart.SrOre));
    }

    [Fact]
    public void USART2_with_DMAR_has_DMA_channel_2_move_each_byte_into_a_circular_ring_and_flags_IDLE_after_a_burst()
    {
        var c = Chip();
        c.Write(Py32Rcc.BaseAddress + Py32Rcc.Icscr, 4u << Py32Rcc.IcscrHsiFsPos); // 24 MHz band
        c.Write(Py32Syscfg.BaseAddress + Py32Syscfg.Cfgr3, Py32Syscfg.DmaMapUsart2Rx << Py32Syscfg.Dma2MapShift);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cndtr2, 4);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cpar2, Py32Usart.BaseAddress + Py32Usart.Dr);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cmar2, Ring);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Ccr2, Py32Dma.CcrEn | Py32Dma.CcrHtie | Py32Dma.CcrCirc | Py32Dma.CcrMinc);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Brr, 52);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Cr3, Py32Usart.Cr3Dmar);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Cr1, Py32Usart.Cr1Ue | Py32Usart.Cr1Re | Py32Usart.Cr1IdleIe);

        c.Wiring.Uart.HostWrite([0x11, 0x22, 0x33, 0x44, 0x55]);
        c.Wait(2 * 521 + 10);
        // Two bytes taken by the DMA: no RXNE, no overrun, half the ring done (its interrupt is channels 2/3's line).
        Assert.Equal(2u, c.Read(Py32Dma.BaseAddress + Py32Dma.Cndtr2));
        Assert.Equal(Py32Dma.Flag(2, Py32Dma.Htif1 | Py32Dma.Gif1), c.Read(Py32Dma.BaseAddress + Py32Dma.Isr));
        Assert.True(c.Core.Nvic.IsPending(ExceptionNumbers.FirstIrq + Py32f003Board.Dma1Channel23Irq));
        Assert.False(c.Core.Nvic.IsPending(ExceptionNumbers.FirstIrq + Py32f003Board.Dma1Channel1Irq));
        Assert.Equal(0u, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & (Py32Usart.SrRxne | Py32Usart.SrOre | Py32Usart.SrIdle));
        c.Write(Py32Dma.BaseAddress + Py32Dma.Ifcr, Py32Dma.Flag(2, Py32Dma.Gif1));
        Assert.Equal(0u, c.Read(Py32Dma.BaseAddress + Py32Dma.Isr));

        // The rest of the burst wraps round the ring; the line then stays quiet for a byte time: IDLE.
        c.Wait(3 * 521);
        Assert.Equal(3u, c.Read(Py32Dma.BaseAddress + Py32Dma.Cndtr2));
        Assert.Equal(0x4433_2255u, c.Read(Ring)); // the fifth byte went round to the ring's start
        Assert.Equal(0u, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & Py32Usart.SrIdle); // not a whole byte time yet
        c.Wait(521);
        Assert.Equal(Py32Usart.SrIdle, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & Py32Usart.SrIdle);
        Assert.True(c.Core.Nvic.IsPending(ExceptionNumbers.FirstIrq + Py32f003Board.Usart2Irq));
        _ = c.Read(Py32Usart.BaseAddress + Py32Usart.Dr);
        Assert.Equal(0u, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & Py32Usart.SrIdle);
        Assert.False(c.Core.Nvic.IrqLevel(Py32f003Board.Usart2Irq)); // the line is low again (what is pending stays until taken)
    }

    [Fact]
    public void USART2_with_DMAT_has_DMA_channel_3_feed_DR_from_memory_as_TXE_empties_and_flags_the_block_complete()
    {
        var c = Chip();
        c.Write(Py32Rcc.BaseAddress + Py32Rcc.Icscr, 4u << Py32Rcc.IcscrHsiFsPos); // 24 MHz band
        c.Write(Ring, 0x4443_4241); // "ABCD"
        c.Write(Py32Syscfg.BaseAddress + Py32Syscfg.Cfgr3, Py32Syscfg.DmaMapUsart2Tx << Py32Syscfg.Dma3MapShift);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Brr, 52);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Cr1, Py32Usart.Cr1Ue | Py32Usart.Cr1Te);
        c.Write(Py32Usart.BaseAddress + Py32Usart.Cr3, Py32Usart.Cr3Dmat); // TXE is high: the request waits for a channel
        const uint ch3 = 2 * Py32Dma.ChannelStride;
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cpar1 + ch3, Py32Usart.BaseAddress + Py32Usart.Dr);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cmar1 + ch3, Ring);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Cndtr1 + ch3, 3);
        c.Write(Py32Dma.BaseAddress + Py32Dma.Ccr1 + ch3, Py32Dma.CcrEn | Py32Dma.CcrDir | Py32Dma.CcrMinc | Py32Dma.CcrTcie);

        // Enabled with the request high: one byte into the shift register, one into DR, then TXE is low.
        Assert.Equal(1u, c.Read(Py32Dma.BaseAddress + Py32Dma.Cndtr1 + ch3));
        Assert.Equal(0u, c.Read(Py32Usart.BaseAddress + Py32Usart.Sr) & Py32Usart.SrTxe);
        c.Wait(3 * 521 + 10); // three bytes of ten bit times at 52 cycles a bit
        Span<byte> host = stackalloc byte[4];
        Assert.Equal(3, c.Wiring.Uart.HostRead(host));
        Assert.Equal("ABC"u8.ToArray(), host[..3].ToArray());
        Assert.Equal(0u, c.Read(Py32Dma.BaseAddress + Py32Dma.Cndtr1 + ch3));
        Assert.Equal(Py32Dma.Flag(3, Py32Dma.Htif1 | Py32Dma.Tcif1 | Py32Dma.Gif1), c.Read(Py32Dma.BaseAddress + Py32Dma.Isr));
        Assert.True(c.Core.Nvic.IsPending(ExceptionNumbers.FirstIrq + Py32f003Board.Dma1Channel23Irq));
    }

    [Fact]
    public void A_flash_latency_other_than_the_profiles_stops_the_run()
    {
        var c = Chip();
        var stop = c.Execute(Py32Flash.BaseAddress + Py32Flash.Acr, store: true, Py32Flash.AcrLatency);
        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Contains("FLASH_ACR.LATENCY = 1", stop.Message);
        Assert.Equal(Py32Flash.AcrLatency, c.Read(Py32Flash.BaseAddress + Py32Flash.Acr));
    }

    [Fact]
    public void The_marker_pin_follows_BSRR_only_while_PA1_is_an_output()
    {
        var c = Chip();
        var edges = new List<(ulong, bool)>();
        c.Wiring.Pins.MarkerChanged += (cycle, level) => edges.Add((cycle, level));
        c.Write(Py32Gpio.BaseAddress + Py32Gpio.Bsrr, 1u << 1);
        Assert.False(c.Wiring.Pins.Marker); // PA1 is analog from reset
        c.Write(Py32Gpio.BaseAddress + Py32Gpio.Moder, 0xEBFF_FFF7); // PA1 output
        Assert.True(c.Wiring.Pins.Marker);
        c.Write(Py32Gpio.BaseAddress + Py32Gpio.Bsrr, 1u << 17);
        Assert.False(c.Wiring.Pins.Marker);
        Assert.Equal([true, false], edges.Select(e => e.Item2));
    }
}
