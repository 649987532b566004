namespace Rig.Core.Runs;

/// <summary>
/// run.json <c>functionProfile</c>: one function of the emulated firmware, measured by the emulator
/// over the whole run (emulated-mcu cycles). Self: its own instructions; total: from entry to return
/// including its callees (an interrupt taken meanwhile is its handler's); calls: BL/BLX, tail calls
/// and, for a handler, exception entries. The shares are the part of the frontend's (one call makes a
/// feature column) and the model's (one call is an inference) cycles the function spent itself, 0..1,
/// null when that scope never ran.
/// </summary>
public sealed record FunctionProfileEntry(string Name, long SelfCycles, long TotalCycles, long Calls)
{
    /// <summary>run.json keeps the functions with the most self cycles, this many at most, most first.</summary>
    public const int TopCount = 30;

    public double? FrontendShare { get; init; }
    public double? InferenceShare { get; init; }
}
