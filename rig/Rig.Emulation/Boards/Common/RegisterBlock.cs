using Rig.Emulation.Memory;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// A peripheral's register window at its chip address, in 32-bit registers: a model implements
/// <see cref="ReadRegister"/> and <see cref="WriteRegister"/> for the registers it knows and calls
/// <see cref="Unmodelled"/> for every other offset. Reads narrower than a word (a DMA's halfword read
/// of a data register) see the register shifted to their byte lane; narrower writes are not modelled
/// (the ports write whole words), so they stop the run naming the address like an unknown register.
/// </summary>
public abstract class RegisterBlock(string name, uint baseAddress) : IPeripheral
{
    public string Name { get; } = name;

    public uint Base { get; } = baseAddress;

    public uint Read(uint offset, int size)
    {
        var value = ReadRegister(offset & ~3u);
        if (size == 4) return value;
        var shifted = value >> (int)(8 * (offset & 3));
        return size == 2 ? shifted & 0xFFFF : shifted & 0xFF;
    }

    public void Write(uint offset, uint value, int size)
    {
        if (size != 4) throw Unmodelled(offset, write: true);
        WriteRegister(offset, value);
    }

    protected abstract uint ReadRegister(uint offset);

    protected abstract void WriteRegister(uint offset, uint value);

    /// <summary>The stop for a register this model does not know (address and peripheral named).</summary>
    protected UnmodelledRegisterException Unmodelled(uint offset, bool write) => new(Name, Base + offset, write);
}
