using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Thumb32;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Thumb32;

/// <summary>Encodings the executor does not implement answer false (the core then stops naming them), never a silent NOP.</summary>
public class UnimplementedTests
{
    [Theory]
    [InlineData("wfi.w")] // the core's sleep
    [InlineData(".hword 0xE800, 0x0000")] // SRS (op = 00): not in ARMv7-M
    [InlineData(".hword 0xFB00, 0x00C0")] // multiply group with bits 7:6 = 11: unallocated
    [InlineData(".hword 0xF851, 0x0800")] // LDR imm8 with P = 0 and W = 0: unallocated
    [InlineData(".hword 0xF7F0, 0xA000")] // UDF.W: the core's
    public void Answers_false(string asm)
    {
        var map = new MemoryMap();
        map.AddMemory("flash", 0, 0x10000, writable: false, waitStates: 0);
        var executor = new Thumb2Executor();
        var core = new ArmCore(CoreKind.CortexM4, map, new CortexM4Timing(map), executor) { Pc = 0x1000 };
        var code = ThumbAssembler.Assemble(asm);
        ushort hw1 = BitConverter.ToUInt16(code, 0), hw2 = BitConverter.ToUInt16(code, 2);
        var before = (uint[])core.R.Clone();
        Assert.False(executor.Execute(core, hw1, hw2));
        Assert.Equal(before, core.R);
        Assert.Equal(0ul, core.Instructions);
    }
}
