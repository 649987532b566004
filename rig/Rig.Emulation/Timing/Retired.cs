namespace Rig.Emulation.Timing;

/// <summary>
/// One executed instruction as the cycle model sees it. <see cref="Registers"/> is the number of
/// registers an LDM/STM/PUSH/POP/VLDM transfers; <see cref="Address"/> the first data address of a
/// load or store (for wait states); <see cref="Taken"/> whether a branch changed the PC;
/// <see cref="Operand"/> the divisor/dividend information a divide's early termination needs.
/// </summary>
public readonly record struct Retired(OpClass Class, int Registers = 0, uint Address = 0, bool Taken = false, uint Operand = 0, uint Operand2 = 0);
