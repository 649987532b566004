using System.Buffers.Binary;
using Microsoft.Extensions.Time.Testing;
using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Tests.Link;

/// <summary>
/// A device that never stops talking must not hold a handshake or a request open: every wait has
/// an overall deadline on the session's clock, and the failure says what came back instead.
/// </summary>
public class BoardSessionDeadlineTests
{
    private const uint Hash = 0x12345678;

    /// <summary>
    /// A board on a fake clock that, when <paramref name="chatters"/>, sends a LOG frame every 100 ms whatever
    /// it is asked (else says nothing of its own); it answers HELLO requests and pings only when
    /// <paramref name="answersHello"/>, and acknowledges nothing.
    /// </summary>
    private sealed class ChatteringBoard(FakeTimeProvider clock, bool answersHello, bool chatters = true) : ISerialLink
    {
        private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
        private readonly FrameDecoder _heard = new();
        private readonly Queue<byte> _answers = new();
        private byte _sequence;

        public string Name => "/dev/ttyFAKE0";
        public int Baud => 115200;

        public void Write(ReadOnlySpan<byte> data)
        {
            var frames = new List<Frame>();
            _heard.Push(data, frames);
            if (!answersHello) return;
            foreach (var f in frames)
            {
                if (f.Type == MessageType.HelloRequest) Answer(MessageType.Hello, HelloPayload());
                if (f.Type == MessageType.Ping) Answer(MessageType.Pong, f.Payload);
            }
        }

        public int Read(Span<byte> buffer, TimeSpan timeout)
        {
            if (_answers.Count == 0)
            {
                if (!chatters || timeout < Every)
                {
                    clock.Advance(timeout);
                    return 0;
                }
                clock.Advance(Every);
                Answer(MessageType.Log, "tick"u8.ToArray());
            }
            var n = 0;
            while (n < buffer.Length && _answers.Count > 0) buffer[n++] = _answers.Dequeue();
            return n;
        }

        private void Answer(MessageType type, byte[] payload)
        {
            foreach (var b in FrameFormat.Encode(type, _sequence++, payload)) _answers.Enqueue(b);
        }

        private static byte[] HelloPayload() => new Hello(1, "1.0", Hash, 0, 8000, 64, 20, 128, 64, 2, false, 1_000_000, 32, 16, 5, "chatterbox").ToPayload();

        public void Discard() => _answers.Clear();
        public void Dispose() { }
    }

    private static readonly SessionOptions Waits = new()
    {
        HelloTimeout = TimeSpan.FromSeconds(2), SilenceTimeout = TimeSpan.FromSeconds(3), RequestTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 1, RetryDelay = TimeSpan.Zero,
    };

    [Fact]
    public void A_board_that_chatters_but_never_answers_hello_fails_the_handshake_at_its_deadline_naming_what_it_sent()
    {
        var clock = new FakeTimeProvider();
        using var session = new BoardSession("serial-ttyFAKE0", new ChatteringBoard(clock, answersHello: false), "py32f003", Hash, Waits, clock);
        var start = clock.GetUtcNow();
        var e = Assert.Throws<BoardSilentException>(() => session.Connect());
        // Two attempts (one retry), each bounded by the HELLO deadline although a frame came every 100 ms.
        Assert.Equal(2 * Waits.HelloTimeout, clock.GetUtcNow() - start);
        Assert.Contains("board serial-ttyFAKE0 on /dev/ttyFAKE0 did not answer a HELLO request within 2 s", e.Message);
        Assert.Matches(@"came back: \d+ bytes: 20 valid frames \(LOG 20\), 0 CRC errors", e.Message);
        Assert.Contains("last thing it said: LOG \"tick\"", e.Message);
        Assert.Contains("valid frames came but not the answer", e.Message);
        Assert.Equal(40, session.Link.FramesByType[MessageType.Log]);
    }

    [Fact]
    public void A_request_that_is_never_answered_fails_at_the_request_deadline_while_the_board_keeps_talking()
    {
        var clock = new FakeTimeProvider();
        using var session = new BoardSession("serial-ttyFAKE0", new ChatteringBoard(clock, answersHello: true), "py32f003", Hash, Waits, clock);
        Assert.Equal("chatterbox", session.Connect().BoardName);
        var start = clock.GetUtcNow();
        var e = Assert.Throws<BoardGarbledException>(() => session.PlayInject("clip", new short[256], 32, 16));
        var elapsed = clock.GetUtcNow() - start;
        // Two attempts at the CONFIGURE request, each cut at the request deadline (the retry's HELLO is answered at once).
        Assert.InRange(elapsed, 2 * Waits.RequestTimeout, 2 * Waits.RequestTimeout + TimeSpan.FromSeconds(1));
        Assert.Contains("kept talking but did not finish waiting for the ACK of CONFIGURE within 10 s (serial.timeouts.request_seconds)", e.Message);
        Assert.Matches(@"came back meanwhile: \d+ bytes: 100 valid frames \(LOG 100\)", e.Message);
        Assert.Single(session.RetryLog);
    }

    [Fact]
    public void Silence_inside_a_request_still_fails_after_the_silence_timeout()
    {
        var clock = new FakeTimeProvider();
        var line = new ChatteringBoard(clock, answersHello: true, chatters: false);
        using var session = new BoardSession("serial-ttyFAKE0", line, "py32f003", Hash, Waits with { MaxRetries = 0 }, clock);
        session.Connect();
        var start = clock.GetUtcNow();
        var e = Assert.Throws<BoardSilentException>(() => session.PlayInject("clip", new short[256], 32, 16));
        Assert.Contains("went silent for 3 s while waiting for the ACK of CONFIGURE", e.Message);
        Assert.Contains("came back during this request: nothing (0 bytes)", e.Message);
        Assert.Equal(2 * Waits.SilenceTimeout, clock.GetUtcNow() - start);
    }
}
