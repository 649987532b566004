using System.Globalization;
using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Graph;

/// <summary>
/// A profile whose model is a graph: the generated rig_model_weights.h (RIG_MODEL_GRAPH) and rig_model_graph.h
/// compiled with the firmware's own model.c, model_graph.c and nn/ (gcc, warnings as errors), fed frontend
/// columns through model.h's API, give the golden twin's (GraphClassifier) inputs, scores and winner, for a
/// window-input DS-CNN and a stats-input MLP.
/// </summary>
public sealed class GraphModelCompileTests : IDisposable
{
    private const string Harness = """
        #include "model.h"
        #include <stdio.h>

        int main(void)
        {
            static rig_model_window_t w;
            static rig_model_trace_t t;
            int16_t column[RIG_MODEL_BANDS];
            int v, k, b, best;
            rig_model_window_reset(&w);
            for (k = 0; k < RIG_MODEL_WINDOW_COLUMNS; k++) {
                for (b = 0; b < RIG_MODEL_BANDS; b++) {
                    if (scanf("%d", &v) != 1) return 2;
                    column[b] = (int16_t)v;
                }
                rig_model_window_push(&w, column);
            }
            best = rig_model_trace(&w, &t);
            printf("%d\n", best);
            for (k = 0; k < RIG_MODEL_GRAPH_INPUT_VALUES; k++) printf(" %d", t.inputs[k]);
            printf("\n");
            for (k = 0; k < RIG_MODEL_CLASSES; k++) printf(" %d", t.scores[k]);
            printf("\n");
            return 0;
        }
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_window_input_cnn_classifies_like_the_twin() =>
        Gen.Select(Gen.OneOf(Gen.Const(8), Gen.Const(16), Gen.Const(32)), Gen.Int[6, 16], Gen.Int[2, 8], Gen.UInt, Gen.Short[-8000, 2000].Array[32 * 16])
            .Sample((columns, bands, channels, seed, values) =>
                AssertSame(GraphGen.DsCnnOf(columns, bands, channels, 1, false, seed).Graph, columns, bands, values), iter: 4, threads: 1);

    [Fact]
    public void A_stats_input_mlp_classifies_like_the_twin() =>
        Gen.Select(Gen.Int[4, 20], Gen.Int[4, 32], Gen.UInt, Gen.Short.Array[32 * 20])
            .Sample((bands, hidden, seed, values) =>
                AssertSame(GraphGen.StatsMlpOf(bands, hidden, seed).Graph, 32, bands, values), iter: 4, threads: 1);

    private void AssertSame(ModelGraph graph, int windowColumns, int bands, short[] values)
    {
        var prepared = PreparedGraph.From(graph);
        var columns = Enumerable.Range(0, windowColumns).Select(k => values.Skip(k * bands).Take(bands).ToArray()).ToList();
        var twin = new GraphClassifier(prepared, windowColumns).Classify(columns);

        var dir = _dir.Sub($"model-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, GraphHeaderWriter.FileName), GraphHeaderWriter.Write(prepared));
        File.WriteAllText(Path.Combine(dir, "rig_model_weights.h"), GraphHeaderWriter.WriteWeightsHeader(prepared, windowColumns, 0x12345678u));
        File.WriteAllText(Path.Combine(dir, "rig_profile.h"), "#define RIG_PROFILE_MODEL_RAM_BUDGET_BYTES 65536u\n#define RIG_MODEL_CLASSES 6\n");
        File.WriteAllText(Path.Combine(dir, "main.c"), Harness);
        var exe = Path.Combine(dir, "model");
        var core = FirmwareTree.Core;
        var build = Tool.Run("gcc", ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O1", "-I", dir, "-I", core,
            Path.Combine(dir, "main.c"), Path.Combine(core, "model.c"), Path.Combine(core, "model_graph.c"), .. Directory.GetFiles(Path.Combine(core, "nn"), "*.c"), "-o", exe]);
        Assert.True(build.ExitCode == 0, build.Output);
        var run = Tool.Run(exe, [], stdin: string.Join(' ', columns.SelectMany(c => c).Select(v => v.ToString(CultureInfo.InvariantCulture))));
        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(twin.Winner, int.Parse(lines[0], CultureInfo.InvariantCulture));
        Assert.Equal(twin.Inputs, lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => sbyte.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(twin.Scores, lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => short.Parse(v, CultureInfo.InvariantCulture)));
    }
}
