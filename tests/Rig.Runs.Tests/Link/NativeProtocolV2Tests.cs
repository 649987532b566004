using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rig.Native;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Runs.Tests.Link;

/// <summary>
/// firmware/core/protocol.c (through librig_core) against the C# framing for protocol v2: the board's decoder takes
/// the host's BURST and IDLE frames (the host sends version 1) and version 2, and refuses other versions; the
/// frames the board sends carry version 2 and decode on the host.
/// </summary>
public unsafe class NativeProtocolV2Tests
{
    private static readonly RigCoreLibrary Lib = RigCoreLibrary.Load("py32f003");
    private static readonly delegate* unmanaged<byte*, byte*, ushort, void> RxInit = (delegate* unmanaged<byte*, byte*, ushort, void>)Lib.Export("rig_proto_rx_init");
    private static readonly delegate* unmanaged<byte*, byte, byte*, int> RxByte = (delegate* unmanaged<byte*, byte, byte*, int>)Lib.Export("rig_proto_rx_byte");
    private static readonly delegate* unmanaged<byte*, byte, byte, nuint, delegate* unmanaged<byte*, nuint, void>, void> Send =
        (delegate* unmanaged<byte*, byte, byte, nuint, delegate* unmanaged<byte*, nuint, void>, void>)Lib.Export("rig_proto_send");

    /// <summary>rig_proto_frame_t: u8 type, u8 seq, u8 len, then the payload pointer (aligned).</summary>
    private static (byte Type, byte Seq, byte[] Payload)? Feed(ReadOnlySpan<byte> wire, ushort maxPayload = 64)
    {
        var rx = stackalloc byte[256];
        var buf = stackalloc byte[512];
        var frame = stackalloc byte[32];
        new Span<byte>(rx, 256).Clear();
        RxInit(rx, buf, maxPayload);
        (byte, byte, byte[])? got = null;
        foreach (var b in wire)
            if (RxByte(rx, b, frame) == 1)
            {
                var payload = *(byte**)(frame + sizeof(nint));
                got = (frame[0], frame[1], new ReadOnlySpan<byte>(payload, frame[2]).ToArray());
            }
        return got;
    }

    [Fact]
    public void The_board_decodes_the_hosts_burst_and_idle_frames()
    {
        var burst = HostMessages.Burst(BurstFlags.Frontend | BurstFlags.HostWindow, 5000, 48_000_000);
        var decoded = Feed(FrameFormat.Encode(MessageType.Burst, 9, burst));
        Assert.Equal(((byte)0x09, (byte)9), (decoded!.Value.Type, decoded.Value.Seq));
        Assert.Equal(burst, decoded.Value.Payload);
        var idle = Feed(FrameFormat.Encode(MessageType.Idle, 10, HostMessages.Idle(123_456)));
        Assert.Equal((byte)0x0A, idle!.Value.Type);
        Assert.Equal(HostMessages.Idle(123_456), idle.Value.Payload);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void The_board_takes_frame_versions_1_to_3(byte version, bool accepted)
    {
        var raw = new byte[] { version, 0x01, 0, 4, 1, 2, 3, 4, 0, 0 };
        var crc = Crc16Ccitt.Compute(raw.AsSpan(0, 8));
        raw[8] = (byte)crc;
        raw[9] = (byte)(crc >> 8);
        var wire = new byte[Cobs.MaxEncodedLength(raw.Length) + 1];
        var n = Cobs.Encode(raw, wire);
        Assert.Equal(accepted, Feed(wire.AsSpan(0, n + 1)) is not null);
    }

    [ThreadStatic] private static List<byte>? t_sent;

    [UnmanagedCallersOnly]
    private static void Sink(byte* bytes, nuint n) => t_sent!.AddRange(new ReadOnlySpan<byte>(bytes, (int)n).ToArray());

    [Fact]
    public void The_boards_burst_answer_carries_the_current_version_and_decodes_on_the_host()
    {
        t_sent = [];
        var payload = new BurstDone(MessageType.Burst, BurstStatus.Done, 4321, 987_654).ToPayload();
        var raw = new byte[payload.Length + FrameFormat.Overhead];
        payload.CopyTo(raw, FrameFormat.HeaderBytes);
        fixed (byte* p = raw) Send(p, 0x8C, 5, (nuint)payload.Length, &Sink);
        Assert.Equal(FrameFormat.Version, raw[0]); // the version byte rig_proto_send wrote
        var frames = new List<Frame>();
        new FrameDecoder().Push(t_sent.ToArray(), frames);
        var frame = Assert.Single(frames);
        Assert.Equal(new BurstDone(MessageType.Burst, BurstStatus.Done, 4321, 987_654), BoardMessage.Parse(frame));
    }
}
