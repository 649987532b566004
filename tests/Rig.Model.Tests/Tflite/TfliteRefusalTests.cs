using Rig.Model.Graph;
using Rig.Model.Tflite;

namespace Rig.Model.Tests.Tflite;

/// <summary>Models the rig cannot run are refused by name: the tensor or operator index and the reason.</summary>
public sealed class TfliteRefusalTests
{
    private static readonly ModelGraph Mlp = TfliteRoundTripTests.Hand("mlp");

    private static TfliteFormatException Refusal(byte[] bytes) => Assert.Throws<TfliteFormatException>(() => TfliteReader.Read(bytes, "model.tflite"));

    [Fact]
    public void A_float_model_is_refused_naming_the_tensor()
    {
        var bytes = TfliteWriter.Write(Mlp, TfliteCodes.Of with { TensorType = t => t.Id == 0 ? 0 : (int)t.Type });
        var e = Refusal(bytes);
        Assert.Equal("model.tflite: tensor 0 'stats' is FLOAT32: a float model; the rig runs int8 models only (convert with full-integer quantisation, int8 input and output)", e.Message);
        Assert.Equal(-1, e.Offset);
    }

    [Theory]
    [InlineData(0, "ADD")]
    [InlineData(114, "QUANTIZE")]
    [InlineData(150, "GELU")]
    public void An_unsupported_op_is_refused_with_its_name_and_index(int code, string name)
    {
        // Softmax is the MLP's operator 2.
        var bytes = TfliteWriter.Write(Mlp, TfliteCodes.Of with { Operator = k => k == OperatorKind.Softmax ? code : (int)k });
        var e = Refusal(bytes);
        Assert.StartsWith($"model.tflite: operator 2: unsupported op {name} (builtin code {code}); the rig runs ", e.Message);
        Assert.Contains("SOFTMAX", e.Reason);
    }

    [Fact]
    public void A_tensor_type_the_kernels_lack_is_refused()
    {
        var bytes = TfliteWriter.Write(Mlp, TfliteCodes.Of with { TensorType = t => t.Id == 1 ? 3 : (int)t.Type });
        Assert.Contains("tensor 1 'w1' is UINT8", Refusal(bytes).Message);
    }

    [Fact]
    public void A_file_that_is_not_tflite_names_the_identifier()
    {
        var e = Refusal("this is a text file, not a model"u8.ToArray());
        Assert.Equal(4, e.Offset);
        Assert.Contains("file identifier ' is ' is not 'TFL3' (not a TFLite model)", e.Message);
    }

    [Fact]
    public void An_empty_file_is_too_short()
    {
        var e = Refusal([]);
        Assert.Equal("model.tflite: byte 0: file too short for a flatbuffer (0 bytes, at least 8 needed)", e.Message);
    }

    [Fact]
    public void A_truncated_file_names_the_byte_past_the_end()
    {
        var bytes = TfliteWriter.Write(Mlp);
        var e = Refusal(bytes[..(bytes.Length / 2)]);
        Assert.InRange(e.Offset, 0, bytes.Length / 2);
        Assert.Matches("^model.tflite: byte [0-9]+: .*(outside the file|past the end of the file)", e.Message);
    }

    [Fact]
    public void A_missing_file_is_file_not_found()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TfliteReader.ReadFile("/nonexistent/model.tflite"));
        Assert.Equal("/nonexistent/model.tflite: no such file", e.Message);
    }
}
