using Rig.Cli.Tests.Support;
using Rig.Core;
using Rig.Core.Firmware;
using Rig.Core.Profiles;

namespace Rig.Cli.Tests;

/// <summary>
/// Adding a board is its profile, its port folder, its generated files and (for the gate) its baseline, nothing else:
/// a scratch copy of the checkout's profiles/ and firmware/ gets a sixth profile copied from py32f003 under a new
/// name plus a copy of the py32f003 port folder, and with no other edit `rig tables` generates its files, CMake
/// builds its host library, its native board and its ARM image, and the CLI and the profile enumeration list it.
/// </summary>
public sealed class ScratchBoardTests : IDisposable
{
    private const string Source = "py32f003";
    private const string Board = "scratch6";
    private readonly string _root = Directory.CreateTempSubdirectory("rig-scratch-board-").FullName;

    [Fact]
    public void A_sixth_profile_copied_from_an_existing_one_is_picked_up_everywhere()
    {
        CopyTree(RepoPaths.Profiles, Path.Combine(_root, "profiles"));
        CopyTree(RepoPaths.Firmware, Path.Combine(_root, "firmware"), skip: Path.Combine(RepoPaths.Firmware, "build"));
        var before = ProfileCatalog.Names(_root);
        Assert.DoesNotContain(Board, before);

        // The two hand-made parts of a board: its profile and its port folder.
        File.WriteAllText(Path.Combine(_root, "profiles", Board + ".yaml"),
            File.ReadAllText(Path.Combine(RepoPaths.Profiles, Source + ".yaml")).Replace($"name: {Source}\n", $"name: {Board}\n"));
        CopyTree(Path.Combine(RepoPaths.Firmware, "boards", Source), Path.Combine(_root, "firmware", "boards", Board));

        // Its generated files, by the command a user runs. The model is the source profile's: the copy has the same
        // frontend, so its weights fit (`rig train` would write a model of the same shape; Rig.Model.Tests trains).
        var tables = RigProcess.RunIn(_root, _root, "tables", "--profile", Board);
        Assert.True(tables.ExitCode == 0, tables.ToString());
        var generated = ProfileFiles.Directory(_root, Board);
        foreach (var model in new[] { "rig_model_weights.h", "rig_model.json" })
            File.Copy(Path.Combine(RepoPaths.Generated(Source), model), Path.Combine(generated, model));
        var check = RigProcess.RunIn(_root, _root, "tables", "--all", "--check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"#define RIG_PROFILE_NAME \"{Board}\"", File.ReadAllText(Path.Combine(generated, ProfileHeaderWriter.FileName)));

        // The profile enumeration every test list uses, and the CLI's help.
        Assert.Equal(before.Append(Board).Order(), ProfileCatalog.Names(_root));
        foreach (var command in new[] { "run", "mem", "emulate" })
        {
            var help = RigProcess.RunIn(_root, _root, command, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains(Board, help.Out);
        }

        // CMake enumerates it: the host library and native board, then the ARM image (only this board's targets).
        var build = new FirmwareBuild(_root);
        AssertBuilt(build.Host([Board]));
        Assert.True(File.Exists(build.NativeLibraryPath(Board)), build.NativeLibraryPath(Board));
        Assert.True(File.Exists(build.NativeBoardPath(Board)), build.NativeBoardPath(Board));
        Assert.Empty(build.Host([Board])); // fresh now: the launcher does not start cmake again
        AssertBuilt(build.Image(Board));
        Assert.True(new FileInfo(build.ImagePath(Board)).Length > 0, build.ImagePath(Board));
        Assert.True(File.Exists(Path.Combine(build.ImageDirectory(Board), "firmware.bin")));
    }

    private static void AssertBuilt(IReadOnlyList<BuildStep> steps)
    {
        Assert.NotEmpty(steps);
        if (steps.FirstOrDefault(s => !s.Succeeded) is { } failed) Assert.Fail($"{failed.Command} exited {failed.ExitCode}\n{failed.Output}");
    }

    private static void CopyTree(string from, string to, string? skip = null) => FolderCopy.Tree(from, to, skip);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
