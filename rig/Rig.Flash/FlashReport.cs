namespace Rig.Flash;

/// <summary>What programming did: each allocated section compared on the target (as gdb's compare-sections), whether the
/// board was reset, and the build id read back from the target's flash (null when not read: the caller checks HELLO).</summary>
public sealed record FlashReport(string Via, long BytesWritten, IReadOnlyList<SectionCheck> Sections, bool Reset, string? BuildIdReadBack)
{
    public bool AllMatch => Sections.All(s => s.Matches);
}

/// <summary>One section of the image against the target's bytes at its load address; <see cref="How"/> says how it was compared.</summary>
public sealed record SectionCheck(string Name, uint Address, int Bytes, bool Matches, string How);

/// <summary>Progress lines while a board is programmed (erasing, writing n of m bytes, verifying, resetting).</summary>
public interface IFlashProgress
{
    void Step(string text);
}
