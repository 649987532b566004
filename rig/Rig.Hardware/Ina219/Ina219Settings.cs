namespace Rig.Hardware.Ina219;

/// <summary>BRNG, configuration bit 13 (SBOS448G 8.6.2.1).</summary>
public enum Ina219BusVoltageRange
{
    Range16V = 0,
    Range32V = 1,
}

/// <summary>PG bits 12..11: shunt full scale 40/80/160/320 mV (SBOS448G 8.6.2.1, PG bit settings table).</summary>
public enum Ina219PgaGain
{
    Div1_40mV = 0,
    Div2_80mV = 1,
    Div4_160mV = 2,
    Div8_320mV = 3,
}

/// <summary>
/// BADC (bits 10..7) and SADC (bits 6..3) codes, the same 4-bit table for both ADCs
/// (SBOS448G 8.6.2.1, ADC settings table). Codes 0x0-0x3 with bit 3 clear select resolution
/// (bit 2 is don't-care); 0x8 is 12-bit too; 0x9-0xF average 2..128 12-bit samples.
/// </summary>
public enum Ina219AdcSetting
{
    Resolution9Bit = 0x0,
    Resolution10Bit = 0x1,
    Resolution11Bit = 0x2,
    Resolution12Bit = 0x3,
    Average2 = 0x9,
    Average4 = 0xA,
    Average8 = 0xB,
    Average16 = 0xC,
    Average32 = 0xD,
    Average64 = 0xE,
    Average128 = 0xF,
}

/// <summary>MODE bits 2..0 (SBOS448G 8.6.2.1, mode settings table).</summary>
public enum Ina219OperatingMode
{
    PowerDown = 0,
    ShuntTriggered = 1,
    BusTriggered = 2,
    ShuntAndBusTriggered = 3,
    AdcOff = 4,
    ShuntContinuous = 5,
    BusContinuous = 6,
    ShuntAndBusContinuous = 7,
}
