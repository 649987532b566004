using CsCheck;
using Rig.Protocol.Framing;

namespace Rig.Protocol.Tests.Framing;

public class CobsTests
{
    // Bytes biased towards zero so runs, zeros at the ends and 254-byte blocks all occur.
    private static readonly Gen<byte[]> Data = Gen.Frequency((3, Gen.Byte), (1, Gen.Const((byte)0))).Array[0, 700];
    private static readonly Gen<byte[]> ZeroFree = Gen.Byte[1, 255].Array[0, 800];

    [Fact]
    public void Round_trips_any_bytes_without_zeros_on_the_wire() =>
        Data.Sample(data => RoundTrip(data), iter: 3000);

    [Fact]
    public void Round_trips_long_zero_free_runs_across_block_boundaries() =>
        ZeroFree.Sample(data => RoundTrip(data), iter: 1000);

    [Theory]
    [InlineData(0)] [InlineData(253)] [InlineData(254)] [InlineData(255)] [InlineData(508)] [InlineData(509)]
    public void Exact_block_lengths_round_trip(int length) => RoundTrip(Enumerable.Repeat((byte)7, length).ToArray());

    [Fact]
    public void Encoding_of_a_single_zero_is_two_ones() // the textbook example
    {
        var dst = new byte[Cobs.MaxEncodedLength(1)];
        Assert.Equal([1, 1], dst.AsSpan(0, Cobs.Encode([0], dst)).ToArray());
    }

    [Fact]
    public void Decode_rejects_embedded_zero_and_overlong_codes()
    {
        var dst = new byte[16];
        Assert.Equal(-1, Cobs.Decode([3, 1, 0, 2], dst));
        Assert.Equal(-1, Cobs.Decode([5, 1, 2], dst));
    }

    private static void RoundTrip(byte[] data)
    {
        var encoded = new byte[Cobs.MaxEncodedLength(data.Length)];
        var n = Cobs.Encode(data, encoded);
        Assert.True(n <= Cobs.MaxEncodedLength(data.Length));
        Assert.DoesNotContain((byte)0, encoded.AsSpan(0, n).ToArray());
        var decoded = new byte[n];
        var m = Cobs.Decode(encoded.AsSpan(0, n), decoded);
        Assert.Equal(data, decoded.AsSpan(0, m).ToArray());
    }
}
