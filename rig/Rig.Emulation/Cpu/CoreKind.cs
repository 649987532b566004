namespace Rig.Emulation.Cpu;

/// <summary>The two cores the profiles use (profiles/*.yaml board.core).</summary>
public enum CoreKind
{
    /// <summary>ARMv6-M: 16-bit Thumb plus BL, MRS, MSR, DMB, DSB, ISB.</summary>
    CortexM0Plus,

    /// <summary>ARMv7E-M with the single-precision FPU: Thumb-2, DSP and saturating instructions.</summary>
    CortexM4,
}
