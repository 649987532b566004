using Rig.Core.Seams;
using Rig.Hardware.Power;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;
using Rig.Runs.Power;

namespace Rig.Runs.Tests.Power;

/// <summary>The firmware's BURST and IDLE (native board, real pty) against the host's protocol v2.</summary>
public class BurstLinkTests
{
    private sealed class Marks : IWindowMarks
    {
        public int Starts, Stops;
        public void Start() => Starts++;
        public void Stop() => Stops++;
    }

    private static SessionBurstBoard BurstBoard(EnergyBoard b) => new(b.Session, 2.0, TimeSpan.FromSeconds(3), TimeProvider.System);

    [Fact]
    public void A_v2_board_announces_burst_and_idle_in_hello()
    {
        using var b = new EnergyBoard("py32f003");
        Assert.Equal(Rig.Protocol.Framing.FrameFormat.Version, b.Session.Hello.ProtocolVersion);
        Assert.True(b.Session.Hello.Supports(BoardCapabilities.Burst | BoardCapabilities.Idle));
        Assert.Equal("native-py32f003", b.Session.Hello.BoardName);
    }

    [Fact]
    public void Burst_runs_k_inferences_on_the_window_the_host_sent_with_the_marker_high_for_exactly_the_burst()
    {
        using var b = new EnergyBoard("py32f003");
        var board = BurstBoard(b);
        var line = b.Board.PowerLine!;
        // Nothing inferred since boot: no window, nothing runs, the marker never rises.
        var none = board.Burst(BurstFlags.None, 5, uint.MaxValue, new Marks());
        Assert.Equal((BurstStatus.NoWindow, 0), (none.Status, none.Inferences));
        Assert.Null(line.LastMarked);

        b.Session.PlayInject("one window", b.OneWindow(), b.Profile.Classifier.WindowColumns, b.Profile.Classifier.WindowHopColumns);
        var marks = new Marks();
        var done = board.Burst(BurstFlags.Frontend | BurstFlags.HostWindow, 200, uint.MaxValue, marks);
        Assert.Equal((BurstStatus.Done, 200), (done.Status, done.Inferences));
        Assert.True(done.Cycles > 0);
        Assert.Equal((1, 1), (marks.Starts, marks.Stops));
        var (rise, fall) = line.LastMarked!.Value;
        // The marked stretch is the burst: at least the CPU time the board counted for it.
        Assert.True((fall - rise) >= done.Cycles * 0.99, $"marker high {fall - rise} ns, burst {done.Cycles} ns of CPU");

        // The frontend makes each inference cost more than the model alone.
        var modelOnly = board.Burst(BurstFlags.HostWindow, 200, uint.MaxValue, new Marks());
        Assert.Equal(BurstStatus.Done, modelOnly.Status);
        Assert.True(modelOnly.Cycles < done.Cycles, $"model only {modelOnly.Cycles} vs with frontend {done.Cycles}");
    }

    [Fact]
    public void A_start_without_audio_leaves_no_host_window_but_the_last_window_stays_usable()
    {
        using var b = new EnergyBoard("py32f003");
        var board = BurstBoard(b);
        b.Session.PlayInject("one window", b.OneWindow(), b.Profile.Classifier.WindowColumns, b.Profile.Classifier.WindowHopColumns);
        b.Session.PlayInject("too short for a window", new short[64], b.Profile.Classifier.WindowColumns, b.Profile.Classifier.WindowHopColumns);
        Assert.Equal(BurstStatus.NoWindow, board.Burst(BurstFlags.HostWindow, 3, uint.MaxValue, new Marks()).Status);
        Assert.Equal(BurstStatus.Done, board.Burst(BurstFlags.None, 3, uint.MaxValue, new Marks()).Status);
    }

    [Fact]
    public void The_board_stops_a_burst_at_its_cycle_budget()
    {
        using var b = new EnergyBoard("py32f003");
        var board = BurstBoard(b);
        b.Session.PlayInject("one window", b.OneWindow(), b.Profile.Classifier.WindowColumns, b.Profile.Classifier.WindowHopColumns);
        var done = board.Burst(BurstFlags.HostWindow, 1_000_000, 1, new Marks());
        Assert.Equal((BurstStatus.OverBudget, 1), (done.Status, done.Inferences));
    }

    [Fact]
    public void Idle_sleeps_for_the_stated_ticks_with_the_marker_high_and_the_board_asleep()
    {
        using var b = new EnergyBoard("py32f003");
        var board = BurstBoard(b);
        var done = board.Idle(50_000_000, new Marks()); // 50 ms of the board's 1 GHz tick
        Assert.Equal(MessageType.Idle, done.Request);
        Assert.True(done.Cycles >= 50_000_000, $"{done.Cycles} ticks");
        var (rise, fall) = b.Board.PowerLine!.LastMarked!.Value;
        Assert.True(fall - rise >= 50_000_000);
        Assert.True(b.Board.PowerLine.RunningSeconds(rise, fall) < 0.5 * (fall - rise) / 1e9, "the board should sleep through most of an IDLE");
    }

    [Fact]
    public void A_malformed_burst_is_refused_with_an_error()
    {
        using var b = new EnergyBoard("py32f003");
        b.Session.Link.Send(MessageType.Burst, [1, 2, 3]);
        BoardMessage? m;
        do m = b.Session.Link.Receive(TimeSpan.FromSeconds(3)); while (m is not null and not BoardError);
        var error = Assert.IsType<BoardError>(m);
        Assert.Equal(3, error.Code); // bad length
    }
}
