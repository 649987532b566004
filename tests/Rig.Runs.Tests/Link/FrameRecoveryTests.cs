using Rig.Core.Profiles;
using Rig.Core.Seams;
using Rig.Dsp.Frontend;
using Rig.Hardware.Serial;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Clips;
using Rig.Runs.Link;
using Rig.Simulation.Board;
using Rig.Simulation.Link;

namespace Rig.Runs.Tests.Link;

/// <summary>
/// Protocol v2 frame recovery end to end: the C firmware on the native virtual board over a real pty,
/// with one chosen frame lost or corrupted (<see cref="FrameFaultLink"/>). Each clip must come out
/// identical to a clean run of the same samples without a whole-clip retry, and the counters must
/// show the recovery that happened.
/// </summary>
public class FrameRecoveryTests
{
    private const string Profile = "py32f003";
    private static readonly BoardProfile P = ProfileCatalog.Load(Profile);
    private static readonly short[] Samples = Noise(16000, 11);

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

    private static (ClipCapture Capture, BoardSession Session) Play(Func<ISerialLink, FrameFaultLink>? faults, out FrameFaultLink? link)
    {
        FrameFaultLink? made = null;
        var played = Play(serial => (made = faults?.Invoke(serial)) ?? serial);
        link = made;
        return played;
    }

    private static (ClipCapture Capture, BoardSession Session) Play(Func<ISerialLink, ISerialLink> wrap, SessionOptions? options = null, bool paced = false)
    {
        using var board = VirtualBoard.Start(new VirtualBoardOptions(Profile, Uart: paced ? new UartPacing(P.Serial.Baud, P.Serial.RxBufferBytes) : null));
        var serial = wrap(new SerialPortLink(board.PtyPath, P.Serial.Baud, TimeSpan.FromSeconds(5)));
        var session = new BoardSession("virtual-0", serial, Profile, new Q15Frontend(P.Frontend).ConfigHash, options ?? new SessionOptions(), TimeProvider.System);
        using (session)
        {
            session.Connect();
            var capture = session.PlayInject("victim", Samples, P.Classifier.WindowColumns, P.Classifier.WindowHopColumns);
            return (capture, session);
        }
    }

    private static readonly Lazy<(ClipCapture Capture, Hello Hello)> CleanRun = new(() =>
    {
        var (capture, session) = Play(s => s);
        return (capture, session.Hello);
    });
    private static ClipCapture CleanCapture => CleanRun.Value.Capture;

    private static void AssertSameAsClean(ClipCapture capture, bool allowRetries = false)
    {
        var clean = CleanCapture;
        var golden = new Q15Frontend(P.Frontend).ComputeAll(Samples);
        Assert.Equal(golden.Count, capture.Columns.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            Assert.Equal((uint)i, capture.Columns[i].Index);
            Assert.Equal(golden[i], capture.Columns[i].Values);
        }
        Assert.Equal(clean.Windows.Count, capture.Windows.Count);
        for (var w = 0; w < clean.Windows.Count; w++)
        {
            Assert.Equal((uint)w, capture.Windows[w].Window);
            Assert.Equal(clean.Windows[w].Class, capture.Windows[w].Class);
            Assert.Equal(clean.Windows[w].Scores, capture.Windows[w].Scores);
        }
        Assert.Equal(clean.Stats.Columns, capture.Stats.Columns);
        if (!allowRetries) Assert.Equal(0, capture.Retries);
    }

    [Fact]
    public void A_clean_clip_needs_no_recovery()
    {
        var (capture, session) = Play(s => s);
        // A busy test host may stall the board past a per-frame timeout (a harmless resend), but
        // nothing is lost: no NAK, no replay, no retry.
        Assert.Equal(0, capture.Recovery.Naks);
        Assert.Equal(0, capture.Recovery.Replays);
        Assert.Equal(0, capture.Retries);
        Assert.True(session.Hello.FrameRecovery);
    }

    [Fact]
    public void Lost_hellos_are_asked_for_again_within_the_handshake_not_retried_as_a_failure()
    {
        // The boot HELLO (if the host saw it) and the first requested one, or the first two requested: either way
        // at least one HELLO request is answered only by its PONG.
        var (capture, session) = Play(s => new FrameFaultLink(s).Drop(false, MessageType.Hello, 1, 2), out var link);
        Assert.Equal(2, link!.Applied);
        Assert.Equal(0, session.Retries);
        AssertSameAsClean(capture);
    }

    [Fact]
    public void A_lost_audio_frame_is_naked_and_sent_again()
    {
        var (capture, session) = Play(s => new FrameFaultLink(s).Drop(true, MessageType.Audio, 20), out var link);
        Assert.Equal(1, link!.Applied);
        AssertSameAsClean(capture);
        Assert.True(capture.Recovery.Naks >= 1, capture.Recovery.ToString());
        Assert.True(capture.Recovery.ResentFrames >= 1, capture.Recovery.ToString());
        Assert.Equal(0, capture.Recovery.Replays);
        Assert.Equal(1, session.Recovery.RecoveredClips);
        Assert.True(capture.Stats.RxDropped >= 1); // the board's decoder saw the sequence gap
    }

    [Fact]
    public void An_audio_frame_lost_again_after_the_nak_is_naked_again()
    {
        var offset = (uint)(20 * (CleanRun.Value.Hello.MaxAudioPayload - HostMessages.AudioHeaderBytes) / 2);
        var (capture, _) = Play(s => new FrameFaultLink(s).DropMatching(true, MessageType.Audio, p => BitConverter.ToUInt32(p, 0) == offset, times: 2), out var link);
        Assert.Equal(2, link!.Applied);
        AssertSameAsClean(capture);
        // The board saw the host go back (a gap frame not above the last one) and said so again.
        Assert.True(capture.Recovery.Naks >= 2, capture.Recovery.ToString());
    }

    [Fact]
    public void A_lost_last_audio_frame_is_sent_again_after_the_per_frame_timeout()
    {
        var chunk = (CleanRun.Value.Hello.MaxAudioPayload - HostMessages.AudioHeaderBytes) / 2;
        var frames = (Samples.Length + chunk - 1) / chunk;
        var (capture, _) = Play(s => new FrameFaultLink(s).Drop(true, MessageType.Audio, frames), out var link);
        Assert.Equal(1, link!.Applied);
        AssertSameAsClean(capture);
        Assert.True(capture.Recovery.Timeouts >= 1, capture.Recovery.ToString());
        Assert.True(capture.Recovery.ResentFrames >= 1, capture.Recovery.ToString());
    }

    [Fact]
    public void Lost_credits_do_not_leak()
    {
        var (capture, _) = Play(s => new FrameFaultLink(s).Drop(false, MessageType.Credit, 5, 6, 7, 8, 9, 100, 101, 102), out var link);
        Assert.Equal(8, link!.Applied);
        AssertSameAsClean(capture);
    }

    [Fact]
    public void A_corrupted_feature_is_replayed_from_its_window_hop()
    {
        var (capture, _) = Play(s => new FrameFaultLink(s).Corrupt(false, MessageType.Feature, 40), out var link);
        Assert.Equal(1, link!.Applied);
        AssertSameAsClean(capture);
        Assert.Equal(1, capture.Recovery.Replays);
    }

    [Fact]
    public void A_lost_result_is_replayed()
    {
        var (capture, session) = Play(s => new FrameFaultLink(s).Drop(false, MessageType.Result, 3), out var link);
        Assert.Equal(1, link!.Applied);
        AssertSameAsClean(capture);
        Assert.Equal(1, capture.Recovery.Replays);
        Assert.Equal(1, capture.Recovery.ReplayedWindows);
        Assert.Equal(1, session.Recovery.ReplayedWindows);
    }

    [Fact]
    public void A_lost_final_feature_and_result_are_replayed()
    {
        var clean = CleanCapture;
        var (capture, _) = Play(s => new FrameFaultLink(s)
            .Drop(false, MessageType.Feature, clean.Columns.Count)
            .Drop(false, MessageType.Result, clean.Windows.Count), out var link);
        Assert.Equal(2, link!.Applied);
        AssertSameAsClean(capture);
        Assert.Equal(1, capture.Recovery.ReplayedWindows);
    }

    [Fact]
    public void A_lost_stats_is_asked_for_again()
    {
        var (capture, _) = Play(s => new FrameFaultLink(s).Drop(false, MessageType.Stats, 1), out var link);
        Assert.Equal(1, link!.Applied);
        AssertSameAsClean(capture);
        Assert.True(capture.Recovery.ResentFrames >= 1, capture.Recovery.ToString()); // STOP again
        Assert.Equal(0, capture.Recovery.Replays);
    }

    [Fact]
    public void Lost_acks_of_configure_and_start_are_asked_for_again()
    {
        var (capture, _) = Play(s => new FrameFaultLink(s).Drop(false, MessageType.Ack, 1, 2), out var link);
        Assert.Equal(2, link!.Applied);
        AssertSameAsClean(capture);
        Assert.True(capture.Recovery.ResentFrames >= 2, capture.Recovery.ToString()); // CONFIGURE and START again
    }

    [Fact]
    public void Without_the_recovery_capability_a_lost_frame_costs_a_whole_clip_retry()
    {
        // The same board announcing no capabilities: the host must fall back to whole-clip retries.
        static byte[] NoCapabilities(byte[] hello)
        {
            var p = hello.ToArray();
            p[Hello.FixedBytes] = 0;
            return p;
        }
        var (capture, session) = Play(s => new FrameFaultLink(s) { HelloRewrite = NoCapabilities }.Drop(false, MessageType.Result, 3), out _);
        Assert.False(session.Hello.FrameRecovery);
        Assert.Equal(1, capture.Retries);
        Assert.Contains("result of window 2 is missing", Assert.Single(capture.RetryLog));
        Assert.Equal(0, capture.Recovery.Replays);
        Assert.Equal(1, session.Recovery.RecoveredClips);
        var golden = new Q15Frontend(P.Frontend).ComputeAll(Samples);
        Assert.Equal(golden.Count, capture.Columns.Count);
    }

    [Theory]
    [InlineData(1e-4, 7, false)]
    [InlineData(1e-3, 7, false)]
    [InlineData(1e-3, 8, false)]
    [InlineData(1e-3, 9, true)] // the profile's UART: 3 credits, a 160-byte ring that loses bytes on overflow
    public void A_noisy_line_costs_frames_not_the_clip(double ber, int seed, bool paced)
    {
        var (capture, session) = Play(s => new ChaosLink(s, new LineFaults { Ber = ber, Seed = seed }, TimeProvider.System), paced: paced);
        Console.WriteLine($"ber {ber} seed {seed} paced {paced}: {capture.Recovery}, retries {capture.Retries}, link {session.Link.Counters}, board {capture.Stats.RxFrames} frames {capture.Stats.RxBadFrames} bad {capture.Stats.RxDropped} gaps");
        AssertSameAsClean(capture, allowRetries: true);
        Assert.True(capture.Recovery.Any, capture.Recovery.ToString());
    }

    [Fact]
    public void A_clip_that_frame_recovery_cannot_mend_fails_naming_the_clip_the_retries_and_the_counts()
    {
        using var board = VirtualBoard.Start(new VirtualBoardOptions(Profile));
        var serial = new FrameFaultLink(new SerialPortLink(board.PtyPath, P.Serial.Baud, TimeSpan.FromSeconds(5))).DropAll(false, MessageType.Result);
        using var session = new BoardSession("virtual-0", serial, Profile, new Q15Frontend(P.Frontend).ConfigHash,
            new SessionOptions { MaxRetries = 1, RetryDelay = TimeSpan.Zero }, TimeProvider.System);
        session.Connect();
        var e = Assert.Throws<BoardGarbledException>(() => session.PlayInject("victim", Samples, P.Classifier.WindowColumns, P.Classifier.WindowHopColumns));
        Assert.Contains("clip victim failed after 1 whole-clip retries", e.Message);
        Assert.Contains("still missing after 4 replay rounds", e.Message);
        Assert.Matches(@"\d+ replays", e.Message);
        Assert.Equal(1, session.Recovery.FailedClips);
        Assert.Equal(0, session.Recovery.RecoveredClips);
    }
}
