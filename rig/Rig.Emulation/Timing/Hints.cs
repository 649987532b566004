namespace Rig.Emulation.Timing;

/// <summary>The hint numbers (bits 7:4 of the 16-bit hint encoding) passed as <see cref="Retired.Operand"/> of an <see cref="OpClass.Hint"/>.</summary>
public static class Hints
{
    public const uint Nop = 0, Yield = 1, Wfe = 2, Wfi = 3, Sev = 4;
}
