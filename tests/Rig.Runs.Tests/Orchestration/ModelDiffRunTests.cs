using Rig.Audio.Playlists;
using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;
using Rig.Runs.Orchestration;
using Rig.Simulation.Board;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>
/// The model's output per window, board against golden twin, in a real run: a native py32f003 board built in graph
/// mode (the MLP's shape as a graph: stats input, FULLY_CONNECTED + ReLU, FULLY_CONNECTED, SOFTMAX) agrees with the
/// twin of the same model (0 differing values over every window); built with one weight of layer k changed it
/// differs, the run exits as a measured failure would (run.json modelMismatches), and the layer dump names layer k.
/// </summary>
public sealed class ModelDiffRunTests : IDisposable
{
    private const string Profile = "py32f003";
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-model-diff-").FullName;
    private readonly BoardProfile _profile = ProfileCatalog.Load(Profile);

    private ModelGraph Model() => GraphGen.StatsMlpOf(_profile.Frontend.ColumnLength, 16, 7).Graph;

    [Fact]
    public void A_board_running_the_golden_model_agrees_on_every_window()
    {
        var golden = GraphModelBoard.WriteModelFolder(Path.Combine(_dir, "golden"), _profile, Model());
        var result = Run(golden, GraphModelBoard.Build(golden, Profile), "agree");
        Assert.True(result.Clips.Sum(c => c.ModelWindows) > 0);
        Assert.Equal(0, result.ModelMismatches);
        Assert.All(result.Clips, c => Assert.Null(c.FirstDivergingLayer));
        Assert.Equal(0, result.FeatureMismatches);
        // run.json's model is the graph's: per-layer costs and its arena against the profile's budget.
        var model = result.Model!;
        Assert.Equal(["FullyConnected", "FullyConnected", "Softmax"], model.Layers!.Select(l => l.Kind));
        Assert.Equal(model.MacsPerInference, model.Layers!.Sum(l => l.Macc));
        Assert.Equal(_profile.Memory.ModelRamBudgetBytes, model.RamBudgetBytes);
        Assert.True(model.ArenaWithinBudget);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_board_with_one_weight_changed_in_layer_k_is_reported_diverging_first_at_layer_k(int k)
    {
        var model = Model();
        var golden = GraphModelBoard.WriteModelFolder(Path.Combine(_dir, "golden"), _profile, model);
        var changed = GraphModelBoard.WriteModelFolder(Path.Combine(_dir, $"changed{k}"), _profile, WithOneWeightChanged(model, k));
        var result = Run(golden, GraphModelBoard.Build(changed, Profile), $"changed{k}");

        Assert.Equal(0, result.FeatureMismatches); // the frontend is untouched: only the model differs
        Assert.True(result.ModelMismatches > 0);
        Assert.Equal(result.Clips.Sum(c => c.ModelMismatchingValues), result.ModelMismatches);
        var clip = result.Clips.First(c => c.ModelMismatchingValues > 0);
        var layer = Assert.IsType<Rig.Core.Runs.LayerDivergence>(clip.FirstDivergingLayer);
        Assert.Equal(k, layer.Layer);
        Assert.Equal("FullyConnected", layer.Kind);
        Assert.InRange(layer.DifferingValues, 1, layer.Values);
        Assert.NotEqual((int?)layer.Golden, layer.Board);
    }

    [Fact]
    public void An_emulated_py32f003_image_running_its_mlp_agrees_with_the_twin_on_every_windows_scores()
    {
        // The image the chip is flashed with, on the rig's Cortex-M0+ emulator: model.c's MLP, whose RESULT carries no
        // int8 output, so its Q15 scores are what is compared.
        var build = new Rig.Core.Firmware.FirmwareBuild(Rig.Core.RepoPaths.Root);
        var imageDir = Path.Combine(_dir, "image");
        Assert.All(build.Image(Profile, imageDir), s => Assert.True(s.Succeeded, s.Output));
        var options = TinyRuns.Options(_dir, TinyRuns.Playlist(_dir, 1), Path.Combine(_dir, "run-emulated"), "emulated") with { Firmware = build.ImagePath(Profile, imageDir) };
        var result = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(options)).Result;
        Assert.True(result.Clips.Sum(c => c.ModelWindows) > 0);
        Assert.Equal(0, result.ModelMismatches);
        Assert.Null(result.Model!.Layers); // the MLP has no graph layers
    }

    [Theory]
    [InlineData("stm32l4")]
    [InlineData("nrf52840")]
    public void An_emulated_m4_image_running_its_ds_cnn_agrees_with_the_twin_on_every_window(string profile)
    {
        // The shipped DS-CNN image on the rig's Cortex-M4 emulator. Its int8 kernels take the DSP path (SXTB16/SXTAB16 and
        // SMLAD, rig_nn_dot.c), which neither the host build nor the M0+ image compiles: this run checks it against the twin.
        var build = new Rig.Core.Firmware.FirmwareBuild(Rig.Core.RepoPaths.Root);
        var imageDir = Path.Combine(_dir, "image-" + profile);
        Assert.All(build.Image(profile, imageDir), s => Assert.True(s.Succeeded, s.Output));
        var playlist = Path.Combine(_dir, "ds-cnn.yaml");
        File.WriteAllLines(playlist, ["name: ds-cnn", "items:", "  - {name: d0, label: dog_bark, synth: dog_bark, seed: 300, duration: 2.0}"]);
        var options = TinyRuns.Options(_dir, playlist, Path.Combine(_dir, "run-" + profile), "emulated") with
        {
            Profile = profile,
            Firmware = build.ImagePath(profile, imageDir),
        };

        var result = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(options)).Result;

        Assert.True(result.Clips.Sum(c => c.ModelWindows) > 0);
        Assert.Equal(0, result.FeatureMismatches);
        Assert.Equal(0, result.ModelMismatches);
        Assert.Contains(nameof(OperatorKind.DepthwiseConv2D), result.Model!.Layers!.Select(l => l.Kind));
    }

    [Fact]
    public void An_emulated_image_built_with_one_weight_changed_is_reported_diverging_first_at_that_layer()
    {
        // The real py32f003 image (arm-none-eabi, the chip's RAM budget asserted) built in graph mode from a scratch copy
        // of firmware/ whose generated model has one weight of layer 1 changed, run on the Cortex-M0+ emulator.
        const int k = 1;
        var model = Model();
        var golden = GraphModelBoard.WriteModelFolder(Path.Combine(_dir, "golden"), _profile, model);
        var root = Path.Combine(_dir, "repo");
        FolderCopy.Tree(Rig.Core.RepoPaths.Profiles, Path.Combine(root, "profiles"));
        FolderCopy.Tree(Rig.Core.RepoPaths.Firmware, Path.Combine(root, "firmware"), skip: Path.Combine(Rig.Core.RepoPaths.Firmware, "build"));
        GraphModelBoard.WriteModelFolder(Path.Combine(root, "firmware", "generated", Profile), _profile, WithOneWeightChanged(model, k));
        var build = new Rig.Core.Firmware.FirmwareBuild(root);
        Assert.All(build.Image(Profile), s => Assert.True(s.Succeeded, s.Output));
        var options = TinyRuns.Options(_dir, TinyRuns.Playlist(_dir, 2), Path.Combine(_dir, "run-emulated-graph"), "emulated") with
        {
            Firmware = build.ImagePath(Profile),
            ModelDirectory = golden,
        };

        var result = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(options)).Result;

        Assert.True(result.ModelMismatches > 0);
        var layer = Assert.IsType<Rig.Core.Runs.LayerDivergence>(result.Clips.First(c => c.ModelMismatchingValues > 0).FirstDivergingLayer);
        Assert.Equal(k, layer.Layer);
    }

    private Rig.Core.Runs.RunResult Run(string modelDir, string executable, string name)
    {
        using var board = VirtualBoard.Start(new VirtualBoardOptions(Profile, Executable: executable));
        var options = TinyRuns.Options(_dir, TinyRuns.Playlist(_dir, 2), Path.Combine(_dir, "run-" + name), "serial:" + board.PtyPath) with
        {
            ModelDirectory = modelDir,
            AnyImage = true,
            BoardLocks = Rig.Hardware.Serial.Locks.BoardLockDirectory.Resolve(_dir),
        };
        return Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(options)).Result;
    }

    /// <summary>
    /// The model with one weight of operator k's filter moved to the other end of int8: the first weight (in order) whose
    /// change alters layer k's output on the first window of the first clip (the golden twin's own columns), so the
    /// divergence is there to be found, wherever the random model's ReLUs happen to clamp.
    /// </summary>
    private ModelGraph WithOneWeightChanged(ModelGraph model, int k)
    {
        var item = Playlist.Load(TinyRuns.Playlist(_dir, 2)).Items[0];
        var columns = new Q15Frontend(_profile.Frontend).ComputeAll(ClipRenderer.RenderQ15(item, _profile.Frontend.SampleRate));
        var window = columns.Take(_profile.Classifier.WindowColumns).ToList();
        var before = new GraphClassifier(PreparedGraph.From(model), window.Count).Classify(window).Trace.Layers[k];
        var filter = model.Tensors[model.Operators[k].Inputs[1]];
        var bytes = filter.Data!.Value.ToArray();
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] = unchecked((byte)((sbyte)bytes[i] >= 0 ? sbyte.MinValue : sbyte.MaxValue));
            var candidate = model with { Tensors = [.. model.Tensors.Select(t => t.Id == filter.Id ? t with { Data = changed } : t)] };
            var after = new GraphClassifier(PreparedGraph.From(candidate), window.Count).Classify(window).Trace.Layers[k];
            if (!after.AsSpan().SequenceEqual(before)) return candidate;
        }
        throw new InvalidOperationException($"no single weight of operator {k} changes its output on the first window");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
