namespace Rig.Core.Firmware;

/// <summary>
/// What a firmware build reads, for the launcher's staleness check: the source folders of that build (their files,
/// and the folders themselves, so an added or deleted file counts too), the top CMakeLists.txt and the profiles
/// folder's listing (CMake enumerates the boards from it; a profile's figures reach the build through generated/).
/// </summary>
public sealed record BuildInputs(IReadOnlyList<string> Folders, IReadOnlyList<string> Files, string ListedFolder)
{
    private static readonly string[] SourceExtensions = [".c", ".h", ".S", ".s", ".ld", ".cmake", ".txt"];

    /// <summary>The host build: the core, the native port (and the cortexm headers it includes), every profile's generated files.</summary>
    public static BuildInputs Host(string repoRoot) => Of(repoRoot, ["core", Path.Combine("boards", "native"), Path.Combine("boards", "cortexm"), "generated", "cmake"]);

    /// <summary>A board image: the core, the board's port folder, cortexm, the board's generated files, the toolchain file.</summary>
    public static BuildInputs Image(string repoRoot, string board) =>
        Of(repoRoot, ["core", Path.Combine("boards", board), Path.Combine("boards", "cortexm"), Path.Combine("generated", board), "cmake"]);

    private static BuildInputs Of(string repoRoot, string[] firmwareFolders)
    {
        var fw = Path.Combine(repoRoot, "firmware");
        return new(firmwareFolders.Select(f => Path.Combine(fw, f)).ToList(), [Path.Combine(fw, "CMakeLists.txt")], Path.Combine(repoRoot, "profiles"));
    }

    /// <summary>Every source file the build reads (C, headers, assembly, linker scripts, CMake files).</summary>
    public IEnumerable<string> SourceFiles() =>
        Folders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Concat(Files.Where(File.Exists));

    /// <summary>Latest change of a source file.</summary>
    public DateTime NewestSource() => SourceFiles().Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();

    /// <summary>Latest change of a source file or of a folder's listing (a file added, renamed or deleted).</summary>
    public DateTime NewestChange() =>
        Folders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateDirectories(d, "*", SearchOption.AllDirectories).Prepend(d))
            .Append(ListedFolder).Where(Directory.Exists)
            .Select(Directory.GetLastWriteTimeUtc)
            .Append(NewestSource())
            .Max();
}
