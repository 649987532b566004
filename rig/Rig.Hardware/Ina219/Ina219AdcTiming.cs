namespace Rig.Hardware.Ina219;

/// <summary>Conversion times of the ADC settings and of a whole conversion cycle per mode.</summary>
public static class Ina219AdcTiming
{
    /// <summary>
    /// Conversion time of one ADC for a 4-bit BADC/SADC code, from the ADC settings table
    /// (SBOS448G 8.6.2.1; also 7.5 Electrical Characteristics): 84 us at 9 bits up to 68.10 ms
    /// for 128 averaged samples.
    /// </summary>
    public static TimeSpan ConversionTime(int adcCode)
    {
        if (adcCode is < 0 or > 0xF) throw new ArgumentOutOfRangeException(nameof(adcCode), adcCode, "ADC code is 4 bits");
        // Bit 3 clear: resolution in bits 1..0, bit 2 don't-care.
        var micros = (adcCode & 0x8) == 0
            ? (adcCode & 0x3) switch { 0 => 84.0, 1 => 148.0, 2 => 276.0, _ => 532.0 }
            : (adcCode & 0x7) switch
            {
                0 => 532.0, 1 => 1_060.0, 2 => 2_130.0, 3 => 4_260.0,
                4 => 8_510.0, 5 => 17_020.0, 6 => 34_050.0, _ => 68_100.0,
            };
        return TimeSpan.FromTicks((long)Math.Round(micros * 10));
    }

    public static TimeSpan ConversionTime(Ina219AdcSetting setting) => ConversionTime((int)setting);

    /// <summary>
    /// Time from one conversion-ready to the next. In shunt-and-bus modes the chip converts the shunt
    /// (SADC) then the bus (BADC) and sets CNVR after both (SBOS448G 8.3.1 and 8.6.3.2), so the cycle is the sum.
    /// </summary>
    public static TimeSpan CyclePeriod(Ina219Configuration c) => c.Mode switch
    {
        Ina219OperatingMode.ShuntTriggered or Ina219OperatingMode.ShuntContinuous => ConversionTime(c.ShuntAdc),
        Ina219OperatingMode.BusTriggered or Ina219OperatingMode.BusContinuous => ConversionTime(c.BusAdc),
        Ina219OperatingMode.ShuntAndBusTriggered or Ina219OperatingMode.ShuntAndBusContinuous =>
            ConversionTime(c.ShuntAdc) + ConversionTime(c.BusAdc),
        _ => TimeSpan.Zero,
    };
}
