using Rig.Dsp.Frontend;
using Rig.Emulation.Boards.Py32f003;
using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Boards.M0Support;
using Rig.Protocol.Messages;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Boards.Py32f003;

/// <summary>The shipped py32f003 image on the emulated PY32F003 with its board model, driven through the UART line.</summary>
public sealed class Py32f003BoardTests(ITestOutputHelper output)
{
    const string Board = "py32f003";
    /// <summary>Emulated time allowed for the boot HELLO and for one answer: 0.5 s at 24 MHz.</summary>
    const ulong Budget = 12_000_000;

    [Fact]
    public void The_image_boots_sleeps_in_WFI_and_answers_HELLO()
    {
        var board = BoardUnderTest.Boot(Board);
        var hello = ProtocolSession.BootHello(board, Budget);
        var boot = board.ArrivalOf(board.Received[^1]);
        output.WriteLine($"boot HELLO at the host after {boot.Instructions} instructions, {boot.Cycles} cycles");

        Assert.Equal(board.Profile.Frontend.SampleRate, hello.SampleRate);
        Assert.Equal(new Q15Frontend(board.Profile.Frontend).ConfigHash, hello.ConfigHash);
        Assert.True(hello.McuCycles);
        Assert.Equal((uint)board.Profile.Board.ClockHz, hello.CyclesHz);
        Assert.Equal(Rig.Elf.Format.BuildIdNote.Read(board.Chip.Elf.Path)?.Id ?? "(none)", hello.BuildId); // HELLO v3
        Assert.Null(board.Wiring.Uart.BaudMismatch);

        // With nothing to do the app sleeps in board_idle's WFI: emulated time passes asleep.
        var slept = board.RunIdle(2_400_000);
        Assert.True(slept > 2_300_000, $"slept {slept} of 2,400,000 cycles");
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
        var clip = TestClips.ToneAndNoise(hello.SampleRate / 8, hello.SampleRate, seed: 17);

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
        var clip = TestClips.ToneAndNoise(hello.SampleRate / 10, hello.SampleRate, seed: 5);
        var conversions = board.Wiring.Microphone.SamplesTaken;

        var captured = ProtocolSession.AcousticClip(board, hello, clip, Budget);

        // The port's conversion of the 12-bit code the ADC made of each sample: ((q >> 4) + 2048 - 2048) * 16.
        var expected = clip.Select(q => (short)(((int)Py32Adc.Code(q) - 2048) * 16)).ToArray();
        Assert.Equal(expected, captured);
        Assert.True(board.Wiring.Microphone.SamplesTaken - conversions >= clip.Length);

        // The microphone is off again after STOP: the board goes back to sleeping.
        var slept = board.RunIdle(2_400_000);
        Assert.True(slept > 2_300_000, $"slept {slept} of 2,400,000 cycles after STOP");
    }

    [Fact]
    public void The_ADC_is_paced_by_TIM1_at_the_frontend_rate()
    {
        var board = BoardUnderTest.Boot(Board);
        var hello = ProtocolSession.BootHello(board, Budget);
        board.Wiring.Microphone.Write(new short[hello.SampleRate]); // 1 s of silence
        ProtocolSession.Request(board, Protocol.Framing.MessageType.Configure, HostMessages.Configure(BoardMode.Acoustic, StreamFlags.Features, hello.WindowColumns, hello.WindowHopColumns), Protocol.Framing.MessageType.Ack, Budget);
        ProtocolSession.Request(board, Protocol.Framing.MessageType.Start, HostMessages.Start(), Protocol.Framing.MessageType.Ack, Budget);
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
        // ldr r0, [pc, #0]; ldr r1, [r0]; .word USART2 CR2 (0x40004410: not modelled) - placed in SRAM and run.
        const uint code = 0x2000_0F00;
        board.Core.Memory.Write32(code, 0x6801_4800);
        board.Core.Memory.Write32(code + 4, Py32Usart.BaseAddress + 0x10);
        board.Core.Pc = code;
        board.Core.R[15] = code;

        var stop = board.RunFor(1000);

        Assert.Equal(StopReason.UnmappedAccess, stop.Reason);
        Assert.Equal(Py32Usart.BaseAddress + 0x10, stop.Address);
        Assert.Contains("USART2", stop.Message);
        Assert.Contains("0x40004410", stop.Message);
        Assert.Equal(code + 2, stop.Pc);
    }
}
