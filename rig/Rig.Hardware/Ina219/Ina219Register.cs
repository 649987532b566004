namespace Rig.Hardware.Ina219;

/// <summary>Register pointer addresses (SBOS448G 8.6.1, register set summary).</summary>
public enum Ina219Register : byte
{
    /// <summary>Reset, bus range, PGA, ADC settings, mode. Power-on value 0x399F (8.6.2.1).</summary>
    Configuration = 0x00,
    /// <summary>Signed shunt voltage, 10 uV LSB (8.6.3.1).</summary>
    ShuntVoltage = 0x01,
    /// <summary>Bus voltage in bits 15..3 (4 mV LSB), CNVR bit 1, OVF bit 0 (8.6.3.2).</summary>
    BusVoltage = 0x02,
    /// <summary>Power, LSB = 20 x Current_LSB, read clears CNVR (8.6.3.3).</summary>
    Power = 0x03,
    /// <summary>Signed current, LSB = Current_LSB (8.6.3.4).</summary>
    Current = 0x04,
    /// <summary>Calibration; bit 0 is read-only zero (8.6.4.1).</summary>
    Calibration = 0x05,
}
