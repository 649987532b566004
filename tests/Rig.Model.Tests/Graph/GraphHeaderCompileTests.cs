using System.Globalization;
using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Graph;

/// <summary>
/// The generated rig_model_graph.h, compiled with gcc (-std=c99 -Wall -Wextra -Wpedantic -Werror) against
/// firmware/core/nn and run on frontend values: the C program quantises them with the header's input
/// multiplier and runs the header's layers over one arena of the header's size, and every layer it prints
/// equals the golden twin's. A graph whose arena exceeds the profile's model budget does not compile.
/// </summary>
public sealed class GraphHeaderCompileTests : IDisposable
{
    internal const string Harness = """
        #define RIG_MODEL_GRAPH_DATA 1
        #include "rig_model_graph.h"
        #include "nn/rig_nn_input.h"
        #include <stdio.h>

        static int8_t arena[RIG_MODEL_GRAPH_ARENA_BYTES];

        static void done(void *context, int32_t index, const int8_t *output, int32_t bytes)
        {
            int32_t k;
            (void)context;
            printf("%d:", (int)index);
            for (k = 0; k < bytes; k++) printf(" %d", output[k]);
            printf("\n");
        }

        int main(void)
        {
            static int16_t values[RIG_MODEL_GRAPH_INPUT_VALUES];
            int32_t k;
            int v;
            for (k = 0; k < RIG_MODEL_GRAPH_INPUT_VALUES; k++) {
                if (scanf("%d", &v) != 1) return 2;
                values[k] = (int16_t)v;
            }
            rig_nn_quantize_input(values, RIG_MODEL_GRAPH_INPUT_VALUES, RIG_MODEL_GRAPH_INPUT_MULTIPLIER,
                                  RIG_MODEL_GRAPH_INPUT_SHIFT, RIG_MODEL_GRAPH_INPUT_ZERO_POINT, arena + rig_model_graph.input_at);
            return rig_nn_graph_run(&rig_model_graph, arena, done, NULL) == 0 ? 0 : 1;
        }
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_generated_header_runs_every_layer_like_the_twin() =>
        Gen.Select(Gen.Int[8, 24], Gen.Int[6, 16], Gen.Int[2, 8], Gen.Int[1, 2], Gen.Bool, Gen.UInt, Gen.Short.Array[24 * 16])
            .Sample((columns, bands, channels, blocks, maxPool, seed, frontend) =>
            {
                var c = GraphGen.DsCnnOf(columns, bands, channels, blocks, maxPool, seed);
                var prepared = PreparedGraph.From(c.Graph);
                var values = frontend.Take(columns * bands).ToArray();
                var input = FrontendInput.Of(c.Graph).Quantize(values);
                var twin = new GraphInterpreter(prepared).Run(input);
                var exe = Build(prepared, budget: 1 << 20);
                var r = Tool.Run(exe, [], stdin: string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture))));
                Assert.True(r.ExitCode == 0, r.Output);
                var layers = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(sbyte.Parse).ToArray())
                    .ToList();
                var firstDiff = LayerDiff.First(twin.Layers, layers);
                Assert.True(firstDiff is null, $"{c}: {firstDiff}");
            }, iter: 6, threads: 1);

    [Fact]
    public void An_arena_over_the_model_budget_fails_to_compile_and_is_refused_on_the_host()
    {
        var prepared = PreparedGraph.From(GraphGen.DsCnnOf(16, 10, 8, 1, false, 3).Graph);
        var (exe, r) = Compile(prepared, budget: prepared.Arena.Bytes - 1);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("exceeds the profile's model RAM budget", r.Output);
        var e = Assert.Throws<InvalidDataException>(() => GraphHeaderWriter.CheckBudget(prepared, "tiny", prepared.Arena.Bytes - 1));
        Assert.Contains("tiny", e.Message);
        Assert.False(File.Exists(exe));
        GraphHeaderWriter.CheckBudget(prepared, "tiny", prepared.Arena.Bytes);
    }

    [Fact]
    public void The_header_is_the_same_text_for_the_same_graph()
    {
        var a = GraphGen.DsCnnOf(12, 8, 4, 1, true, 5).Graph;
        var b = GraphGen.DsCnnOf(12, 8, 4, 1, true, 5).Graph;
        Assert.Equal(GraphHeaderWriter.Write(PreparedGraph.From(a)), GraphHeaderWriter.Write(PreparedGraph.From(b)));
    }

    private string Build(PreparedGraph g, int budget)
    {
        var (exe, r) = Compile(g, budget);
        Assert.True(r.ExitCode == 0, r.Output);
        return exe;
    }

    private (string Exe, Tool.Result Result) Compile(PreparedGraph g, int budget) => Compile(_dir, g, budget);

    /// <summary>The header of <paramref name="g"/> and <see cref="Harness"/> built with gcc in a new folder under <paramref name="temp"/>.</summary>
    internal static (string Exe, Tool.Result Result) Compile(TempDir temp, PreparedGraph g, int budget)
    {
        var dir = temp.Sub($"graph-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, GraphHeaderWriter.FileName), GraphHeaderWriter.Write(g));
        File.WriteAllText(Path.Combine(dir, "rig_profile.h"),
            $"#define RIG_PROFILE_MODEL_RAM_BUDGET_BYTES {budget}u\n#define RIG_MODEL_CLASSES 6\n");
        File.WriteAllText(Path.Combine(dir, "main.c"), Harness);
        var nn = Path.Combine(FirmwareTree.Core, "nn");
        var exe = Path.Combine(dir, "graph");
        var r = Tool.Run("gcc", ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O1", "-I", dir, "-I", FirmwareTree.Core,
            Path.Combine(dir, "main.c"), .. Directory.GetFiles(nn, "*.c"), "-o", exe]);
        return (exe, r);
    }
}
