using Rig.Core.Firmware;

namespace Rig.Elf.Build;

/// <summary>
/// Board images for `rig mem` and a run's memory section, through the rig's one cmake launcher
/// (<see cref="FirmwareBuild"/>): by default into firmware/build/&lt;board&gt;; a caller may pass another binary
/// directory (tests build into a temporary one so they see every compiler message). Waits are bounded.
/// </summary>
public sealed class FirmwareBuilder(string firmwareDir, TimeSpan? timeout = null)
{
    private readonly FirmwareBuild _launcher = new(Path.GetDirectoryName(Path.GetFullPath(firmwareDir).TrimEnd('/'))!, timeout: timeout ?? TimeSpan.FromMinutes(5));

    public string FirmwareDir { get; } = firmwareDir;

    public string DefaultElfPath(string board) => _launcher.ImagePath(board);

    /// <summary>Configures (first time) and builds; returns the steps run (none when the image was fresh; stops at the first failure).</summary>
    public IReadOnlyList<BuildStep> Build(string board, string? binaryDir = null, int jobs = 2) => _launcher.Image(board, binaryDir, jobs);
}
