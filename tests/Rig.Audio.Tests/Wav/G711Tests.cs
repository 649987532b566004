using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Wav;

/// <summary>
/// G.711 against the standard's tables. The expected values are the G.711 decoder outputs of the
/// extreme and zero codes (checked against the reference implementation Sun published with the
/// standard's tables, also what Python's audioop gives): µ-law's inverted codes with bias 0x84,
/// A-law's even-bit inversion (XOR 0x55) with the sign bit set for positive values.
/// </summary>
public class G711Tests
{
    [Theory]
    [InlineData(0x00, -32124)] // most negative
    [InlineData(0x80, 32124)]  // most positive
    [InlineData(0xFF, 0)]      // +0
    [InlineData(0x7F, 0)]      // -0
    [InlineData(0x7E, -8)]     // smallest negative step
    [InlineData(0xFE, 8)]
    [InlineData(0x0F, -16764)] // smallest magnitude of the top negative segment
    public void Mu_law_decodes_to_the_standard_values(int code, int linear) =>
        Assert.Equal(linear, G711.MuLawToLinear((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]      // smallest positive
    [InlineData(0x55, -8)]     // smallest negative
    [InlineData(0xAA, 32256)]  // most positive
    [InlineData(0x2A, -32256)] // most negative
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]    // first code of segment 1
    public void A_law_decodes_to_the_standard_values(int code, int linear) =>
        Assert.Equal(linear, G711.ALawToLinear((byte)code));

    [Fact]
    public void Every_code_survives_decode_then_encode_and_the_decoded_values_are_ordered()
    {
        for (var c = 0; c < 256; c++)
        {
            var code = (byte)c;
            // µ-law has two zeros; the encoder writes +0 (0xFF) for both.
            Assert.Equal(code == 0x7F ? (byte)0xFF : code, G711.LinearToMuLaw(G711.MuLawToLinear(code)));
            Assert.Equal(code, G711.LinearToALaw(G711.ALawToLinear(code)));
        }
        // Within a sign, larger µ-law codes decode to smaller magnitudes (the code is stored inverted).
        for (var c = 0x80; c < 0xFF; c++) Assert.True(G711.MuLawToLinear((byte)c) > G711.MuLawToLinear((byte)(c + 1)));
        // A-law has no negative zero: 256 distinct levels, symmetric about zero; µ-law's two zeros leave 255.
        var aLevels = Enumerable.Range(0, 256).Select(c => (int)G711.ALawToLinear((byte)c)).ToHashSet();
        Assert.Equal(256, aLevels.Count);
        Assert.All(aLevels, v => Assert.Contains(-v, aLevels));
        Assert.Equal(255, Enumerable.Range(0, 256).Select(c => G711.MuLawToLinear((byte)c)).Distinct().Count());
    }

    [Fact]
    public void Mu_law_and_a_law_wav_files_read_through_the_tables()
    {
        var mu = new RiffBuilder().Fmt(7, 1, 8000, 8).Data([0x00, 0x80, 0xFF, 0x7E]).Build();
        Assert.Equal(new[] { -32124 / 32768f, 32124 / 32768f, 0f, -8 / 32768f }, WavReader.Read(new MemoryStream(mu), "phone.wav").Mono);
        var a = new RiffBuilder().Fmt(6, 2, 8000, 8).Data([0xD5, 0x55, 0xAA, 0xAA]).Build();
        var wav = WavReader.Read(new MemoryStream(a), "phone-a.wav");
        Assert.Equal(WavEncoding.ALaw, wav.Info.Encoding);
        Assert.Equal(new[] { 0f, 32256 / 32768f }, wav.Mono);
    }

    [Fact]
    public void G711_with_another_sample_width_is_refused()
    {
        var bytes = new RiffBuilder().Fmt(7, 1, 8000, 16).Data(new byte[4]).Build();
        var e = Assert.Throws<InvalidDataException>(() => WavReader.Read(new MemoryStream(bytes), "odd.wav"));
        Assert.Equal("odd.wav: G.711 µ-law with 16 bits per sample is not supported (8)", e.Message);
    }
}
