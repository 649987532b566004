using System.Globalization;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Tracing;

/// <summary>
/// `rig emulate --trace`: one line per instruction: instruction count, cycle counter after it,
/// PC, halfwords, encoding group, its cycles, and the symbol when it changes.
/// </summary>
public sealed class InstructionTraceWriter(TextWriter output) : IInstructionTrace
{
    string lastSymbol = "";

    public void Executed(ArmCore core, uint pc, ushort hw1, ushort hw2, bool skipped, ulong cycles)
    {
        var symbol = core.Symbols?.Find(pc)?.Name ?? "";
        var words = hw1 >= 0xE800 ? $"{hw1:X4} {hw2:X4}" : $"{hw1:X4}     ";
        var group = skipped ? "(IT condition failed)" : ThumbEncodingGroups.Name(hw1, hw2);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{core.Instructions,10} {core.Cycles,12} {pc:X8}  {words}  {group,-28} {cycles,3}"));
        if (symbol != lastSymbol)
        {
            output.Write("  <" + symbol + ">");
            lastSymbol = symbol;
        }
        output.WriteLine();
    }
}
