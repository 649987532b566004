using CsCheck;
using Rig.Model.Graph;

namespace Rig.Model.Tests.Tflite;

/// <summary>
/// Structurally valid graphs of random operators, built from one seed (the arithmetic need not make sense: the file
/// format is under test): each op reads an earlier int8 tensor, has its own constant int8 filter and int32 bias
/// where it takes them, writes a new int8 tensor, with random options the reader accepts. Scales are float32 values.
/// </summary>
internal static class RandomGraphs
{
    public static readonly Gen<ModelGraph> Any = Gen.Int[0, int.MaxValue].Select(Build);

    private static ModelGraph Build(int seed)
    {
        var r = new Random(seed);
        var tensors = new List<GraphTensor>();
        var activations = new List<int>();
        var operators = new List<GraphOperator>();

        int Add(TensorType type, bool constant, bool perChannel)
        {
            var id = tensors.Count;
            var shape = Enumerable.Range(0, r.Next(1, 5)).Select(_ => r.Next(1, 6)).ToArray();
            var channels = perChannel && shape.Length > 1 ? shape[0] : 1;
            var scales = Enumerable.Range(0, channels).Select(_ => (double)(float)(r.NextDouble() * 4 + 1e-6)).ToArray();
            var zeroPoint = type == TensorType.Int8 ? r.Next(-128, 128) : 0;
            var quantized = type == TensorType.Int8 || r.Next(2) == 0;
            ReadOnlyMemory<byte>? data = null;
            if (constant)
            {
                var bytes = new byte[shape.Aggregate(1, (a, d) => a * d) * (type == TensorType.Int8 ? 1 : 4)];
                r.NextBytes(bytes);
                data = bytes;
            }
            var name = new string([.. Enumerable.Range(0, r.Next(0, 12)).Select(_ => (char)r.Next('a', 'z' + 1))]);
            tensors.Add(new GraphTensor(id, name, shape, type, quantized ? new Quantization(scales, [.. scales.Select(_ => (long)zeroPoint)], 0) : null, data));
            return id;
        }

        activations.Add(Add(TensorType.Int8, constant: false, perChannel: false));
        var kinds = Enum.GetValues<OperatorKind>();
        for (var i = r.Next(0, 7); i > 0; i--)
        {
            var kind = kinds[r.Next(kinds.Length)];
            var input = activations[r.Next(activations.Count)];
            int[] inputs = kind is OperatorKind.Conv2D or OperatorKind.DepthwiseConv2D or OperatorKind.FullyConnected
                ? [input, Add(TensorType.Int8, constant: true, perChannel: true), Add(TensorType.Int32, constant: true, perChannel: false)]
                : [input];
            var output = Add(TensorType.Int8, constant: false, perChannel: false);
            activations.Add(output);
            operators.Add(new GraphOperator(operators.Count, kind, inputs, [output], Options(kind, r)));
        }
        return new ModelGraph("g" + seed, tensors, operators, [activations[0]], [activations[^1]]);
    }

    private static OperatorOptions Options(OperatorKind kind, Random r)
    {
        var padding = r.Next(2) == 0 ? Padding.Same : Padding.Valid;
        var activation = (FusedActivation)new[] { 0, 1, 3 }[r.Next(3)];
        return kind switch
        {
            OperatorKind.Conv2D => new OperatorOptions { Padding = padding, StrideWidth = r.Next(1, 4), StrideHeight = r.Next(1, 4), DilationWidth = r.Next(1, 3), DilationHeight = r.Next(1, 3), Activation = activation },
            OperatorKind.DepthwiseConv2D => new OperatorOptions { Padding = padding, StrideWidth = r.Next(1, 4), StrideHeight = r.Next(1, 4), DilationWidth = r.Next(1, 3), DilationHeight = r.Next(1, 3), DepthMultiplier = r.Next(1, 4), Activation = activation },
            OperatorKind.AveragePool2D or OperatorKind.MaxPool2D => new OperatorOptions { Padding = padding, StrideWidth = r.Next(1, 4), StrideHeight = r.Next(1, 4), FilterWidth = r.Next(1, 5), FilterHeight = r.Next(1, 5), Activation = activation },
            OperatorKind.FullyConnected => new OperatorOptions { Activation = activation },
            OperatorKind.Softmax => new OperatorOptions { SoftmaxBeta = (float)(r.NextDouble() * 3 + 0.01) },
            _ => OperatorOptions.None,
        };
    }
}
