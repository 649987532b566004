using Rig.Core;
using Rig.Core.Firmware;
using Rig.Elf.Build;

namespace Rig.Elf.Tests;

/// <summary>
/// Every profile's board image (profiles/*.yaml), built once per test run through the CMake presets
/// (cmake --preset &lt;board&gt;), each into a fresh temporary binary directory so that every
/// compiler and linker message of a full build is seen. About a second per board.
/// </summary>
public sealed class BoardImages : IDisposable
{
    public BoardImages()
    {
        Root = Directory.CreateTempSubdirectory("rig-elf-boards-").FullName;
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        foreach (var board in RepoProfiles.Names) Steps[board] = builder.Build(board, BinaryDir(board));
    }

    public string Root { get; }
    public Dictionary<string, IReadOnlyList<BuildStep>> Steps { get; } = [];

    public string BinaryDir(string board) => Path.Combine(Root, board);

    /// <summary>The board's ELF; fails the calling test with the build log when the build failed.</summary>
    public string Elf(string board)
    {
        var failed = Steps[board].FirstOrDefault(s => !s.Succeeded);
        if (failed is not null) Assert.Fail($"{board}: {failed.Command} exited {failed.ExitCode}\n{failed.Output}");
        return Path.Combine(BinaryDir(board), "firmware.elf");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class BoardImagesCollection : ICollectionFixture<BoardImages>
{
    public const string Name = "board images";
}
