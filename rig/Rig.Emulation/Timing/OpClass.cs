namespace Rig.Emulation.Timing;

/// <summary>What an executed instruction did, as far as the cycle tables of the TRMs care.</summary>
public enum OpClass
{
    /// <summary>Data processing, moves, shifts, extends, compares, bitfield, saturate: 1 cycle on both cores.</summary>
    Alu,
    /// <summary>A data-processing instruction that writes the PC (ADD PC, MOV PC): a branch.</summary>
    AluWritesPc,
    Multiply,
    MultiplyLong,
    MultiplyAccumulate,
    MultiplyAccumulateLong,
    Divide,
    Load,
    Store,
    LoadMultiple,
    StoreMultiple,
    /// <summary>POP including the PC, LDM with the PC in its list, LDR PC.</summary>
    LoadMultipleWritesPc,
    Branch,
    BranchLink,
    BranchExchange,
    BranchLinkExchange,
    CompareBranch,
    TableBranch,
    Barrier,
    Hint,
    StatusRegister,
    Supervisor,
    Breakpoint,
    Exclusive,
    Floating,
}
