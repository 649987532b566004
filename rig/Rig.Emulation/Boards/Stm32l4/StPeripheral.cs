using Rig.Emulation.Memory;

namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// A 32-bit register block of the STM32L476 (RM0351: every register of the blocks the port uses is
/// accessed as a word). A subclass answers the registers it models; anything else, and any byte or
/// halfword access, stops the run naming the address. Writes of values whose effect is not modelled
/// stop it too (<see cref="UnmodelledValue"/>), so a changed port never runs on a wrong model.
/// </summary>
public abstract class StPeripheral(string name, uint baseAddress) : IPeripheral
{
    /// <summary>Each block of the port has a 1 KB boundary (RM0351 2.2.2 "Memory map and register boundary addresses").</summary>
    public const uint BlockSize = 0x400;

    public string Name { get; } = name;
    public uint Base { get; } = baseAddress;

    public uint Read(uint offset, int size)
    {
        if (size != 4 || (offset & 3) != 0) throw Unmodelled(offset, write: false);
        return ReadRegister(offset) ?? throw Unmodelled(offset, write: false);
    }

    public void Write(uint offset, uint value, int size)
    {
        if (size != 4 || (offset & 3) != 0 || !WriteRegister(offset, value)) throw Unmodelled(offset, write: true);
    }

    /// <summary>The register's value; null: not modelled.</summary>
    protected abstract uint? ReadRegister(uint offset);

    /// <summary>Writes the register; false: not modelled.</summary>
    protected abstract bool WriteRegister(uint offset, uint value);

    protected UnmodelledRegisterException Unmodelled(uint offset, bool write) => new(Name, Base + offset, write);

    /// <summary>A write of a value whose effect the model does not have (the register itself is known).</summary>
    protected UnmodelledRegisterException UnmodelledValue(uint offset, uint value, string why) =>
        new($"{Name} (value 0x{value:X8}: {why})", Base + offset, write: true);
}
