namespace Rig.Emulation.Boards.Stm32l4;

/// <summary>
/// One GPIO port (RM0351 8.5 "GPIO registers"): MODER (00 input, 01 output, 10 alternate function,
/// 11 analog; ports C-H reset to all analog, 0xFFFFFFFF), OTYPER, OSPEEDR, PUPDR, ODR, BSRR (set in
/// the low half, reset in the high half; set wins), BRR, AFRL/AFRH. A pin drives its ODR level while
/// its mode is output; the marker pin's driven level goes to <see cref="MarkerChanged"/>. IDR, LCKR and
/// ASCR are not modelled (nothing outside the chip drives a pin here).
/// </summary>
public sealed class GpioPort : StPeripheral
{
    public const uint Moder = 0x00;
    public const uint Otyper = 0x04;
    public const uint Ospeedr = 0x08;
    public const uint Pupdr = 0x0C;
    public const uint Odr = 0x14;
    public const uint Bsrr = 0x18;
    public const uint Afrl = 0x20;
    public const uint Afrh = 0x24;
    public const uint Brr = 0x28;

    /// <summary>MODER reset of ports C to H: every pin analog.</summary>
    public const uint ModerResetAnalog = 0xFFFF_FFFF;
    public const uint ModeOutput = 1;

    readonly int markerPin;
    uint moder = ModerResetAnalog, otyper, ospeedr, pupdr, odr, afrl, afrh;

    /// <param name="markerPin">The pin wired to the rig's marker input, or -1.</param>
    public GpioPort(string name, uint baseAddress, int markerPin = -1) : base(name, baseAddress) => this.markerPin = markerPin;

    public event Action<bool>? MarkerChanged;

    public uint Mode(int pin) => moder >> (2 * pin) & 3;

    public uint AlternateFunction(int pin) => (pin < 8 ? afrl : afrh) >> (4 * (pin & 7)) & 0xF;

    /// <summary>The level the port drives on the pin (false unless it is an output).</summary>
    public bool Drives(int pin) => Mode(pin) == ModeOutput && (odr >> pin & 1) != 0;

    bool MarkerLevel => markerPin >= 0 && Drives(markerPin);

    protected override uint? ReadRegister(uint offset) => offset switch
    {
        Moder => moder,
        Otyper => otyper,
        Ospeedr => ospeedr,
        Pupdr => pupdr,
        Odr => odr,
        Bsrr or Brr => 0, // write-only, read as 0
        Afrl => afrl,
        Afrh => afrh,
        _ => null,
    };

    protected override bool WriteRegister(uint offset, uint value)
    {
        var marker = MarkerLevel;
        switch (offset)
        {
            case Moder: moder = value; break;
            case Otyper: otyper = value & 0xFFFF; break;
            case Ospeedr: ospeedr = value; break;
            case Pupdr: pupdr = value; break;
            case Odr: odr = value & 0xFFFF; break;
            case Bsrr: odr = (odr & ~(value >> 16)) | (value & 0xFFFF); break;
            case Brr: odr &= ~(value & 0xFFFF); break;
            case Afrl: afrl = value; break;
            case Afrh: afrh = value; break;
            default: return false;
        }
        if (markerPin >= 0 && MarkerLevel != marker) MarkerChanged?.Invoke(MarkerLevel);
        return true;
    }
}
