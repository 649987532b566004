using System.Runtime.CompilerServices;

namespace Rig.Emulation.Cpu;

/// <summary>
/// r0-r15 stored inside the core object: indexing needs no array indirection, and an index masked
/// to four bits (every register field of an encoding) needs no bounds check.
/// </summary>
[InlineArray(16)]
public struct RegisterFile
{
    uint r0;

    /// <summary>A copy of r0-r15 (for comparisons and snapshots).</summary>
    public readonly uint[] ToArray() => ((ReadOnlySpan<uint>)this).ToArray();
}
