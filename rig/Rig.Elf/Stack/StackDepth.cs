namespace Rig.Elf.Stack;

/// <summary>Deepest stack of one entry point (thread code or an interrupt handler).</summary>
public sealed record StackPath(string Root, int Bytes, IReadOnlyList<string> Path);

/// <summary>
/// The worst-case stack of an image by static analysis: the deepest call chain from the reset
/// handler, plus one exception frame and the deepest interrupt handler chain on top (the ports
/// leave every interrupt at the same priority, so handlers never nest). An upper bound as long
/// as there is no recursion and no indirect call; both are reported, never guessed.
/// </summary>
public sealed record StackEstimate(
    int WorstCaseBytes,
    StackPath Thread,
    StackPath? DeepestInterrupt,
    int ExceptionFrameBytes,
    IReadOnlyList<string> IndirectCallers,
    IReadOnlyList<string> Recursive,
    IReadOnlyList<string> UnknownFrames,
    IReadOnlyList<string>? IndirectTargets = null)
{
    /// <summary>An upper bound when there is no recursion and every indirect call was given its
    /// possible targets (<see cref="IndirectTargets"/>).</summary>
    public bool IsComplete => Recursive.Count == 0 && (IndirectCallers.Count == 0 || IndirectTargets is { Count: > 0 });
}

public static class StackDepth
{
    /// <summary>Cortex-M basic exception frame: r0-r3, r12, lr, pc, xPSR = 32 bytes, plus up to 4
    /// bytes the core inserts to keep the frame 8-byte aligned (ARMv7-M ARM §B1.5.7; ARMv6-M
    /// always aligns). The ports keep the FPU off, so there is no extended frame.</summary>
    public const int CortexMExceptionFrame = 36;

    /// <param name="indirectTargets">Functions an indirect call may reach (e.g. those the image only
    /// uses by address, see <see cref="AddressOnlyFunctions"/>); each indirect call site is charged
    /// the deepest of them. Null: indirect calls are listed and not followed.</param>
    public static StackEstimate Estimate(CallGraph graph, string threadRoot = "Reset_Handler", IReadOnlyCollection<string>? indirectTargets = null)
    {
        var memo = new Dictionary<string, (int Bytes, List<string> Path)>(StringComparer.Ordinal);
        var indirect = new SortedSet<string>(StringComparer.Ordinal);
        var recursive = new SortedSet<string>(StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);

        (int Bytes, List<string> Path) Deepest(string fn)
        {
            if (memo.TryGetValue(fn, out var done)) return done;
            if (!onPath.Add(fn))
            {
                recursive.Add(fn);
                return (0, []);
            }
            var own = 0;
            if (graph.Frames.TryGetValue(fn, out var frame)) own = frame.Bytes;
            else if (fn != CallGraph.IndirectCall) unknown.Add(fn); // library code built without call-graph info
            (int Bytes, List<string> Path) best = (0, []);
            foreach (var callee in graph.Callees(fn))
            {
                if (callee == CallGraph.IndirectCall)
                {
                    indirect.Add(fn);
                    foreach (var target in indirectTargets ?? [])
                    {
                        var t = Deepest(target);
                        if (t.Bytes > best.Bytes) best = (t.Bytes, t.Path.Select((x, i) => i == 0 ? "(*)" + x : x).ToList());
                    }
                    continue;
                }
                var d = Deepest(callee);
                if (d.Bytes > best.Bytes) best = d;
            }
            onPath.Remove(fn);
            var result = (own + best.Bytes, new List<string> { fn }.Concat(best.Path).ToList());
            memo[fn] = result;
            return result;
        }

        var thread = Deepest(threadRoot);
        StackPath? deepestIrq = null;
        foreach (var handler in graph.Frames.Keys.Where(IsInterruptHandler).Order(StringComparer.Ordinal))
        {
            var d = Deepest(handler);
            if (deepestIrq is null || d.Bytes > deepestIrq.Bytes) deepestIrq = new StackPath(handler, d.Bytes, d.Path);
        }
        var worst = thread.Bytes + (deepestIrq is null ? 0 : CortexMExceptionFrame + deepestIrq.Bytes);
        return new StackEstimate(worst, new StackPath(threadRoot, thread.Bytes, thread.Path), deepestIrq,
            deepestIrq is null ? 0 : CortexMExceptionFrame, indirect.ToList(), recursive.ToList(), unknown.ToList(),
            indirectTargets?.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Functions that are in the linked image but that no code calls directly: with
    /// --gc-sections a function only survives if something references it, so these are the ones
    /// used by address (callbacks passed as function pointers, vector table entries) - the
    /// candidates for an indirect call. Entry points (reset, handlers) are left out.
    /// </summary>
    public static IReadOnlyList<string> AddressOnlyFunctions(CallGraph graph, IEnumerable<string> functionsInImage)
    {
        var called = new HashSet<string>(graph.Frames.Keys.SelectMany(graph.Callees), StringComparer.Ordinal);
        return functionsInImage.Distinct(StringComparer.Ordinal)
            .Where(f => graph.Frames.ContainsKey(f) && !called.Contains(f) && f != "main" && !f.EndsWith("_Handler", StringComparison.Ordinal) && !f.EndsWith("_IRQHandler", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsInterruptHandler(string name) =>
        name != "Reset_Handler" && name != "Default_Handler" &&
        (name.EndsWith("_IRQHandler", StringComparison.Ordinal) || name.EndsWith("_Handler", StringComparison.Ordinal));
}
