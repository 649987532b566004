using Rig.Core;

namespace Rig.TestSupport;

/// <summary>Folders of firmware/ the tests compile from.</summary>
public static class FirmwareTree
{
    public static string Core => Path.Combine(RepoPaths.Firmware, "core");
    public static string Boards => Path.Combine(RepoPaths.Firmware, "boards");
    /// <summary>What the Cortex-M ports share (reset code, rings, cycle counters).</summary>
    public static string CortexM => Path.Combine(Boards, "cortexm");
    public static string Board(string board) => Path.Combine(Boards, board);
    public static string Generated(string profile) => RepoPaths.Generated(profile);
}
