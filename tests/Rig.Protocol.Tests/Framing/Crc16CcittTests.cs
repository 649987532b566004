using CsCheck;
using Rig.Protocol.Framing;

namespace Rig.Protocol.Tests.Framing;

public class Crc16CcittTests
{
    [Fact]
    public void Check_value_matches_the_catalogue() => Assert.Equal(0x29B1, Crc16Ccitt.Compute("123456789"u8));

    [Fact]
    public void Empty_input_leaves_the_initial_value() => Assert.Equal(Crc16Ccitt.Init, Crc16Ccitt.Compute([]));

    [Fact]
    public void Continuing_over_a_split_equals_one_pass() =>
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[0, 300]).Sample((data, cut) =>
        {
            cut = Math.Min(cut, data.Length);
            Assert.Equal(Crc16Ccitt.Compute(data), Crc16Ccitt.Compute(data.AsSpan(cut), Crc16Ccitt.Compute(data.AsSpan(0, cut))));
        }, iter: 500);

    [Fact]
    public void Any_single_bit_flip_changes_the_crc() =>
        Gen.Select(Gen.Byte.Array[1, 200], Gen.Int[0, 10_000], Gen.Int[0, 7]).Sample((data, at, bit) =>
        {
            var flipped = (byte[])data.Clone();
            flipped[at % data.Length] ^= (byte)(1 << bit);
            Assert.NotEqual(Crc16Ccitt.Compute(data), Crc16Ccitt.Compute(flipped));
        }, iter: 1000);
}
