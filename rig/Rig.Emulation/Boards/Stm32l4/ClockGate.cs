using Rig.Emulation.Memory;

namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// A peripheral behind its RCC clock enable bit (RM0351 6.2 "Clocks": a peripheral whose clock is off
/// ignores writes and reads as 0). Firmware that touches one with its clock off would hang on the
/// real chip; here the access stops the run naming the enable bit instead.
/// </summary>
public sealed class ClockGate(IPeripheral inner, uint baseAddress, Func<bool> enabled, string enableBit) : IPeripheral
{
    public string Name => inner.Name;

    public uint Read(uint offset, int size) =>
        enabled() ? inner.Read(offset, size) : throw Off(offset, write: false);

    public void Write(uint offset, uint value, int size)
    {
        if (!enabled()) throw Off(offset, write: true);
        inner.Write(offset, value, size);
    }

    UnmodelledRegisterException Off(uint offset, bool write) =>
        new($"{inner.Name} (its clock is off: {enableBit} = 0)", baseAddress + offset, write);
}
