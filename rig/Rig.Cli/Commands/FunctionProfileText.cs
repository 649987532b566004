using System.Globalization;
using Rig.Core.Runs;
using Rig.Emulation.Profiling;

namespace Rig.Cli.Commands;

/// <summary>
/// The per-function profile as `rig emulate --profile-functions` and `rig profile` print it: the top
/// functions by self cycles with total cycles, calls and their shares of the frontend and of an
/// inference (emulated-mcu cycles), the frontend's and the model's cost a call, then the stack
/// high-water figures and the SRAM written.
/// </summary>
internal static class FunctionProfileText
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The table and the scope lines; <paramref name="cycles"/> is what the profile covers (the shares of it in the % columns).</summary>
    public static void Write(IReadOnlyList<FunctionProfileEntry> functions, long cycles, double clockHz)
    {
        var all = Math.Max(1, cycles);
        var table = PlainTextTable.Create("function", "self cycles", "self %", "total cycles", "total %", "calls", "% of frontend", "% of inference");
        foreach (var f in functions)
            PlainTextTable.Row(table, f.Name,
                f.SelfCycles.ToString("N0", Inv), Percent(f.SelfCycles / (double)all),
                f.TotalCycles.ToString("N0", Inv), Percent(f.TotalCycles / (double)all),
                f.Calls.ToString("N0", Inv), Percent(f.FrontendShare), Percent(f.InferenceShare));
        PlainTextTable.Write(table);
        var lines = new List<string>
        {
            string.Create(Inv, $"profiled {cycles:N0} {MeasurementClock.EmulatedMcu.Name()} cycles ({cycles / clockHz * 1e3:0.###} ms at {clockHz / 1e6:0.##} MHz)"),
        };
        foreach (var scope in FirmwareScopes.All)
            if (functions.FirstOrDefault(f => f.Name == scope) is { Calls: > 0 } s)
                lines.Add(string.Create(Inv, $"{scope}: {s.TotalCycles:N0} cycles in {s.Calls:N0} calls, {s.TotalCycles / (double)s.Calls:N0} a call"));
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }

    /// <summary>`rig emulate --profile-functions`: the probe's own figures.</summary>
    public static void Write(FirmwareMeasurements measured, double clockHz)
    {
        var profile = measured.Profile!;
        Write(FunctionProfileEntries.From(profile), checked((long)profile.Cycles), clockHz);
        Console.Out.WriteLine(string.Create(Inv, $"stack high-water (emulator, lowest SP): {measured.StackHighWaterBytes:N0} B below the stack top 0x{measured.StackTop:X8} (lowest SP 0x{measured.LowestSp:X8})"));
        if (measured.RamTouchedBytes is { } touched)
            Console.Out.WriteLine(string.Create(Inv, $"SRAM written {(measured.RamCountedFromMain ? "from main() on" : "(the image has no main: from reset on)")}: {touched:N0} B; static RAM (.data + .bss) {measured.StaticRamBytes:N0} B, of it written {measured.StaticRamTouchedBytes:N0} B"));
    }

    static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Inv) : "-";
}
