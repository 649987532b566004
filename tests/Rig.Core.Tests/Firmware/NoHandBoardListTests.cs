using Rig.Core;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Firmware;

/// <summary>
/// The build files that used to list the boards by hand (RIG_PROFILES, the presets, Rig.Native's per-board lines)
/// name none now: they enumerate profiles/, so a new profile needs no edit in them.
/// </summary>
public class NoHandBoardListTests
{
    public static TheoryData<string> BuildFiles()
    {
        var fw = RepoPaths.Firmware;
        var files = new TheoryData<string>
        {
            Path.Combine(fw, "CMakeLists.txt"),
            Path.Combine(fw, "CMakePresets.json"),
            Path.Combine(fw, "boards", "native", "CMakeLists.txt"),
            Path.Combine(fw, "boards", "cortexm", "rig_image.cmake"),
            Path.Combine(RepoPaths.Root, "Directory.Build.props"),
            Path.Combine(RepoPaths.Root, "Directory.Build.targets"),
        };
        foreach (var csproj in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "rig"), "*.csproj", SearchOption.AllDirectories))
            files.Add(csproj);
        return files;
    }

    [Theory]
    [MemberData(nameof(BuildFiles))]
    public void A_build_file_names_no_board(string file)
    {
        var text = File.ReadAllText(file);
        Assert.All(ProfileCatalog.Names(), board => Assert.False(text.Contains(board, StringComparison.Ordinal), $"{file} names {board}"));
    }
}
