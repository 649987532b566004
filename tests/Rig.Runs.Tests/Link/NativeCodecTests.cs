using CsCheck;
using Rig.Native;
using Rig.Protocol.Framing;

namespace Rig.Runs.Tests.Link;

/// <summary>firmware/core/cobs.c and crc.c (through librig_core) against the C# codec, byte for byte.</summary>
public unsafe class NativeCodecTests
{
    private static readonly RigCoreLibrary Lib = RigCoreLibrary.Load("py32f003");
    private static readonly delegate* unmanaged<byte*, nuint, byte*, nuint> Encode = (delegate* unmanaged<byte*, nuint, byte*, nuint>)Lib.Export("rig_cobs_encode");
    private static readonly delegate* unmanaged<byte*, nuint, int> Decode = (delegate* unmanaged<byte*, nuint, int>)Lib.Export("rig_cobs_decode_in_place");
    private static readonly delegate* unmanaged<ushort, byte*, nuint, ushort> Crc = (delegate* unmanaged<ushort, byte*, nuint, ushort>)Lib.Export("rig_crc16");

    private static readonly Gen<byte[]> Data = Gen.Frequency((4, Gen.Byte), (1, Gen.Const((byte)0))).Array[0, 600];

    [Fact]
    public void C_and_csharp_cobs_encodings_are_identical() =>
        Data.Sample(data =>
        {
            var c = new byte[Cobs.MaxEncodedLength(data.Length)];
            var cs = new byte[c.Length];
            nuint n;
            fixed (byte* src = data) fixed (byte* dst = c) n = Encode(src, (nuint)data.Length, dst);
            var m = Cobs.Encode(data, cs);
            Assert.Equal(cs.AsSpan(0, m).ToArray(), c.AsSpan(0, (int)n).ToArray());
        }, iter: 1000);

    [Fact]
    public void C_decoder_inverts_the_csharp_encoder_and_rejects_what_csharp_rejects() =>
        Gen.Select(Data, Gen.Int[0, 1000], Gen.Byte).Sample((data, at, value) =>
        {
            var encoded = new byte[Cobs.MaxEncodedLength(data.Length)];
            var n = Cobs.Encode(data, encoded);
            var buf = encoded.AsSpan(0, n).ToArray();
            int d;
            fixed (byte* p = buf) d = Decode(p, (nuint)n);
            Assert.Equal(data, buf.AsSpan(0, d).ToArray());
            // a mutated encoding: both decoders agree on accept/reject and on the bytes
            var mutated = encoded.AsSpan(0, n).ToArray();
            mutated[at % n] = value;
            var csOut = new byte[n];
            var csLen = Cobs.Decode(mutated, csOut);
            int cLen;
            fixed (byte* p = mutated) cLen = Decode(p, (nuint)n);
            Assert.Equal(csLen, cLen);
            if (csLen > 0) Assert.Equal(csOut.AsSpan(0, csLen).ToArray(), mutated.AsSpan(0, cLen).ToArray());
        }, iter: 1000);

    [Fact]
    public void C_and_csharp_crcs_agree() =>
        Gen.Byte.Array[0, 400].Sample(data =>
        {
            ushort c;
            fixed (byte* p = data) c = Crc(0xFFFF, p, (nuint)data.Length);
            Assert.Equal(Crc16Ccitt.Compute(data), c);
        }, iter: 500);
}
