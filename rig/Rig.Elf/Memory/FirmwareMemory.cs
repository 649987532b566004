using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Elf.Format;
using Rig.Elf.Stack;

namespace Rig.Elf.Memory;

/// <summary>What a run learned about its firmware image's memory: the profile, or why there is none.</summary>
public sealed record FirmwareMemoryOutcome(MemoryReport? Report, string? NotMeasuredReason);

/// <summary>
/// The memory profile of a profile's firmware image, for `rig mem` and for the memory section of a run.
/// Without an explicit ELF it uses the board's default image (firmware/build/&lt;board&gt;/firmware.elf) and
/// brings it up to date first (the launcher's staleness check; nothing is run when nothing changed), so a run
/// never reports the memory of an image older than the sources it was run with.
/// </summary>
public sealed class FirmwareMemory(FirmwareBuilder builder)
{
    /// <summary>Profiles an explicit image; bad input (not an ELF, not ARM, stripped) throws InvalidDataException.</summary>
    public static MemoryReport Profile(string elfPath, BoardProfile profile, int topSymbolsPerModule = 8)
    {
        var elf = ElfFile.Load(elfPath);
        // A CMake build folder (firmware/build/<board>) also holds GCC's call-graph
        // files (.ci) next to the objects: with them the worst-case stack is checked too.
        var dir = Path.GetDirectoryName(Path.GetFullPath(elfPath))!;
        var graph = File.Exists(Path.Combine(dir, "CMakeCache.txt")) ? CallGraph.LoadDirectory(dir) : null;
        return MemoryProfiler.Profile(elf, profile, Math.Max(0, topSymbolsPerModule), graph is { Files.Count: > 0 } ? graph : null);
    }

    /// <summary>
    /// The default image of <paramref name="profile"/>, built or refreshed first. A build that cannot run (no
    /// cross compiler) or fails leaves the memory unmeasured with the reason, rather than failing the run.
    /// </summary>
    public FirmwareMemoryOutcome ProfileDefaultImage(BoardProfile profile)
    {
        var path = builder.DefaultElfPath(profile.Name);
        var failed = builder.Build(profile.Name).FirstOrDefault(s => !s.Succeeded);
        if (failed is not null)
            return new(null, $"building {path} failed ({failed.Command} exited with {failed.ExitCode}): {LastLine(failed.Output)}");
        return File.Exists(path)
            ? new(Profile(path, profile), null)
            : new(null, $"cmake finished but {path} does not exist");
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
