using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Hardware.Serial;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;
using Rig.Simulation.Board;

namespace Rig.Runs.Tests.Link;

/// <summary>The C firmware (native virtual board over a real pty) against the C# protocol and golden model.</summary>
public class VirtualBoardLinkTests
{
    private static (VirtualBoard Board, BoardSession Session) Open(string profile, VirtualBoardOptions? options = null, SessionOptions? session = null) =>
        Open(profile, options, session, out _);

    private static (VirtualBoard Board, BoardSession Session) Open(string profile, VirtualBoardOptions? options, SessionOptions? session, out SerialPortLink link)
    {
        var p = ProfileCatalog.Load(profile);
        var board = VirtualBoard.Start(options ?? new VirtualBoardOptions(profile));
        link = new SerialPortLink(board.PtyPath, p.Serial.Baud, TimeSpan.FromSeconds(5));
        return (board, new BoardSession("virtual-0", link, profile, new Q15Frontend(p.Frontend).ConfigHash, session ?? new SessionOptions(), TimeProvider.System));
    }

    private static short[] Noise(int n, uint seed)
    {
        var x = new short[n];
        for (var i = 0; i < n; i++)
        {
            seed = seed * 1664525 + 1013904223;
            x[i] = (short)((int)(seed >> 16) - 32768 >> (i / 997 % 6));
        }
        return x;
    }

    [Fact]
    public void Injected_clip_matches_the_golden_model_bit_for_bit()
    {
        var (board, session) = Open("py32f003");
        using var _ = board;
        using var __ = session;
        var hello = session.Connect();
        var p = ProfileCatalog.Load("py32f003");
        var samples = Noise(16000, 7);
        var capture = session.PlayInject("noise", samples, p.Classifier.WindowColumns, p.Classifier.WindowHopColumns);
        var golden = new Q15Frontend(p.Frontend).ComputeAll(samples);
        Assert.True(capture.Columns.Count == golden.Count, $"{capture.Columns.Count} columns vs {golden.Count}; link {session.Link.Counters}");
        for (var i = 0; i < golden.Count; i++) Assert.Equal(golden[i], capture.Columns[i].Values);
        Assert.Equal("host-cycles", hello.CycleUnit);
        Assert.Equal((golden.Count - p.Classifier.WindowColumns) / p.Classifier.WindowHopColumns + 1, capture.Windows.Count);
        Assert.Equal((uint)golden.Count, capture.Stats.Columns);
        Assert.Equal(0, capture.Retries);
    }

    [Fact]
    public void A_board_reset_mid_clip_is_resynchronised_and_the_clip_retried_bit_exact()
    {
        var (board, session) = Open("py32f003", new VirtualBoardOptions("py32f003", FaultResetAfterBytes: 12_000));
        using var _ = board;
        using var __ = session;
        session.Connect();
        var p = ProfileCatalog.Load("py32f003");
        var samples = Noise(16000, 3);
        var capture = session.PlayInject("reset-victim", samples, p.Classifier.WindowColumns, p.Classifier.WindowHopColumns);
        Assert.True(capture.Retries == 1, string.Join("\n", capture.RetryLog));
        Assert.Contains("BoardResetException", Assert.Single(capture.RetryLog));
        Assert.Equal(1, session.Link.Resyncs);
        var golden = new Q15Frontend(p.Frontend).ComputeAll(samples);
        Assert.Equal(golden.Count, capture.Columns.Count);
        for (var i = 0; i < golden.Count; i++) Assert.Equal(golden[i], capture.Columns[i].Values);
    }

    [Fact]
    public void A_silent_board_is_reported_after_the_bounded_wait_with_the_last_thing_it_said()
    {
        var options = new SessionOptions { SilenceTimeout = TimeSpan.FromMilliseconds(400), HelloTimeout = TimeSpan.FromMilliseconds(400), MaxRetries = 1, RetryDelay = TimeSpan.Zero };
        var (board, session) = Open("py32f003", new VirtualBoardOptions("py32f003", FaultSilentAfterBytes: 3_000), options);
        using var _ = board;
        using var __ = session;
        session.Connect();
        var p = ProfileCatalog.Load("py32f003");
        var started = TimeProvider.System.GetTimestamp();
        var e = Assert.Throws<BoardSilentException>(() => session.PlayInject("mute", Noise(8000, 1), p.Classifier.WindowColumns, p.Classifier.WindowHopColumns));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        Assert.Contains("last thing it said: ", e.Message);
        Assert.DoesNotContain("last thing it said: nothing", e.Message);
        Assert.Equal(1, session.Retries);
    }

    [Fact]
    public void A_hello_with_another_config_hash_stops_with_both_hashes_and_the_fix()
    {
        var p = ProfileCatalog.Load("py32f003");
        var board = VirtualBoard.Start(new VirtualBoardOptions("py32f003"));
        using var _ = board;
        var golden = new Q15Frontend(p.Frontend).ConfigHash;
        using var session = new BoardSession("virtual-0", new SerialPortLink(board.PtyPath, p.Serial.Baud, TimeSpan.FromSeconds(5)), "py32f003", golden ^ 0x5A5A5A5A, new SessionOptions(), TimeProvider.System);
        var e = Assert.Throws<ConfigHashMismatchException>(() => session.Connect());
        Assert.Contains($"0x{golden:X8}", e.Message);
        Assert.Contains($"0x{golden ^ 0x5A5A5A5A:X8}", e.Message);
        Assert.Contains("rig tables --profile py32f003", e.Message);
    }

    [Fact]
    public void The_firmware_decoder_skips_garbage_and_bad_frames_and_counts_them()
    {
        var (board, session) = Open("py32f003", null, null, out var raw);
        using var _ = board;
        using var __ = session;
        session.Connect();
        var corrupted = FrameFormat.Encode(MessageType.Ping, 200, [1, 2, 3, 4]);
        corrupted[2] ^= 0x40;
        var garbage = Enumerable.Range(0, 700).Select(i => (byte)(i % 251 + 1)).ToArray(); // oversize run, no delimiter
        session.Link.Queue(MessageType.Ping, [9, 9, 9, 9]);
        session.Link.Flush();
        raw.Write(garbage.Concat(new byte[] { 0 }).Concat(corrupted).ToArray());
        var p = ProfileCatalog.Load("py32f003");
        var samples = Noise(4000, 5);
        var capture = session.PlayInject("after-garbage", samples, p.Classifier.WindowColumns, p.Classifier.WindowHopColumns);
        Assert.Equal(1u, capture.Stats.RxOversize);
        Assert.Equal(1u, capture.Stats.RxBadFrames);
        var golden = new Q15Frontend(p.Frontend).ComputeAll(samples);
        Assert.Equal(golden.Count, capture.Columns.Count);
    }
}
