namespace Rig.Emulation.Profiling;

/// <summary>
/// One function's cost in a run: cycles of its own instructions (self), cycles from its entry to its
/// return including the functions it called (total; the outermost activation only, so recursion is
/// not counted twice; an interrupt taken meanwhile is the handler's, not the function's), and calls
/// (BL/BLX, tail calls, exception entries of a handler). <see cref="ScopeSelfCycles"/> is, per
/// scope function (e.g. the frontend's and the model's entry), the self cycles this function
/// spent inside that scope.
/// </summary>
public sealed record FunctionCost(string Name, ulong SelfCycles, ulong TotalCycles, ulong Calls)
{
    public IReadOnlyDictionary<string, ulong> ScopeSelfCycles { get; init; } = new Dictionary<string, ulong>();
}

/// <summary>
/// A per-function profile of one run: every function that ran, by self cycles (largest first), the
/// cycles the profiler saw (the sum of every self figure), and the scope functions' totals.
/// </summary>
public sealed record FunctionProfile(ulong Cycles, IReadOnlyList<FunctionCost> Functions, IReadOnlyList<string> Scopes)
{
    public FunctionCost? Of(string name) => Functions.FirstOrDefault(f => f.Name == name);

    /// <summary>The share of <paramref name="scope"/>'s total cycles that <paramref name="function"/> spent inside it (0..1), null when the scope never ran.</summary>
    public double? ShareOf(string function, string scope)
    {
        var total = Of(scope)?.TotalCycles ?? 0;
        if (total == 0) return null;
        return (Of(function)?.ScopeSelfCycles.GetValueOrDefault(scope) ?? 0) / (double)total;
    }

    public IReadOnlyList<FunctionCost> Top(int count) => [.. Functions.Take(count)];
}
