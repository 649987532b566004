using CsCheck;
using Rig.Native;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Runs.Tests.Link;

/// <summary>
/// The protocol v2 frame-recovery payloads of firmware/core/protocol.c (through librig_core) against
/// the C# codec: CREDIT and NAK written by C read back in C#, AUDIO and START written by C# read back
/// in C, and the C frame receiver taking C# frames of both versions.
/// </summary>
public unsafe class NativeRecoveryCodecTests
{
    private static readonly RigCoreLibrary Lib = RigCoreLibrary.Load("py32f003");
    private static readonly delegate* unmanaged<byte*, byte, uint, byte, nuint> PutCredit = (delegate* unmanaged<byte*, byte, uint, byte, nuint>)Lib.Export("rig_proto_put_credit");
    private static readonly delegate* unmanaged<byte*, uint, nuint> PutNak = (delegate* unmanaged<byte*, uint, nuint>)Lib.Export("rig_proto_put_nak");
    private static readonly delegate* unmanaged<byte*, nuint, uint*, nuint*, int> GetAudio = (delegate* unmanaged<byte*, nuint, uint*, nuint*, int>)Lib.Export("rig_proto_get_audio");
    private static readonly delegate* unmanaged<byte*, nuint, uint*, int> GetStart = (delegate* unmanaged<byte*, nuint, uint*, int>)Lib.Export("rig_proto_get_start");
    private static readonly delegate* unmanaged<byte*, byte*, ushort, void> RxInit = (delegate* unmanaged<byte*, byte*, ushort, void>)Lib.Export("rig_proto_rx_init");
    private static readonly delegate* unmanaged<byte*, byte, byte*, int> RxByte = (delegate* unmanaged<byte*, byte, byte*, int>)Lib.Export("rig_proto_rx_byte");

    [Fact]
    public void C_credits_and_naks_read_back_in_csharp() =>
        Gen.Select(Gen.Byte, Gen.UInt, Gen.Byte).Sample((count, next, seq) =>
        {
            var p = new byte[8];
            nuint n;
            fixed (byte* b = p) n = PutCredit(b, count, next, seq);
            var credit = (Credit)BoardMessage.Parse(new Frame(MessageType.Credit, 0, p[..(int)n]));
            Assert.Equal(new Credit(count, next, seq), credit);
            Assert.Equal(credit.ToPayload(), p[..(int)n]);
            fixed (byte* b = p) n = PutNak(b, next);
            Assert.Equal(new Nak(next), BoardMessage.Parse(new Frame(MessageType.Nak, 0, p[..(int)n])));
        }, iter: 500);

    [Fact]
    public void Csharp_audio_and_start_read_back_in_c() =>
        Gen.Select(Gen.UInt, Gen.Short.Array[1, 122]).Sample((offset, samples) =>
        {
            var p = HostMessages.AudioAt(offset, samples);
            uint at;
            nuint count;
            int ok;
            fixed (byte* b = p) ok = GetAudio(b, (nuint)p.Length, &at, &count);
            Assert.Equal(1, ok);
            Assert.Equal(offset, at);
            Assert.Equal((nuint)samples.Length, count);
            var start = HostMessages.Start(offset);
            uint column = 12345;
            fixed (byte* b = start) ok = GetStart(b, (nuint)start.Length, &column);
            Assert.Equal(1, ok);
            Assert.Equal(offset, column);
        }, iter: 500);

    [Theory]
    [InlineData(3)]  // shorter than the offset
    [InlineData(7)]  // offset and half a sample
    public void C_refuses_audio_that_is_not_an_offset_and_whole_samples(int length)
    {
        var p = new byte[length];
        uint at;
        nuint count;
        fixed (byte* b = p) Assert.Equal(0, GetAudio(b, (nuint)length, &at, &count));
    }

    [Theory]
    [InlineData(FrameFormat.MinVersion, true)]
    [InlineData(2, true)]
    [InlineData(FrameFormat.Version, true)]
    [InlineData(0, false)]
    [InlineData(FrameFormat.Version + 1, false)]
    public void The_c_receiver_takes_csharp_frames_of_versions_1_to_3_only(byte version, bool taken)
    {
        var payload = new byte[] { 1, 2, 3, 4 };
        var wire = version is >= FrameFormat.MinVersion and <= FrameFormat.Version
            ? FrameFormat.Encode(MessageType.Ping, 9, payload, version)
            : ForgedVersion(version, payload);
        var rx = new byte[128];   // rig_proto_rx_t (pointer + counters) fits easily
        var buf = new byte[64];   // RIG_PROTO_RX_BUFFER_BYTES(44)
        var frame = new byte[32]; // rig_proto_frame_t
        var got = 0;
        fixed (byte* r = rx) fixed (byte* b = buf) fixed (byte* f = frame)
        {
            RxInit(r, b, 44);
            foreach (var x in wire) got += RxByte(r, x, f);
        }
        Assert.Equal(taken ? 1 : 0, got);
        if (taken) Assert.Equal((byte)MessageType.Ping, frame[0]);
    }

    /// <summary>A frame in the v2 layout with another version byte (FrameFormat refuses to write one).</summary>
    private static byte[] ForgedVersion(byte version, byte[] payload)
    {
        var good = FrameFormat.Encode(MessageType.Ping, 9, payload);
        var raw = new byte[good.Length];
        var n = Cobs.Decode(good.AsSpan(0, good.Length - 1), raw);
        raw[0] = version;
        var crc = Crc16Ccitt.Compute(raw.AsSpan(0, n - FrameFormat.CrcBytes));
        raw[n - 2] = (byte)crc;
        raw[n - 1] = (byte)(crc >> 8);
        var wire = new byte[Cobs.MaxEncodedLength(n) + 1];
        var m = Cobs.Encode(raw.AsSpan(0, n), wire);
        return wire[..(m + 1)];
    }
}
