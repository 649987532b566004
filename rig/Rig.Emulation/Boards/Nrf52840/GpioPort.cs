using Rig.Emulation.Memory;

namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// One GPIO port (PS v1.7 "GPIO - General purpose input/output": P0 at 0x50000000, P1 at 0x50000300,
/// registers from offset 0x504): OUT/OUTSET/OUTCLR, DIR/DIRSET/DIRCLR and PIN_CNF[n], whose DIR bit
/// is the same state as DIR's bit n. A pin drives its OUT level while it is an output; the marker
/// pin's driven level goes to <see cref="MarkerChanged"/>. IN, LATCH and DETECTMODE are not modelled
/// (nothing outside the chip drives a pin here), nor the sense/drive fields' effects (kept as written).
/// </summary>
public sealed class GpioPort : IPeripheral
{
    /// <summary>The first register (OUT) is at 0x504 from the port's base; PIN_CNF[31] ends at 0x780.</summary>
    public const uint FirstRegister = 0x500;
    public const uint WindowSize = 0x280;

    public const uint Out = 0x504;
    public const uint OutSet = 0x508;
    public const uint OutClr = 0x50C;
    public const uint Dir = 0x514;
    public const uint DirSet = 0x518;
    public const uint DirClr = 0x51C;
    public const uint PinCnf = 0x700;

    /// <summary>PIN_CNF reset value: input, input buffer disconnected (PS GPIO registers).</summary>
    public const uint PinCnfReset = 0x0000_0002;

    readonly uint[] pinCnf = new uint[32];
    readonly int markerPin;
    uint output;

    /// <param name="markerPin">The pin wired to the rig's marker input, or -1.</param>
    public GpioPort(string name, uint baseAddress, int markerPin = -1)
    {
        Name = name;
        Base = baseAddress;
        this.markerPin = markerPin;
        Array.Fill(pinCnf, PinCnfReset);
    }

    public string Name { get; }
    public uint Base { get; }

    /// <summary>The marker pin's driven level changed.</summary>
    public event Action<bool>? MarkerChanged;

    uint Direction
    {
        get
        {
            var dir = 0u;
            for (var i = 0; i < 32; i++) dir |= (pinCnf[i] & 1) << i;
            return dir;
        }
    }

    /// <summary>The level the port drives on pin n (false while it is an input).</summary>
    public bool Drives(int pin) => ((output & Direction) >> pin & 1) != 0;

    public uint Read(uint offset, int size)
    {
        var register = offset + FirstRegister;
        if (size != 4 || (register & 3) != 0) throw Unmodelled(register, write: false);
        return register switch
        {
            Out or OutSet or OutClr => output,
            Dir or DirSet or DirClr => Direction,
            >= PinCnf and < PinCnf + 32 * 4 => pinCnf[(register - PinCnf) / 4],
            _ => throw Unmodelled(register, write: false),
        };
    }

    public void Write(uint offset, uint value, int size)
    {
        var register = offset + FirstRegister;
        if (size != 4 || (register & 3) != 0) throw Unmodelled(register, write: true);
        var marker = MarkerLevel;
        switch (register)
        {
            case Out: output = value; break;
            case OutSet: output |= value; break;
            case OutClr: output &= ~value; break;
            case Dir: SetDirection(value); break;
            case DirSet: SetDirection(Direction | value); break;
            case DirClr: SetDirection(Direction & ~value); break;
            case >= PinCnf and < PinCnf + 32 * 4: pinCnf[(register - PinCnf) / 4] = value & 0x0003_070F; break;
            default: throw Unmodelled(register, write: true);
        }
        if (markerPin >= 0 && MarkerLevel != marker) MarkerChanged?.Invoke(MarkerLevel);
    }

    bool MarkerLevel => markerPin >= 0 && Drives(markerPin);

    void SetDirection(uint dir)
    {
        for (var i = 0; i < 32; i++) pinCnf[i] = (pinCnf[i] & ~1u) | (dir >> i & 1);
    }

    UnmodelledRegisterException Unmodelled(uint register, bool write) => new(Name, Base + register, write);
}
