using Rig.Core;
using Rig.Core.Firmware;

namespace Rig.Simulation.Board;

/// <summary>
/// The native virtual board executable of a profile (firmware/build/host/bin/rig_board_native_&lt;profile&gt;), built
/// by the rig's one cmake launcher (<see cref="FirmwareBuild"/>) when it is missing or older than anything the host
/// build reads; the same build folder and lock as Rig.Native's MSBuild step, so concurrent builds queue.
/// </summary>
public static class NativeBoardBuild
{
    private static FirmwareBuild Launcher => new(RepoPaths.Root);

    public static string BuildDirectory => Launcher.HostDirectory;

    public static string ExecutablePath(string profile) => Launcher.NativeBoardPath(profile);

    /// <summary>The executable, built first if missing or stale. Throws InvalidOperationException with cmake's output on failure.</summary>
    public static string Ensure(string profile)
    {
        var launcher = Launcher;
        IReadOnlyList<BuildStep> steps;
        try
        {
            steps = launcher.Host([profile]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        if (steps.FirstOrDefault(s => !s.Succeeded) is { } failed)
            throw new InvalidOperationException($"building the native board for {profile} failed ({failed.Command}: exit {failed.ExitCode}):\n{Tail(failed.Output)}");
        var exe = launcher.NativeBoardPath(profile);
        if (!File.Exists(exe)) throw new InvalidOperationException($"cmake finished but {exe} does not exist");
        return exe;
    }

    /// <summary>Latest modification time of every source the host build reads.</summary>
    public static DateTime NewestSource() => BuildInputs.Host(RepoPaths.Root).NewestSource();

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
