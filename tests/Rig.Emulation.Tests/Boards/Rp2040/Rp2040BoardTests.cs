using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Emulation.Boards;
using Rig.Emulation.Boards.Rp2040;
using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Boards.M0Support;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Boards.Rp2040;

/// <summary>The shipped rp2040 image on the emulated RP2040, booted through its boot2 as flashed, driven through the UART line.</summary>
public sealed class Rp2040BoardTests(ITestOutputHelper output)
{
    const string Board = "rp2040";
    /// <summary>Emulated time allowed for the boot HELLO and for one answer: 0.5 s at 125 MHz.</summary>
    const ulong Budget = 62_500_000;

    [Fact]
    public void The_boot_ROM_hands_over_to_boot2_which_sets_up_XIP_and_starts_the_image()
    {
        var profile = ProfileCatalog.Load(Board);
        var chip = EmulatedChip.Create(profile, BoardUnderTest.Image(Board));
        new Rp2040Board().Attach(BoardWiring.For(chip));

        Assert.Equal(Rp2040BootRom.Boot2Sram, chip.Core.Pc);
        Assert.Equal(0u, chip.Core.R[14]);
        var reset = chip.Symbols.AddressOf("Reset_Handler");
        // boot2 runs from SRAM, then jumps through the vector table after it.
        var inBoot2 = 0;
        for (var i = 0; i < 100 && chip.Core.Pc != reset; i++)
        {
            if (chip.Core.Pc - Rp2040BootRom.Boot2Sram < Rp2040BootRom.Boot2Bytes) inBoot2++;
            Assert.Null(chip.Core.Step());
        }
        Assert.Equal(reset, chip.Core.Pc);
        Assert.Equal(chip.Core.Instructions, (ulong)inBoot2);
        output.WriteLine($"boot2: {chip.Core.Instructions} instructions, {chip.Core.Cycles} cycles to Reset_Handler");
        Assert.Equal(0x1000_0100u, chip.Core.Memory.Read32(0xE000_ED08)); // VTOR
        Assert.Equal(chip.Core.Memory.Read32(0x1000_0100), chip.Core.Msp);
        Assert.Equal(1u, chip.Core.Memory.Read32(Rp2040Ssi.BaseAddress + Rp2040Ssi.Ssienr));
        Assert.Equal(4u, chip.Core.Memory.Read32(Rp2040Ssi.BaseAddress + Rp2040Ssi.Baudr));
    }

    [Fact]
    public void A_boot2_with_a_bad_CRC_is_refused_as_the_boot_ROM_would()
    {
        var profile = ProfileCatalog.Load(Board);
        var chip = EmulatedChip.Create(profile, BoardUnderTest.Image(Board));
        var first = chip.Core.Memory.Read8(Rp2040BootRom.FlashBase);
        chip.Core.Memory.Load(Rp2040BootRom.FlashBase, [(byte)(first ^ 1)]);

        var e = Assert.Throws<InvalidDataException>(() => new Rp2040Board().Attach(BoardWiring.For(chip)));
        Assert.Contains("CRC32", e.Message);
        Assert.Contains("USB boot", e.Message);
    }

    [Fact]
    public void The_boot2_CRC_is_the_one_the_boot_ROM_checks()
    {
        // CRC-32/MPEG-2 check value of "123456789".
        Assert.Equal(0x0376_E6E7u, Rp2040BootRom.Crc32("123456789"u8));
    }

    [Fact]
    public void The_image_boots_sleeps_in_WFI_and_answers_HELLO()
    {
        var board = BoardUnderTest.Boot(Board);
        var hello = ProtocolSession.BootHello(board, Budget);
        var boot = board.ArrivalOf(board.Received[^1]);
        output.WriteLine($"boot HELLO at the host after {boot.Instructions} instructions, {boot.Cycles} cycles");

        Assert.Equal(board.Profile.Frontend.SampleRate, hello.SampleRate);
        Assert.Equal(new Q15Frontend(board.Profile.Frontend).ConfigHash, hello.ConfigHash);
        Assert.Equal((uint)board.Profile.Board.ClockHz, hello.CyclesHz);
        Assert.Equal(Rig.Elf.Format.BuildIdNote.Read(board.Chip.Elf.Path)?.Id ?? "(none)", hello.BuildId); // HELLO v3
        Assert.Null(board.Wiring.Uart.BaudMismatch);

        var slept = board.RunIdle(12_500_000);
        Assert.True(slept > 12_000_000, $"slept {slept} of 12,500,000 cycles");
        Assert.StartsWith("board_idle", board.Chip.Symbols.Describe(board.Core.Pc));

        var (cycles, instructions) = (board.Core.Cycles, board.Core.Instructions);
        var again = ProtocolSession.RequestHello(board, Budget);
        var answer = board.ArrivalOf(board.Received[^1]);
        output.WriteLine($"HELLO_REQ written -> HELLO at the host: {answer.Instructions - instructions} instructions, {answer.Cycles - cycles} cycles (both frames' wire time included)");
        Assert.Equal(hello, again);
    }

    [Fact]
    public void An_inject_clip_gives_the_golden_models_feature_columns()
    {
        var board = BoardUnderTest.Boot(Board);
        var hello = ProtocolSession.BootHello(board, Budget);
        var clip = TestClips.ToneAndNoise(hello.SampleRate / 8, hello.SampleRate, seed: 23);

        var columns = ProtocolSession.InjectClip(board, hello, clip, Budget);

        var golden = new Q15Frontend(board.Profile.Frontend).ComputeAll(clip);
        Assert.True(golden.Count >= 10, $"{golden.Count} golden columns");
        Assert.Equal(golden.Count, columns.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            Assert.Equal((uint)i, columns[i].Index);
            Assert.Equal(golden[i], columns[i].Values);
        }
        var perColumn = columns.Skip(1).Select(c => (long)c.Cycles).ToList();
        output.WriteLine($"{columns.Count} columns; frontend cycles per column (board's SysTick): min {perColumn.Min()}, max {perColumn.Max()}, first {columns[0].Cycles}");
        Assert.All(columns, c => Assert.InRange(c.Cycles, 1u, (uint)(board.Profile.Board.ClockHz / 125)));
    }

    [Fact]
    public void In_acoustic_mode_the_ADC_path_captures_what_the_microphone_hears()
    {
        var board = BoardUnderTest.Boot(Board);
        var hello = ProtocolSession.BootHello(board, Budget);
        var clip = TestClips.ToneAndNoise(hello.SampleRate / 10, hello.SampleRate, seed: 9);
        var conversions = board.Wiring.Microphone.SamplesTaken;

        var captured = ProtocolSession.AcousticClip(board, hello, clip, Budget);

        var expected = clip.Select(q => (short)(((int)Rp2040Adc.Code(q) - 2048) * 16)).ToArray();
        Assert.Equal(expected, captured);
        Assert.True(board.Wiring.Microphone.SamplesTaken - conversions >= clip.Length);

        var slept = board.RunIdle(12_500_000);
        Assert.True(slept > 12_000_000, $"slept {slept} of 12,500,000 cycles after STOP");
    }

    [Fact]
    public void The_ADC_runs_at_the_frontend_rate_from_its_divider()
    {
        var board = BoardUnderTest.Boot(Board);
        var hello = ProtocolSession.BootHello(board, Budget);
        board.Wiring.Microphone.Write(new short[hello.SampleRate]); // 1 s of silence
        ProtocolSession.Request(board, MessageType.Configure, HostMessages.Configure(BoardMode.Acoustic, StreamFlags.Features, hello.WindowColumns, hello.WindowHopColumns), MessageType.Ack, Budget);
        ProtocolSession.Request(board, MessageType.Start, HostMessages.Start(), MessageType.Ack, Budget);
        var taken = board.Wiring.Microphone.SamplesTaken;

        board.RunFor((ulong)board.Profile.Board.ClockHz / 10); // 100 ms

        var conversions = board.Wiring.Microphone.SamplesTaken - taken;
        Assert.InRange(conversions, hello.SampleRate / 10 - 1, hello.SampleRate / 10 + 1);
    }

    [Fact]
    public void An_unmodelled_register_stops_the_run_naming_address_and_peripheral()
    {
        var board = BoardUnderTest.Boot(Board);
        ProtocolSession.BootHello(board, Budget);
        // ldr r0, [pc, #0]; ldr r1, [r0]; .word UART0 UARTILPR (0x40034020: not modelled) - placed in SRAM and run.
        const uint code = 0x2004_0000;
        const uint ilpr = Rp2040Uart.BaseAddress + 0x20;
        board.Core.Memory.Write32(code, 0x6801_4800);
        board.Core.Memory.Write32(code + 4, ilpr);
        board.Core.Pc = code;
        board.Core.R[15] = code;

        var stop = board.RunFor(1000);

        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(ilpr, stop.Address);
        Assert.Contains("UART0", stop.Message);
        Assert.Contains("0x40034020", stop.Message);
        Assert.Equal(code + 2, stop.Pc);
    }
}
