using Rig.Model.Graph;

namespace Rig.Model.Tests.Tflite;

/// <summary>Deep equality of two graphs (records holding lists compare by reference, so field by field here).</summary>
internal static class GraphAssert
{
    public static void Equal(ModelGraph expected, ModelGraph actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Inputs, actual.Inputs);
        Assert.Equal(expected.Outputs, actual.Outputs);
        Assert.Equal(expected.Tensors.Count, actual.Tensors.Count);
        foreach (var (e, a) in expected.Tensors.Zip(actual.Tensors))
        {
            var what = $"tensor {e.Id} '{e.Name}'";
            Assert.True(e.Id == a.Id && e.Name == a.Name && e.Type == a.Type, $"{what}: id/name/type differ ({a.Id} '{a.Name}' {a.Type})");
            Assert.Equal(e.Shape, a.Shape);
            Assert.Equal(e.Data?.ToArray(), a.Data?.ToArray());
            Assert.Equal(e.Quantization is null, a.Quantization is null);
            if (e.Quantization is { } qe && a.Quantization is { } qa)
            {
                Assert.Equal(qe.Scales, qa.Scales);
                Assert.Equal(qe.ZeroPoints, qa.ZeroPoints);
                Assert.Equal(qe.QuantizedDimension, qa.QuantizedDimension);
            }
        }
        Assert.Equal(expected.Operators.Count, actual.Operators.Count);
        foreach (var (e, a) in expected.Operators.Zip(actual.Operators))
        {
            Assert.Equal(e.Index, a.Index);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Inputs, a.Inputs);
            Assert.Equal(e.Outputs, a.Outputs);
            Assert.Equal(e.Options, a.Options);
        }
    }
}
