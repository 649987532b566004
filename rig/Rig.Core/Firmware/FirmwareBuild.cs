using System.Globalization;
using Rig.Core.Profiles;
using Rig.Core.Tools;

namespace Rig.Core.Firmware;

/// <summary>
/// The one place that runs cmake on firmware/: the host build (librig_core_&lt;p&gt;.so and the native virtual
/// board of each profile, firmware/build/host) and the board images (arm-none-eabi, firmware/build/&lt;board&gt;).
/// cmake is started with argument lists, never through a shell. Builds of one folder are serialised across
/// processes by <see cref="BuildLock"/>, and a build whose outputs are newer than everything it reads
/// (<see cref="BuildInputs"/>, checked again under the lock) is not started at all.
/// </summary>
public sealed class FirmwareBuild(string repoRoot, TimeProvider? time = null, TimeSpan? timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _timeout = timeout ?? DefaultTimeout;

    public string RepoRoot { get; } = repoRoot;
    public string FirmwareDir => Path.Combine(RepoRoot, "firmware");
    public string HostDirectory => Path.Combine(FirmwareDir, "build", "host");
    public string ImageDirectory(string board) => Path.Combine(FirmwareDir, "build", board);

    public static string NativeLibraryName(string profile) => $"librig_core_{profile}.so";
    public static string NativeBoardName(string profile) => "rig_board_native_" + profile;
    public string NativeLibraryPath(string profile, string? binaryDir = null) => Path.Combine(binaryDir ?? HostDirectory, NativeLibraryName(profile));
    public string NativeBoardPath(string profile, string? binaryDir = null) => Path.Combine(binaryDir ?? HostDirectory, "bin", NativeBoardName(profile));
    public string ImagePath(string board, string? binaryDir = null) => Path.Combine(binaryDir ?? ImageDirectory(board), "firmware.elf");

    /// <summary>The profiles CMake builds: profiles/*.yaml that have their generated files.</summary>
    public IReadOnlyList<string> BuiltProfiles() =>
        ProfileCatalog.Names(RepoRoot).Where(p => File.Exists(Path.Combine(ProfileFiles.Directory(RepoRoot, p), ProfileCmakeWriter.FileName))).ToList();

    /// <summary>
    /// Host build of the given profiles' library and native board (all targets when null), configured on first use.
    /// Returns the cmake steps run: none when the outputs were already fresh.
    /// </summary>
    public IReadOnlyList<BuildStep> Host(IReadOnlyList<string>? profiles = null, string? binaryDir = null, int jobs = 2)
    {
        var dir = binaryDir ?? HostDirectory;
        var names = profiles ?? BuiltProfiles();
        foreach (var p in names) RequireName(p);
        var outputs = names.SelectMany(p => new[] { NativeLibraryPath(p, dir), NativeBoardPath(p, dir) }).ToList();
        List<string> build = ["--build", dir, "-j", jobs.ToString(CultureInfo.InvariantCulture)];
        if (profiles is not null)
            foreach (var p in profiles) build.AddRange(["--target", "rig_core_" + p, NativeBoardName(p)]);
        var stamp = profiles is null ? "all" : string.Join('+', profiles);
        return Run(dir, stamp, BuildInputs.Host(RepoRoot), outputs, ["-S", FirmwareDir, "-B", dir], build);
    }

    /// <summary>A board's image (firmware.elf, .bin, .hex, .map), configured with the arm-none-eabi toolchain file on first use.</summary>
    /// <param name="buildId">The GNU build id to link with (<c>0x</c> and whole bytes of hex digits) instead of the SHA-1 the linker computes:
    /// the same code as another image, told apart by its id (configured once per binary directory: give a fresh one).</param>
    public IReadOnlyList<BuildStep> Image(string board, string? binaryDir = null, int jobs = 2, string? buildId = null)
    {
        RequireName(board);
        var dir = binaryDir ?? ImageDirectory(board);
        List<string> configure =
        [
            "-S", FirmwareDir, "-B", dir,
            "-DCMAKE_TOOLCHAIN_FILE=" + Path.Combine(FirmwareDir, "cmake", "arm-none-eabi.cmake"),
            "-DRIG_BOARD=" + board, "-DCMAKE_BUILD_TYPE=",
        ];
        if (buildId is not null)
        {
            if (!buildId.StartsWith("0x", StringComparison.Ordinal) || buildId.Length < 4 || buildId.Length % 2 != 0 || !buildId[2..].All(char.IsAsciiHexDigit))
                throw new ArgumentException($"build id '{buildId}': expected 0x and whole bytes of hex digits", nameof(buildId));
            configure.Add("-DRIG_BUILD_ID=" + buildId);
        }
        return Run(dir, "image", BuildInputs.Image(RepoRoot, board), [ImagePath(board, dir)], configure,
            ["--build", dir, "-j", jobs.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>True when every output exists and is newer than every source, and the last build began after the last change.</summary>
    public static bool IsFresh(string stampFile, BuildInputs inputs, IReadOnlyList<string> outputs)
    {
        if (!File.Exists(stampFile) || outputs.Any(o => !File.Exists(o))) return false;
        var newestSource = inputs.NewestSource();
        return File.GetLastWriteTimeUtc(stampFile) >= inputs.NewestChange()
               && outputs.All(o => File.GetLastWriteTimeUtc(o) >= newestSource);
    }

    private IReadOnlyList<BuildStep> Run(string dir, string stampName, BuildInputs inputs, IReadOnlyList<string> outputs, List<string> configure, List<string> build)
    {
        var stamp = Path.Combine(dir, $".rig-built-{stampName}");
        if (IsFresh(stamp, inputs, outputs)) return [];
        using var held = BuildLock.Acquire(Path.GetFullPath(dir).TrimEnd('/') + ".lock", _timeout, _time);
        if (IsFresh(stamp, inputs, outputs)) return []; // built by the holder we waited for
        Directory.CreateDirectory(dir);
        // Its time is the build's start: a source changed while cmake runs is newer, so the next check rebuilds.
        var pending = stamp + ".pending";
        File.WriteAllText(pending, "");
        var steps = new List<BuildStep>();
        if (!File.Exists(Path.Combine(dir, "CMakeFiles", "Makefile.cmake")) && !File.Exists(Path.Combine(dir, "build.ninja")))
        {
            steps.Add(Cmake(configure));
            if (!steps[^1].Succeeded) return steps;
        }
        steps.Add(Cmake(build));
        if (steps[^1].Succeeded) File.Move(pending, stamp, overwrite: true);
        return steps;
    }

    private BuildStep Cmake(IReadOnlyList<string> args)
    {
        var run = ExternalTool.Run("cmake", args, _timeout, FirmwareDir);
        return new BuildStep(run.Command, run.Started && !run.TimedOut ? run.ExitCode : -1, run.Output);
    }

    private static void RequireName(string profile)
    {
        if (!ProfileName.IsValid(profile)) throw new ArgumentException($"profile name '{profile}': {ProfileName.Rule}", nameof(profile));
    }
}
