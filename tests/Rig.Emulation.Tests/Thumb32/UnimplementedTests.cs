namespace Rig.Emulation.Tests.Thumb32;

/// <summary>Encodings the executor does not implement answer false (the core then stops naming them), never a silent NOP.</summary>
public class UnimplementedTests
{
    [Theory]
    [InlineData(".hword 0xE800, 0x0000")] // SRS (op = 00): not in ARMv7-M
    [InlineData(".hword 0xFB00, 0x00C0")] // multiply group with bits 7:6 = 11: unallocated
    [InlineData(".hword 0xF851, 0x0800")] // LDR imm8 with P = 0 and W = 0: unallocated
    [InlineData(".hword 0xF7F0, 0xA000")] // UDF.W: the core's
    public void Answers_false_and_the_core_stops_naming_it(string asm)
    {
        var m = new Thumb32Machine(asm);
        ushort hw1 = (ushort)m.Map.Read16(m.Core.Pc), hw2 = (ushort)m.Map.Read16(m.Core.Pc + 2);
        var before = m.Core.R.ToArray();
        Assert.False(m.Executor.Execute(m.Core, hw1, hw2));
        Assert.Equal(before, m.Core.R.ToArray());
        Assert.Equal(0ul, m.Core.Instructions);
        if (asm.Contains("0xF7F0")) return; // UDF.W is the core's: an UNDEFINED fault, not a stop for an unimplemented encoding
        var stop = m.Core.Step();
        Assert.NotNull(stop);
        Assert.Equal(Rig.Emulation.Cpu.StopReason.Unimplemented, stop.Reason);
        Assert.Equal(Thumb32Machine.CodeBase, stop.Pc);
        Assert.Contains($"{hw1:X4}", stop.Message, StringComparison.OrdinalIgnoreCase);
    }
}
