using Rig.Core.Profiles;
using Rig.Emulation.Boards;
using Rig.Emulation.Boards.Host;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Tests.Boards.Host;

/// <summary>The emulated board runtime on a test-only UART model and the echo image: reads, timeouts and timers in emulated time, stops.</summary>
public sealed class EmulatedBoardTests
{
    static EmulatedBoard Start() => EmulatedBoard.Start(ProfileCatalog.Load("py32f003"), EchoImage.Path, new EchoUart());

    static byte[] ReadFrame(EmulatedSerialLink link, TimeSpan timeout)
    {
        var got = new List<byte>();
        var buffer = new byte[64];
        var start = link.Board.Time.GetTimestamp();
        while (!got.Contains(0) && link.Board.Time.GetElapsedTime(start) < timeout)
        {
            var n = link.Read(buffer, timeout - link.Board.Time.GetElapsedTime(start));
            got.AddRange(buffer.Take(n));
        }
        return [.. got];
    }

    [Fact]
    public void A_read_returns_the_echoed_frame_as_soon_as_its_delimiter_reached_the_host()
    {
        using var board = Start();
        var link = new EmulatedSerialLink(board);
        link.Write([1, 2, 3, 0]);
        var before = board.Cycles;
        var frame = ReadFrame(link, TimeSpan.FromMilliseconds(100));
        Assert.Equal([1, 2, 3, 0], frame);
        // Four bytes to the chip and the last one back, ten bit times each at 460,800 baud: about 109 us, far less than the timeout.
        var byteSeconds = 10.0 / 460_800;
        var elapsed = (board.Cycles - before) / (double)board.ClockHz;
        Assert.InRange(elapsed, 5 * byteSeconds * 0.99, 7 * byteSeconds);
    }

    [Fact]
    public void A_read_that_gets_nothing_returns_after_its_timeout_in_emulated_time_spent_asleep()
    {
        using var board = Start();
        var link = new EmulatedSerialLink(board);
        board.RunFor(TimeSpan.FromMilliseconds(1)); // boot into WFI
        var before = board.Cycles;
        var sleptBefore = board.Core.SleepCycles;
        Assert.Equal(0, link.Read(new byte[16], TimeSpan.FromMilliseconds(250)));
        Assert.Equal(before + board.CyclesOf(TimeSpan.FromMilliseconds(250)), board.Cycles);
        Assert.Equal(6_000_000UL, board.Cycles - before); // 250 ms at 24 MHz
        // Idle is fast-forwarded: every one of those cycles was WFI sleep but the idle loop's B and WFI on waking
        // from the previous run's sleep (2 cycles each, ARM DDI 0484C table 3-1).
        Assert.Equal(board.Cycles - before - 4, board.Core.SleepCycles - sleptBefore);
    }

    [Fact]
    public void The_board_clock_is_the_core_cycle_counter()
    {
        using var board = Start();
        board.RunFor(TimeSpan.FromMilliseconds(3));
        Assert.Equal(24_000_000, board.Time.TimestampFrequency);
        Assert.Equal((long)board.Core.Cycles, board.Time.GetTimestamp());
        Assert.Equal(EmulatedTime.Epoch + TimeSpan.FromMilliseconds(3), board.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_delay_on_the_board_clock_runs_the_board_for_that_long()
    {
        using var board = Start();
        var before = board.Time.GetTimestamp();
        await Task.Delay(TimeSpan.FromMilliseconds(40), board.Time).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(board.Time.GetElapsedTime(before).TotalMilliseconds, 40, 40.001);
    }

    [Fact]
    public void Two_runs_of_the_same_image_and_bytes_take_identical_cycles()
    {
        (ulong Cycles, ulong Instructions, byte[] Echo) Once()
        {
            using var board = Start();
            var link = new EmulatedSerialLink(board);
            var echoed = new List<byte>();
            for (var i = 0; i < 20; i++)
            {
                link.Write([(byte)(i + 1), (byte)(2 * i + 1), 0]);
                echoed.AddRange(ReadFrame(link, TimeSpan.FromMilliseconds(5)));
                Pause(board, TimeSpan.FromMilliseconds(i % 3));
            }
            return (board.Cycles, board.Core.Instructions, [.. echoed]);
        }
        var a = Once();
        var b = Once();
        Assert.Equal(60, a.Echo.Length);
        Assert.Equal(a.Cycles, b.Cycles);
        Assert.Equal(a.Instructions, b.Instructions);
        Assert.Equal(a.Echo, b.Echo);
    }

    /// <summary>The host waits on the board's clock (a session's retry delay does this).</summary>
    static void Pause(EmulatedBoard board, TimeSpan span) => Task.Delay(span, board.Time).Wait();

    [Fact]
    public void A_HardFault_ends_the_board_with_pc_symbol_and_the_last_frames_as_the_image_s_fault()
    {
        using var board = Start();
        var link = new EmulatedSerialLink(board);
        link.Write([7, 0]);
        Assert.Equal([7, 0], ReadFrame(link, TimeSpan.FromMilliseconds(10)));
        link.Write([0xFF]);
        var e = Assert.Throws<EmulatedBoardStoppedException>(() => link.Read(new byte[16], TimeSpan.FromMilliseconds(10)));
        Assert.Equal(StopReason.Fault, e.Stop.Reason);
        Assert.True(e.ImageFault);
        Assert.NotEqual("", e.Stop.Symbol);
        Assert.Contains($"({e.Stop.Symbol})", e.Message, StringComparison.Ordinal);
        Assert.Contains($"pc 0x{e.Stop.Pc:X8}", e.Message, StringComparison.Ordinal);
        Assert.Contains("host to board: 07 (1 B); FF (1 B) (unfinished)", e.Message, StringComparison.Ordinal);
        Assert.Contains("board to host: 07 (1 B)", e.Message, StringComparison.Ordinal);
        // The board stays stopped: every later call says so again.
        var again = Assert.Throws<EmulatedBoardStoppedException>(() => link.Write([1]));
        Assert.Equal(e.Message, again.Message);
    }

    [Fact]
    public void An_unmodelled_register_ends_the_board_but_is_not_the_image_s_fault()
    {
        using var board = Start();
        var link = new EmulatedSerialLink(board);
        link.Write([0xFE]);
        var e = Assert.Throws<EmulatedBoardStoppedException>(() => link.Read(new byte[16], TimeSpan.FromMilliseconds(10)));
        Assert.Equal(StopReason.UnmappedAccess, e.Stop.Reason);
        Assert.False(e.ImageFault);
        Assert.Contains("0x4001380C", e.Message, StringComparison.Ordinal);
        Assert.Contains("test UART", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reset_the_image_asks_for_rebuilds_the_chip_and_time_goes_on()
    {
        using var board = Start();
        var link = new EmulatedSerialLink(board);
        link.Write([0xFD]);
        Assert.Equal(0, link.Read(new byte[16], TimeSpan.FromMilliseconds(2)));
        var afterReset = board.Cycles;
        Assert.Equal(1, board.Reboots);
        Assert.True(afterReset >= board.CyclesOf(TimeSpan.FromMilliseconds(2)));
        link.Write([9, 0]);
        Assert.Equal([9, 0], ReadFrame(link, TimeSpan.FromMilliseconds(10)));
        Assert.True(board.Cycles > afterReset);
    }
}
