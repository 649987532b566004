using System.Text.Json;
using Rig.Cli.Tests.Support;
using Rig.Model.Graph;
using Rig.Model.Tests.Tflite;
using Rig.Model.Tflite;
using Rig.Model.Tflite.Oracle;

namespace Rig.Cli.Tests.Tflite;

/// <summary>`rig model import` and `rig model verify` on hand-built int8 models: what fits, what is refused (exit 2), and the oracle's counts.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ModelCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>rp2040: window [1, 64, 32, 1]; py32f003: stats [1, 40].</summary>
    private static ModelGraph Rp2040Cnn() => GraphBuilder.DsCnn(columns: 64, bands: 32, seed: 4);

    private static ModelGraph Py32Mlp() => GraphBuilder.Mlp(bands: 20, hidden: 16, seed: 5);

    private string Save(string name, byte[] bytes)
    {
        var path = _tmp.Sub(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Import_checks_the_model_and_generates_the_firmware_model()
    {
        var model = Save("cnn.tflite", TfliteWriter.Write(Rp2040Cnn()));
        var outDir = _tmp.Sub("generated");
        var r = InProcessRig.Run("model", "import", model, "--profile", "rp2040", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("window input [1, 64, 32, 1] -> [1, 6], fits profile rp2040", r.Out);
        var arena = PreparedGraph.From(Rp2040Cnn()).Arena.Bytes;
        Assert.Contains($"arena {arena} B", r.Out);
        Assert.Equal(File.ReadAllBytes(model), File.ReadAllBytes(Path.Combine(outDir, "model.tflite")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "rig_model_graph.json")));
        Assert.Equal(["Conv2D", "DepthwiseConv2D", "Conv2D", "MaxPool2D", "AveragePool2D", "Reshape", "FullyConnected", "Softmax"],
            json.RootElement.GetProperty("layers").EnumerateArray().Select(o => o.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(arena, json.RootElement.GetProperty("arenaBytes").GetInt32());
        Assert.Contains("#define RIG_MODEL_GRAPH 1", File.ReadAllText(Path.Combine(outDir, "rig_model_weights.h")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "rig_model_graph.h")), "the firmware's graph header is generated");
    }

    [Fact]
    public void A_model_whose_input_does_not_fit_the_frontend_is_refused_with_the_shapes()
    {
        var model = Save("mlp.tflite", TfliteWriter.Write(Py32Mlp()));
        var r = InProcessRig.Run("model", "import", model, "--profile", "rp2040", "--out", _tmp.Sub("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {model}: input tensor 0 'stats' is Int8 [1, 40]; profile rp2040's frontend gives INT8 window [1, 64, 32, 1] (64 columns of 32 mel bands) or stats [1, 64]", r.Err);
        Assert.False(Directory.Exists(_tmp.Sub("out")), "nothing is written for a refused model");
    }

    [Fact]
    public void A_float_model_an_unsupported_op_and_a_truncated_file_are_exit_2()
    {
        var graph = Py32Mlp();
        var cases = new (string Name, byte[] Bytes, string Expected)[]
        {
            ("float.tflite", TfliteWriter.Write(graph, TfliteCodes.Of with { TensorType = t => t.Id == 0 ? 0 : (int)t.Type }), "tensor 0 'stats' is FLOAT32: a float model"),
            ("add.tflite", TfliteWriter.Write(graph, TfliteCodes.Of with { Operator = k => k == OperatorKind.Softmax ? 0 : (int)k }), "operator 2: unsupported op ADD (builtin code 0)"),
            ("cut.tflite", TfliteWriter.Write(graph)[..300], "cut.tflite: byte "),
        };
        foreach (var (name, bytes, expected) in cases)
        {
            var r = InProcessRig.Run("model", "import", Save(name, bytes), "--profile", "py32f003", "--out", _tmp.Sub("out"));
            Assert.True(r.ExitCode == 2 && r.Bug is null, r.ToString());
            Assert.Contains(expected, r.Err);
        }
    }

    [Fact]
    public void A_missing_model_is_exit_2()
    {
        var r = InProcessRig.Run("model", "verify", _tmp.Sub("none.tflite"), "--profile", "py32f003");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("none.tflite: no such file", r.Err);
    }

    [Fact]
    public void Verify_counts_differing_outputs_over_the_playlist_windows()
    {
        Assert.True(TfliteOracleSetup.EnsureInstalled(out var missing) is not null, missing);
        var playlist = _tmp.Write("short.yaml", """
            name: short
            items:
              - {name: jazz_01, label: jazz, synth: jazz, seed: 7001, duration: 1.0}
              - {name: dog_bark_01, label: dog_bark, synth: dog_bark, seed: 7002, duration: 1.0}
            """);
        var model = Save("mlp.tflite", TfliteWriter.Write(Py32Mlp()));
        var r = InProcessRig.Run("model", "verify", model, "--profile", "py32f003", "--playlist", playlist, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        var windows = root.GetProperty("inputs").GetInt32();
        Assert.True(windows > 0);
        Assert.Equal(windows * 6, root.GetProperty("outputs").GetInt32());
        Assert.InRange(root.GetProperty("differing").GetInt32(), 0, windows * 6);
        Assert.True(root.TryGetProperty("maxAbsDifference", out _));
        Assert.Equal(3, root.GetProperty("layers").GetArrayLength());
        // Every FULLY_CONNECTED value TFLite gives differently is ruy's single rounding, exactly.
        foreach (var l in root.GetProperty("layers").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "FullyConnected"))
            Assert.Equal(l.GetProperty("differing").GetInt32(), l.GetProperty("explained").GetInt32());
    }
}
