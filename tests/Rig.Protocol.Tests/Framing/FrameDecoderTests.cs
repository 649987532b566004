using CsCheck;
using Rig.Protocol.Framing;

namespace Rig.Protocol.Tests.Framing;

public class FrameDecoderTests
{
    private static readonly Gen<(MessageType Type, byte[] Payload)> AnyFrame =
        Gen.Select(Gen.Byte, Gen.Byte.Array[0, FrameFormat.MaxPayload], (t, p) => ((MessageType)t, p));

    [Fact]
    public void Decodes_what_the_encoder_wrote_whatever_the_read_boundaries() =>
        Gen.Select(AnyFrame.List[1, 20], Gen.Int[1, 64]).Sample((frames, readSize) =>
        {
            var wire = Wire(frames, out _);
            var decoder = new FrameDecoder();
            var got = new List<Frame>();
            for (var i = 0; i < wire.Length; i += readSize) decoder.Push(wire.AsSpan(i, Math.Min(readSize, wire.Length - i)), got);
            Assert.Equal(frames.Count, got.Count);
            for (var i = 0; i < frames.Count; i++)
            {
                Assert.Equal(frames[i].Type, got[i].Type);
                Assert.Equal((byte)i, got[i].Sequence);
                Assert.Equal(frames[i].Payload, got[i].Payload);
            }
            Assert.Equal(new DecoderCounters(frames.Count, 0, 0, 0, 0, 0), decoder.Counters);
        }, iter: 300);

    [Fact]
    public void Frames_of_versions_1_to_3_are_read_and_a_version_4_frame_is_malformed()
    {
        var v4 = FrameFormat.Encode(MessageType.Ping, 3, [7]);
        var raw = new byte[v4.Length];
        var n = Cobs.Decode(v4.AsSpan(0, v4.Length - 1), raw);
        raw[0] = 4;
        var crc = Crc16Ccitt.Compute(raw.AsSpan(0, n - 2));
        (raw[n - 2], raw[n - 1]) = ((byte)crc, (byte)(crc >> 8));
        var encoded = new byte[Cobs.MaxEncodedLength(n) + 1];
        var m = Cobs.Encode(raw.AsSpan(0, n), encoded);
        var wire = FrameFormat.Encode(MessageType.Pong, 0, [1, 2, 3, 4], version: 1)
            .Concat(FrameFormat.Encode(MessageType.Pong, 1, [5, 6, 7, 8], version: 2))
            .Concat(FrameFormat.Encode(MessageType.Pong, 2, [9], version: 3))
            .Concat(encoded[..(m + 1)]).ToArray();
        var decoder = new FrameDecoder();
        var got = new List<Frame>();
        decoder.Push(wire, got);
        Assert.Equal([[1, 2, 3, 4], [5, 6, 7, 8], [9]], got.Select(f => f.Payload));
        Assert.Equal(1, decoder.Counters.MalformedFrames);
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameFormat.Encode(MessageType.Ping, 0, [], version: 4));
    }

    [Fact]
    public void Random_bytes_never_crash_and_every_rejected_byte_is_counted() =>
        Gen.Byte.Array[0, 5000].Sample(bytes =>
        {
            var decoder = new FrameDecoder();
            var got = new List<Frame>();
            decoder.Push(bytes, got);
            decoder.Push([0], got); // flush the tail
            var c = decoder.Counters;
            Assert.Equal(got.Count, c.Frames);
            Assert.True(c.GarbageBytes <= bytes.Length + 1);
            Assert.True(c.CrcErrors + c.MalformedFrames + c.OversizeFrames <= bytes.Count(b => b == 0) + 1);
        }, iter: 500);

    [Fact]
    public void A_corrupted_byte_costs_exactly_its_frame_and_shows_as_a_gap() =>
        // Fixed seed: a CRC-16 misses one corruption of a COBS code byte in 65536; the seed keeps the run reproducible.
        Gen.Select(AnyFrame.List[3, 12], Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((frames, pick, xor) =>
        {
            var wire = Wire(frames, out var starts);
            var victim = 1 + pick % (frames.Count - 2);                 // not the first or the last frame
            var length = starts[victim + 1] - starts[victim] - 1;      // without its delimiter
            var at = starts[victim] + pick % length;
            var mutated = (byte)(wire[at] ^ xor);
            if (mutated == 0) mutated = 1;
            wire[at] = mutated;
            // A CRC-16 misses about one corruption of a COBS code byte in 65536 (CsCheck continues
            // past the seed with random cases): such a frame decodes on its own, and is not this test's subject.
            var alone = new List<Frame>();
            new FrameDecoder().Push(wire.AsSpan(starts[victim], length + 1), alone);
            if (alone.Count != 0) return;
            var decoder = new FrameDecoder();
            var got = new List<Frame>();
            decoder.Push(wire, got);
            var c = decoder.Counters;
            Assert.Equal(frames.Count - 1, got.Count);
            Assert.DoesNotContain(got, f => f.Sequence == victim);
            Assert.Equal(1, c.CrcErrors + c.MalformedFrames);
            Assert.Equal(1, c.DroppedFrames);
            Assert.Equal(length + 1, c.GarbageBytes);
        }, iter: 2000, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Garbage_between_frames_is_skipped_and_counted() =>
        Gen.Select(AnyFrame.List[1, 8], Gen.Byte[1, 255].Array[1, 300]).Sample((frames, junk) =>
        {
            var wire = Wire(frames, out _);
            var stream = junk.Concat(new byte[] { 0 }).Concat(wire).ToArray();
            var decoder = new FrameDecoder();
            var got = new List<Frame>();
            decoder.Push(stream, got);
            Assert.Equal(frames.Count, got.Count);
            Assert.Equal(junk.Length + 1, decoder.Counters.GarbageBytes);
            Assert.Equal(1, decoder.Counters.CrcErrors + decoder.Counters.MalformedFrames + decoder.Counters.OversizeFrames);
        }, iter: 300);

    [Fact]
    public void An_endless_run_without_delimiter_is_dropped_in_bounded_memory()
    {
        var decoder = new FrameDecoder();
        var got = new List<Frame>();
        var chunk = Enumerable.Repeat((byte)0x55, 4096).ToArray();
        decoder.Push(chunk, got); // warm-up: first-call allocations are not the decoder's doing
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 256; i++) decoder.Push(chunk, got); // 1 MiB of bytes
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        decoder.Push([0], got);
        decoder.Push(FrameFormat.Encode(MessageType.Log, 0, "ok"u8), got);
        Assert.True(allocated < 4096, $"decoder allocated {allocated} bytes for 1 MiB of garbage");
        Assert.Equal(1, decoder.Counters.OversizeFrames);
        Assert.Equal(4096L * 257 + 1, decoder.Counters.GarbageBytes);
        Assert.Single(got);
    }

    [Fact]
    public void Sequence_gaps_count_dropped_frames_including_wrap_around()
    {
        var decoder = new FrameDecoder();
        var got = new List<Frame>();
        foreach (var seq in new byte[] { 250, 251, 254, 255, 3 })
            decoder.Push(FrameFormat.Encode(MessageType.Credit, seq, [1]), got);
        Assert.Equal(2 + 3, decoder.Counters.DroppedFrames);
        decoder.ResetSequence();
        decoder.Push(FrameFormat.Encode(MessageType.Credit, 0, [1]), got);
        Assert.Equal(5, decoder.Counters.DroppedFrames);
    }

    private static byte[] Wire(IReadOnlyList<(MessageType Type, byte[] Payload)> frames, out List<int> starts)
    {
        starts = [];
        var wire = new List<byte>();
        for (var i = 0; i < frames.Count; i++)
        {
            starts.Add(wire.Count);
            wire.AddRange(FrameFormat.Encode(frames[i].Type, (byte)i, frames[i].Payload));
        }
        starts.Add(wire.Count);
        return wire.ToArray();
    }
}
