using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Emulation.Tests.Boards.M0Support;

/// <summary>
/// The host's side of firmware/PROTOCOL.md against a <see cref="BoardUnderTest"/>, as rig/Rig.Runs/Clips
/// does it: the boot HELLO, HELLO_REQ, an inject clip (CONFIGURE, START, v2 AUDIO with offsets under the
/// board's credits, STOP -> STATS) and an acoustic clip (CONFIGURE acoustic with capture, START, run
/// until the board captured the clip, STOP).
/// </summary>
public static class ProtocolSession
{
    /// <summary>Runs until the boot HELLO (the board sends one from rig_app_init) and speaks its version from then on.</summary>
    public static Hello BootHello(BoardUnderTest board, ulong cycleBudget)
    {
        var hello = (Hello)BoardMessage.Parse(board.RunUntil(MessageType.Hello, cycleBudget));
        board.Version = hello.ProtocolVersion;
        return hello;
    }

    public static Hello RequestHello(BoardUnderTest board, ulong cycleBudget)
    {
        board.Send(MessageType.HelloRequest, []);
        return (Hello)BoardMessage.Parse(board.RunUntil(MessageType.Hello, cycleBudget));
    }

    public static void Request(BoardUnderTest board, MessageType type, byte[] payload, MessageType answer, ulong cycleBudget)
    {
        board.Send(type, payload);
        var frame = board.RunUntil(f => f.Type == answer || f.Type == MessageType.Error, cycleBudget, answer.ToString());
        Assert.True(frame.Type == answer, $"{type} answered by {BoardMessage.Parse(frame)}");
    }

    /// <summary>Sends <paramref name="samples"/> in inject mode; returns the FEATURE columns of the stream, in order.</summary>
    public static IReadOnlyList<FeatureColumn> InjectClip(BoardUnderTest board, Hello hello, short[] samples, ulong cycleBudget)
    {
        Request(board, MessageType.Configure, HostMessages.Configure(BoardMode.Inject, StreamFlags.Features | StreamFlags.Results, hello.WindowColumns, hello.WindowHopColumns), MessageType.Ack, cycleBudget);
        Request(board, MessageType.Start, HostMessages.Start(), MessageType.Ack, cycleBudget);
        var from = board.Received.Count;
        var perFrame = (hello.MaxAudioPayload - HostMessages.AudioHeaderBytes) / 2;
        var sent = 0;
        var inFlight = 0;
        while (sent < samples.Length || inFlight > 0)
        {
            while (sent < samples.Length && inFlight < hello.Credits)
            {
                var n = Math.Min(perFrame, samples.Length - sent);
                board.Send(MessageType.Audio, HostMessages.AudioAt((uint)sent, samples.AsSpan(sent, n)));
                sent += n;
                inFlight++;
            }
            var answer = BoardMessage.Parse(board.RunUntil(f => f.Type is MessageType.Credit or MessageType.Nak or MessageType.Error, cycleBudget, "CREDIT"));
            var credit = Assert.IsType<Credit>(answer);
            inFlight -= credit.Count;
        }
        Request(board, MessageType.Stop, [], MessageType.Stats, cycleBudget);
        return board.Messages<FeatureColumn>(from).ToList();
    }

    /// <summary>
    /// Acoustic mode with capture: the clip goes into the microphone, START turns the ADC path on, and the
    /// board runs until its CAPTURE frames hold <paramref name="samples"/>' length; returns the captured samples.
    /// </summary>
    public static short[] AcousticClip(BoardUnderTest board, Hello hello, short[] samples, ulong cycleBudget)
    {
        board.Wiring.Microphone.Write(samples);
        board.Wiring.Microphone.Complete();
        Request(board, MessageType.Configure, HostMessages.Configure(BoardMode.Acoustic, StreamFlags.Features | StreamFlags.Capture, hello.WindowColumns, hello.WindowHopColumns), MessageType.Ack, cycleBudget);
        Request(board, MessageType.Start, HostMessages.Start(), MessageType.Ack, cycleBudget);
        var from = board.Received.Count;
        var captured = new List<short>();
        while (captured.Count < samples.Length)
        {
            var frame = board.RunUntil(f => f.Type == MessageType.Capture, cycleBudget, $"CAPTURE after {captured.Count} samples");
            var capture = (CapturedAudio)BoardMessage.Parse(frame);
            Assert.Equal((uint)captured.Count, capture.FirstSample);
            captured.AddRange(capture.Samples);
        }
        Request(board, MessageType.Stop, [], MessageType.Stats, cycleBudget);
        Assert.True(board.Messages<FeatureColumn>(from).Any(), "the board made no FEATURE column from what it captured");
        return [.. captured.Take(samples.Length)];
    }
}
