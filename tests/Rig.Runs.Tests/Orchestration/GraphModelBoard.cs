using Rig.Core.Profiles;
using Rig.Dsp.Tables;
using Rig.Model.Graph;
using Rig.Model.Tflite;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>
/// A profile's native virtual board built around a graph model of the test's choosing: the model folder is a copy of
/// firmware/generated/&lt;profile&gt; with the graph-mode headers written over it (as `rig model import` writes them), and
/// the native board's sources compiled against it with gcc (the flags of boards/native/CMakeLists.txt).
/// </summary>
internal static class GraphModelBoard
{
    /// <summary>Writes <paramref name="graph"/> as the profile's model into <paramref name="dir"/>: model.tflite, the headers and costs.</summary>
    public static string WriteModelFolder(string dir, BoardProfile profile, ModelGraph graph)
    {
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(FirmwareTree.Generated(profile.Name))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)), overwrite: true);
        TfliteWriter.WriteFile(graph, Path.Combine(dir, "model.tflite"));
        // The headers come from the graph as its .tflite reads back (float32 scales), as `rig model import` writes them.
        GraphModelFiles.Write(dir, TfliteReader.ReadFile(Path.Combine(dir, "model.tflite")), profile.Classifier.WindowColumns,
            new FrontendTables(profile.Frontend).ConfigHash, profile.Name, profile.Memory.ModelRamBudgetBytes);
        return dir;
    }

    /// <summary>Compiles the native board of <paramref name="profile"/> against a model folder; returns the executable.</summary>
    public static string Build(string modelDir, string profile)
    {
        var native = Path.Combine(FirmwareTree.Boards, "native");
        var exe = Path.Combine(modelDir, "rig_board_native_" + profile);
        string[] sources =
        [
            .. new[] { "main.c", "board.c", "build_note.c", "uart_wire.c", "power_line.c" }.Select(f => Path.Combine(native, f)),
            .. Directory.GetFiles(FirmwareTree.Core, "*.c"),
            .. Directory.GetFiles(Path.Combine(FirmwareTree.Core, "nn"), "*.c"),
        ];
        Tool.Ok("gcc", ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O1", "-I", native, "-I", FirmwareTree.Core, "-I", FirmwareTree.CortexM, "-I", modelDir,
            "-DRIG_HOST=1", $"-DRIG_NATIVE_PROFILE=\"{profile}\"", "-DRIG_APP_RX_CREDITS=16u", "-DRIG_APP_PORT_CREDITS=1", "-DRIG_APP_PORT_IDLE_CLOCK=1",
            .. sources, "-Wl,--build-id=sha1", "-o", exe]);
        return exe;
    }
}
