using System.Diagnostics;
using Rig.Core;
using Rig.Core.Profiles;

namespace Rig.Simulation.Board;

/// <summary>
/// Finds the native virtual board executable of a profile (firmware/build/host/bin/rig_board_native_&lt;profile&gt;)
/// and builds it with cmake when it is missing or older than any firmware source it is made from
/// (core, the native port, the profile's generated headers, the CMake files). Uses the same build
/// directory and flock as Rig.Native's MSBuild step, so concurrent builds queue instead of clashing.
/// </summary>
public static class NativeBoardBuild
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public static string BuildDirectory => Path.Combine(RepoPaths.Firmware, "build", "host");

    public static string ExecutablePath(string profile) => Path.Combine(BuildDirectory, "bin", "rig_board_native_" + profile);

    /// <summary>The executable, built first if missing or stale. Throws InvalidOperationException with cmake's output on failure.</summary>
    public static string Ensure(string profile)
    {
        if (!ProfileName.IsValid(profile)) throw new InvalidOperationException($"profile name '{profile}': {ProfileName.Rule}");
        var exe = ExecutablePath(profile);
        if (File.Exists(exe) && File.GetLastWriteTimeUtc(exe) >= NewestSource(profile)) return exe;
        Build(profile);
        if (!File.Exists(exe)) throw new InvalidOperationException($"cmake finished but {exe} does not exist");
        return exe;
    }

    /// <summary>Latest modification time of everything the executable is built from.</summary>
    public static DateTime NewestSource(string profile)
    {
        var fw = RepoPaths.Firmware;
        var files = new[] { Path.Combine(fw, "core"), Path.Combine(fw, "boards", "native"), RepoPaths.Generated(profile) }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d))
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Append(Path.Combine(fw, "CMakeLists.txt"));
        return files.Where(File.Exists).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
    }

    /// <summary>
    /// cmake configure (once) and build of the profile's target, each started directly with an argument list under
    /// flock: no shell ever sees the profile name or a path, so neither can run anything.
    /// </summary>
    private static void Build(string profile)
    {
        var build = BuildDirectory;
        Directory.CreateDirectory(build);
        if (!File.Exists(Path.Combine(build, "CMakeCache.txt")))
            Run(profile, "cmake", "-S", RepoPaths.Firmware, "-B", build);
        Run(profile, "cmake", "--build", build, "--target", "rig_board_native_" + profile, "-j2");
    }

    private static void Run(string profile, params string[] command)
    {
        var psi = new ProcessStartInfo("flock") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(BuildDirectory + ".lock");
        foreach (var a in command) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start flock/cmake");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(BuildTimeout))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"building the native board for {profile} took longer than {BuildTimeout.TotalMinutes} minutes");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"building the native board for {profile} failed ({string.Join(' ', command.Take(2))}: exit {p.ExitCode}):\n{stderr.Result}\n{Tail(stdout.Result)}");
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
