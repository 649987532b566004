using Rig.Flash.Image;

namespace Rig.Flash;

/// <summary>One way of programming a board: load the image, verify it, reset the board, and (when asked) read the build id back from flash.</summary>
public interface IProgrammer
{
    FlashReport Flash(FlashImage image, bool readBackBuildId, IFlashProgress progress);
}
