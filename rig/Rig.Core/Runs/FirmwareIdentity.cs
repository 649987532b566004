namespace Rig.Core.Runs;

/// <summary>
/// run.json <c>firmware</c>: the GNU build id the board reported in its HELLO (protocol v3; null from an older board or an
/// image linked without one), the image it was expected to run (<see cref="Elf"/>: `--firmware`, the profile's image as
/// `rig mem` builds it, the emulated ELF, or the native board's executable; null when none was known) and that image's
/// build id. <see cref="Checked"/> is false when nothing was compared (`--any-image`, no expected image or id).
/// </summary>
public sealed record FirmwareIdentity
{
    public string? BuildId { get; init; }
    public string? Elf { get; init; }
    public string? ExpectedBuildId { get; init; }
    public bool Checked { get; init; }
}
