using Rig.Core.Runs;
using Rig.Elf.Format;
using Rig.Protocol.Messages;

namespace Rig.Runs.Link;

/// <summary>
/// Is the board running the image it should? Its HELLO's build id (protocol v3) against the build id of the expected
/// ELF. A board on yesterday's firmware (a failed flash, a wrong port) is refused before anything is measured, with
/// both ids and the fix, unless the caller accepts any image (`rig run --any-image`).
/// </summary>
public static class ImageCheck
{
    public static FirmwareIdentity Verify(string boardId, string profile, Hello hello, string? expectedElf, bool anyImage)
    {
        var expected = expectedElf is null ? null : BuildIdNote.Read(expectedElf)?.Id;
        var identity = new FirmwareIdentity { BuildId = hello.BuildId, Elf = expectedElf, ExpectedBuildId = expected, Checked = !anyImage && expected is not null };
        if (!identity.Checked || hello.BuildId == expected) return identity;
        var reported = hello.BuildId is null
            ? $"reports no build id (protocol v{hello.ProtocolVersion} firmware {hello.FirmwareVersion}, older than build ids)"
            : $"runs the image with build id {hello.BuildId}";
        throw new WrongImageException(
            $"board {boardId} ({hello.BoardName}) {reported}, but the expected image {expectedElf} has build id {expected}: " +
            $"flash it (`rig flash --profile {profile} {expectedElf}`), check the port, or pass --any-image to run whatever the board holds");
    }
}
