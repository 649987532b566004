namespace Rig.Emulation.Profiling;

/// <summary>
/// Per-function cycles from the instruction stream (fed by <see cref="FirmwareProbe"/>): a shadow
/// call stack keyed on return address and SP. BL/BLX push a frame; a branch to another function's
/// entry (B, BX) replaces the top frame (tail call); a PC that lands on a frame's return address
/// with the SP it had at the call pops to it (BX LR, POP {pc}, LDR pc, LDM). An exception entry
/// pushes its handler as a new context: the cycles from the entry (stacking included) to the
/// EXC_RETURN are the handler's, not the interrupted function's, neither self nor total.
/// Cycles the core slept in WFI/WFE go to the <see cref="FunctionTable.Sleep"/> entry.
/// </summary>
public sealed class FunctionProfiler
{
    struct Frame
    {
        public int Func;
        public uint ReturnAddress;
        public uint Sp;
        public ulong EntryCharged;
        public bool Outermost;
        public bool IsException;
        public int Context;
        public int ScopeMask;
    }

    const uint NoReturn = 0xFFFF_FFFFu;

    readonly FunctionTable table;
    readonly int[] scopeIds;
    readonly string[] scopeNames;
    readonly int[] scopeBit;
    readonly ulong[] self;
    readonly ulong[] total;
    readonly ulong[] calls;
    readonly ulong[][] scopeSelf;
    Frame[] frames = new Frame[64];
    int top = -1;
    ulong[] contextCharged = new ulong[8];
    ulong charged;

    // The top frame's function range, for the "branch inside the function" test on every taken branch.
    uint curStart, curEnd;

    /// <param name="scopes">Functions whose activations are scopes (the frontend's and the model's entry): each function's self cycles inside them are kept apart.</param>
    public FunctionProfiler(FunctionTable table, IReadOnlyList<string>? scopes = null)
    {
        this.table = table;
        var named = (scopes ?? []).Where(s => table.IdOf(s) >= 0).Take(30).ToArray();
        scopeNames = named;
        scopeIds = [.. named.Select(table.IdOf)];
        scopeBit = new int[table.Count];
        for (var i = 0; i < scopeIds.Length; i++) scopeBit[scopeIds[i]] |= 1 << i;
        self = new ulong[table.Count];
        total = new ulong[table.Count];
        calls = new ulong[table.Count];
        scopeSelf = [.. scopeIds.Select(_ => new ulong[table.Count])];
    }

    public FunctionTable Table => table;

    /// <summary>The first instruction seen: its function is the root frame of thread context.</summary>
    internal void Start(uint pc, uint sp) => Push(table.Find(pc), NoReturn, sp, isException: false);

    /// <summary>An exception was entered before the instruction at <paramref name="handlerPc"/> (the core's own step).</summary>
    internal void AsyncEntry(uint handlerPc, uint returnPc) => PushException(table.Find(handlerPc), returnPc);

    /// <summary>Charges <paramref name="spent"/> cycles (of which <paramref name="slept"/> asleep) to the running function.</summary>
    internal void Charge(ulong spent, ulong slept)
    {
        var f = frames[top].Func;
        var mask = frames[top].ScopeMask;
        var own = spent - slept;
        self[f] += own;
        if (slept != 0)
        {
            self[table.SleepId] += slept;
            total[table.SleepId] += slept;
            calls[table.SleepId]++;
        }
        contextCharged[frames[top].Context] += spent;
        charged += spent;
        if (mask != 0)
            for (var s = 0; s < scopeIds.Length; s++)
                if ((mask & (1 << s)) != 0)
                {
                    scopeSelf[s][f] += own;
                    if (slept != 0) scopeSelf[s][table.SleepId] += slept;
                }
    }

    /// <summary>
    /// After the instruction at <paramref name="pc"/> (<paramref name="size"/> bytes) executed, the
    /// PC at <paramref name="next"/>: calls, returns, tail calls; <paramref name="exceptions"/> is +1
    /// when it entered an exception (SVC, a fault: <paramref name="entryCycles"/> of its cycles were
    /// the stacking), -1 when it returned from one.
    /// </summary>
    internal void After(uint pc, uint size, ushort hw1, ushort hw2, bool skipped, uint next, uint sp, int exceptions, ulong entryCycles)
    {
        if (exceptions < 0)
        {
            ExceptionReturn();
            return;
        }
        if (exceptions > 0)
        {
            SynchronousEntry(pc, size, hw1, next, entryCycles);
            return;
        }
        if (skipped || next == pc + size)
        {
            // Running off the end of the function into the next one (hand-written fall-through) is a tail call.
            if (next - curStart < curEnd - curStart || frames[top].Func == table.NoSymbolId) return;
            Branch(next, sp);
            return;
        }
        ref var t = ref frames[top];
        if (IsCall(hw1, hw2))
        {
            // A BL inside the function (gcc's far branch on Thumb-1) is no call.
            if (next - curStart >= curEnd - curStart || next == curStart)
            {
                Push(table.Find(next), pc + size, sp, isException: false);
                return;
            }
        }
        if (next == t.ReturnAddress && !t.IsException && sp == t.Sp)
        {
            Pop();
            return;
        }
        if (next - curStart < curEnd - curStart && next != curStart) return;
        Branch(next, sp);
    }

    /// <summary>A taken branch out of the running function: a return further down, a tail call, or a jump into a caller.</summary>
    void Branch(uint next, uint sp)
    {
        var context = frames[top].Context;
        for (var i = top; i >= 0 && frames[i].Context == context && !frames[i].IsException; i--)
            if (frames[i].ReturnAddress == next && frames[i].Sp == sp)
            {
                while (top >= i) Pop();
                return;
            }
        var f = table.Find(next);
        if (f == frames[top].Func) return;
        if (next == table.Start(f) || f == table.NoSymbolId)
        {
            TailCall(f);
            return;
        }
        // A PC inside a caller (a return through a helper that moved LR, e.g. libgcc's case-table helpers).
        for (var i = top - 1; i >= 0 && frames[i].Context == context; i--)
        {
            if (frames[i].Func == f)
            {
                while (top > i) Pop();
                return;
            }
            if (frames[i].IsException) break;
        }
        TailCall(f);
    }

    void TailCall(int f)
    {
        var t = frames[top];
        if (t.IsException || t.ReturnAddress == NoReturn)
        {
            // A handler or the root jumping to another function: that function runs in its place.
            Pop();
            if (t.IsException) PushException(f, t.ReturnAddress);
            else Push(f, NoReturn, t.Sp, isException: false);
            return;
        }
        Pop();
        Push(f, t.ReturnAddress, t.Sp, isException: false);
    }

    /// <summary>EXC_RETURN: everything the topmost handler called, and the handler, are done.</summary>
    void ExceptionReturn()
    {
        while (top >= 0 && !frames[top].IsException) Pop();
        if (top >= 0) Pop();
    }

    /// <summary>A synchronous entry (SVC, a fault) within this instruction: its stacking cycles are the handler's.</summary>
    void SynchronousEntry(uint pc, uint size, ushort hw1, uint next, ulong entryCycles)
    {
        ref var t = ref frames[top];
        var entry = Math.Min(entryCycles, self[t.Func]);
        self[t.Func] -= entry;
        contextCharged[t.Context] -= entry;
        var returnPc = (hw1 & 0xFF00) == 0xDF00 ? pc + size : pc;
        PushException(table.Find(next), returnPc);
        self[frames[top].Func] += entry;
        contextCharged[frames[top].Context] += entry;
    }

    static bool IsCall(ushort hw1, ushort hw2) =>
        ((hw1 & 0xF800) == 0xF000 && (hw2 & 0xD000) == 0xD000) || (hw1 & 0xFF87) == 0x4780;

    void PushException(int f, uint returnPc) => Push(f, returnPc, 0, isException: true);

    void Push(int f, uint returnAddress, uint sp, bool isException)
    {
        if (++top == frames.Length) Array.Resize(ref frames, frames.Length * 2);
        var context = top == 0 ? 0 : frames[top - 1].Context + (isException ? 1 : 0);
        if (context == contextCharged.Length) Array.Resize(ref contextCharged, contextCharged.Length * 2);
        var outermost = true;
        for (var i = top - 1; i >= 0 && frames[i].Context == context; i--)
            if (frames[i].Func == f) { outermost = false; break; }
        var mask = (isException || top == 0 ? 0 : frames[top - 1].ScopeMask) | scopeBit[f];
        frames[top] = new Frame
        {
            Func = f, ReturnAddress = returnAddress, Sp = sp, EntryCharged = contextCharged[context],
            Outermost = outermost, IsException = isException, Context = context, ScopeMask = mask,
        };
        calls[f]++;
        curStart = table.Start(f);
        curEnd = table.End(f);
    }

    void Pop()
    {
        ref var t = ref frames[top];
        if (t.Outermost) total[t.Func] += contextCharged[t.Context] - t.EntryCharged;
        top--;
        if (top < 0)
        {
            // The root returned (a test program's entry returning, or nothing left): whatever runs next is a new root.
            curStart = curEnd = 0;
            return;
        }
        curStart = table.Start(frames[top].Func);
        curEnd = table.End(frames[top].Func);
    }

    /// <summary>No frame: nothing ran yet, or the root returned; the next instruction's function is a new root.</summary>
    internal bool Empty => top < 0;

    /// <summary>The profile so far (frames still open count up to now).</summary>
    public FunctionProfile Snapshot()
    {
        var totals = (ulong[])total.Clone();
        for (var i = 0; i <= top; i++)
            if (frames[i].Outermost) totals[frames[i].Func] += contextCharged[frames[i].Context] - frames[i].EntryCharged;
        var functions = new List<FunctionCost>();
        for (var f = 0; f < table.Count; f++)
        {
            if (self[f] == 0 && totals[f] == 0 && calls[f] == 0) continue;
            var scoped = new Dictionary<string, ulong>();
            for (var s = 0; s < scopeIds.Length; s++)
                if (scopeSelf[s][f] != 0) scoped[scopeNames[s]] = scopeSelf[s][f];
            functions.Add(new FunctionCost(table.Name(f), self[f], totals[f], calls[f]) { ScopeSelfCycles = scoped });
        }
        return new FunctionProfile(charged,
            [.. functions.OrderByDescending(f => f.SelfCycles).ThenByDescending(f => f.TotalCycles).ThenBy(f => f.Name, StringComparer.Ordinal)],
            scopeNames);
    }
}
