namespace Rig.Native.CrossCheck;

/// <summary>Outcome of comparing the C frontend with the golden model on one profile (JSON: camelCase).</summary>
public sealed record CrossCheckResult(
    string Profile,
    int Frames,
    long Mismatches,
    string? FirstDivergingStage,
    Divergence? FirstDivergence,
    int RamBytes,
    int TableFlashBytes,
    double MeanAbsErrorDb,
    double MaxAbsErrorDb,
    string ConfigHash,
    IReadOnlyList<SignalResult> Signals)
{
    public bool BitExact => Mismatches == 0;
}

/// <summary>Per test signal: columns compared and values that differed.</summary>
public sealed record SignalResult(string Signal, int Frames, long Mismatches);

/// <summary>The first differing value: which signal, column, stage and index, and both values.</summary>
public sealed record Divergence(string Signal, int Column, string Stage, int Index, long Expected, long Actual);
