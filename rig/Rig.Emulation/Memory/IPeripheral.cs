namespace Rig.Emulation.Memory;

/// <summary>
/// A register window of a modelled peripheral, at its chip address. Offsets are from the window's
/// base; <paramref name="size"/> is 1, 2 or 4 bytes. A register the model does not know must
/// throw <see cref="UnmodelledRegisterException"/> (the run stops naming address, PC, symbol
/// and the peripheral), never read as zero.
/// </summary>
public interface IPeripheral
{
    string Name { get; }
    uint Read(uint offset, int size);
    void Write(uint offset, uint value, int size);
}

public sealed class UnmodelledRegisterException(string peripheral, uint address, bool write)
    : Exception($"{peripheral}: register 0x{address:X8} is not modelled ({(write ? "write" : "read")})")
{
    public string Peripheral { get; } = peripheral;
    public uint Address { get; } = address;
    public bool IsWrite { get; } = write;
}
