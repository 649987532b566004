using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu.Thumb32;

/// <summary>
/// The ARMv7E-M 32-bit Thumb-2 encodings of the Cortex-M4 that ARMv6-M lacks, decoded with
/// switches on the halfword bits as the ARMv7-M ARM (DDI 0403E) A5.3 tables lay them out.
/// Stateless: one instance may serve any number of cores. Nothing allocates per instruction.
/// A non-branching instruction leaves <c>core.Pc</c> alone (the core advances it by 4).
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit] // as ArmCore: no stack clearing per instruction
public sealed partial class Thumb2Executor : IThumb32Executor
{
    public bool Execute(ArmCore core, ushort hw1, ushort hw2)
    {
        uint a = hw1, b = hw2;
        switch ((a >> 11) & 3)
        {
            case 1: // A5.3: op1 = 01
                if ((a & 0x400) != 0) return Coprocessor(core, a, b);
                if ((a & 0x200) != 0) return DataProcessingShiftedRegister(core, a, b);
                if ((a & 0x40) != 0) return LoadStoreDualExclusiveTable(core, a, b);
                return LoadStoreMultiple(core, a, b);
            case 2: // op1 = 10
                if ((b & 0x8000) != 0) return BranchesAndMiscControl(core, a, b);
                if ((a & 0x200) != 0) return DataProcessingPlainImmediate(core, a, b);
                return DataProcessingModifiedImmediate(core, a, b);
            case 3: // op1 = 11
            {
                uint op2 = (a >> 4) & 0x7F;
                if ((op2 & 0x40) != 0) return Coprocessor(core, a, b);
                if ((op2 & 0x60) == 0)
                {
                    if ((op2 & 1) == 0)
                        return (op2 & 0x10) == 0 && LoadStoreSingle(core, a, b); // 001xxx0: Advanced SIMD, not in ARMv7-M
                    return LoadStoreSingle(core, a, b);
                }
                if ((op2 & 0x70) == 0x20) return DataProcessingRegister(core, a, b);
                if ((op2 & 0x78) == 0x30) return Multiply(core, a, b);
                return LongMultiplyDivide(core, a, b);
            }
            default:
                return false; // a 16-bit encoding: never routed here
        }
    }

    static void RetireAlu(ArmCore core) => core.Retire(new Retired(OpClass.Alu));

    /// <summary>ConditionPassed for a condition field (A7.3.1), for B&lt;c&gt;.W which carries its own.</summary>
    internal static bool ConditionPassed(ArmCore core, uint cond)
    {
        bool result = (cond >> 1) switch
        {
            0 => core.Z,
            1 => core.C,
            2 => core.N,
            3 => core.V,
            4 => core.C && !core.Z,
            5 => core.N == core.V,
            6 => core.N == core.V && !core.Z,
            _ => true,
        };
        return (cond & 1) != 0 && cond != 0xF ? !result : result;
    }

    static void SetNz(ArmCore core, uint result)
    {
        core.N = (result >> 31) != 0;
        core.Z = result == 0;
    }
}
