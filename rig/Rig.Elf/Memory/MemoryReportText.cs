using System.Globalization;
using System.Text;

namespace Rig.Elf.Memory;

/// <summary>The human-readable `rig mem` output: totals against budget, sections, modules with
/// their largest symbols.</summary>
public static class MemoryReportText
{
    public static string Render(MemoryReport r)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{r.ElfPath} (profile {r.Profile})");
        sb.AppendLine(ci, $"  flash {r.FlashBytes,8} B");
        sb.AppendLine(ci, $"  ram   {r.RamBytes,8} B  = static {r.StaticRamBytes} B + stack reserve {r.StackReserveBytes} B");
        sb.AppendLine(ci, $"  frontend ram {r.FrontendRamBytes} B{(r.FrontendNote is null ? "" : $" ({r.FrontendNote})")}");
        if (r.StateSizes is { Count: > 0 } states)
            sb.AppendLine(ci, $"  state sizes: {string.Join(", ", states.Select(kv => $"sizeof({kv.Key}) = {kv.Value} B"))}");
        if (r.StackAnalysis is { } st)
        {
            sb.AppendLine(ci, $"  stack worst case {st.WorstCaseBytes} B (static call-graph analysis{(st.IsComplete ? "" : ", a lower bound")}):");
            sb.AppendLine(ci, $"      thread {st.Thread.Bytes} B: {string.Join(" > ", st.Thread.Path)}");
            if (st.DeepestInterrupt is { } irq)
                sb.AppendLine(ci, $"      + exception frame {st.ExceptionFrameBytes} B + interrupt {irq.Bytes} B: {string.Join(" > ", irq.Path)}");
            if (st.IndirectCallers.Count > 0 && st.IndirectTargets is { Count: > 0 } targets)
                sb.AppendLine(ci, $"      indirect calls in {string.Join(", ", st.IndirectCallers)} charged the deepest function used only by address: {string.Join(", ", targets)}");
            else if (st.IndirectCallers.Count > 0)
                sb.AppendLine(ci, $"      indirect calls not followed in: {string.Join(", ", st.IndirectCallers)}");
            if (st.Recursive.Count > 0) sb.AppendLine(ci, $"      recursion (depth unknown) through: {string.Join(", ", st.Recursive)}");
            if (st.UnknownFrames.Count > 0) sb.AppendLine(ci, $"      frames unknown (library code, counted as 0): {string.Join(", ", st.UnknownFrames)}");
        }
        sb.AppendLine();
        sb.AppendLine("budget");
        foreach (var c in r.Checks)
        {
            var rel = c.Name == "stack reserve" ? ">=" : "<=";
            var limitText = c.Name == "stack worst case" ? "reserve" : "";
            sb.AppendLine(ci, $"  {c.Name,-16} {c.Used,8} B {rel} {c.Limit,8} B {limitText,-7} {(c.Ok ? "ok" : "OVER BUDGET")}");
        }
        sb.AppendLine();
        sb.AppendLine("sections");
        foreach (var s in r.Sections)
            sb.AppendLine(ci, $"  {s.Name,-14} 0x{s.Address:x8} {s.Bytes,8} B  {RegionText(s.Region)}");
        sb.AppendLine();
        sb.AppendLine("modules (flash / ram; largest symbols)");
        foreach (var m in r.Modules)
        {
            sb.AppendLine(ci, $"  {m.Name,-12} {m.FlashBytes,8} B {m.RamBytes,8} B");
            foreach (var s in m.Symbols)
                sb.AppendLine(ci, $"      {s.Bytes,7} B  {RegionText(s.Region),-11} {s.Name}{(s.File is null ? "" : $"  ({s.File})")}");
        }
        sb.AppendLine();
        sb.AppendLine(r.WithinBudget ? "within budget" : "OVER BUDGET: " + string.Join(", ", r.Checks.Where(c => !c.Ok).Select(c => c.Name)));
        return sb.ToString();
    }

    private static string RegionText(MemoryRegion region) => region switch
    {
        MemoryRegion.Flash => "flash",
        MemoryRegion.FlashAndRam => "flash+ram",
        MemoryRegion.Ram => "ram",
        _ => "stack",
    };
}
