namespace Rig.Hardware.Ina219;

/// <summary>
/// The configuration register's fields (SBOS448G 8.6.2.1). Each field is encoded into its own bits
/// only: the SADC code goes to bits 6..3 and the BADC code to bits 10..7 (the dotnet/iot binding's
/// SADC setter wrote BADC bits; <see cref="Encode"/> cannot, and a test round-trips every field).
/// </summary>
public sealed record Ina219Configuration(
    Ina219BusVoltageRange BusRange,
    Ina219PgaGain Gain,
    Ina219AdcSetting BusAdc,
    Ina219AdcSetting ShuntAdc,
    Ina219OperatingMode Mode)
{
    /// <summary>Power-on value 0x399F: 32 V, /8, 12-bit both, shunt and bus continuous (8.6.2.1).</summary>
    public const ushort PowerOnValue = 0x399F;
    public const ushort ResetBit = 0x8000;

    public static Ina219Configuration PowerOn => Decode(PowerOnValue);

    public ushort Encode() => (ushort)(
        ((int)BusRange & 0x1) << 13 |
        ((int)Gain & 0x3) << 11 |
        ((int)BusAdc & 0xF) << 7 |
        ((int)ShuntAdc & 0xF) << 3 |
        ((int)Mode & 0x7));

    /// <summary>
    /// Reads the fields back. Resolution codes with the don't-care bit 2 set (0x4-0x7) and the
    /// plain 12-bit code 0x8 read as their canonical <see cref="Ina219AdcSetting"/>.
    /// </summary>
    public static Ina219Configuration Decode(ushort value) => new(
        (Ina219BusVoltageRange)((value >> 13) & 0x1),
        (Ina219PgaGain)((value >> 11) & 0x3),
        Canonical((value >> 7) & 0xF),
        Canonical((value >> 3) & 0xF),
        (Ina219OperatingMode)(value & 0x7));

    private static Ina219AdcSetting Canonical(int code) =>
        (code & 0x8) == 0 ? (Ina219AdcSetting)(code & 0x3) : code == 0x8 ? Ina219AdcSetting.Resolution12Bit : (Ina219AdcSetting)code;

    /// <summary>Bus full scale in volts: 16 or 32 (the pins themselves stand 26 V, 7.1).</summary>
    public double BusFullScaleVolts => BusRange == Ina219BusVoltageRange.Range16V ? 16.0 : 32.0;

    /// <summary>Shunt full scale in volts for the PGA setting: 40 mV x 2^PG.</summary>
    public double ShuntFullScaleVolts => 0.040 * (1 << (int)Gain);

    public TimeSpan CyclePeriod => Ina219AdcTiming.CyclePeriod(this);
}
