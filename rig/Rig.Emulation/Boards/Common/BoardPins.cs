using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// The marker pin as the rig's GPIO input sees it: every change of level with the core cycle it
/// happened at. A GPIO model calls <see cref="SetMarker"/> on each write that reaches the pin.
/// </summary>
public sealed class BoardPins(ArmCore core)
{
    public bool Marker { get; private set; }

    /// <summary>Raised on a change of the marker level: (core cycle, new level).</summary>
    public event Action<ulong, bool>? MarkerChanged;

    public void SetMarker(bool level)
    {
        if (level == Marker) return;
        Marker = level;
        MarkerChanged?.Invoke(core.Cycles, level);
    }
}
