namespace Rig.Hardware.Ina219;

/// <summary>
/// Calibration register value and the LSBs it implies (SBOS448G 8.5.1, equations 1-3):
/// Current_LSB = max expected current / 2^15, Cal = trunc(0.04096 / (Current_LSB x Rshunt)),
/// Power_LSB = 20 x Current_LSB. Bit 0 of the register is read-only zero (8.6.4.1), so the value
/// is rounded down to even and the LSBs are recomputed from the value actually written.
/// </summary>
public sealed record Ina219Calibration(ushort Value, double ShuntOhms, double CurrentLsbAmps, double PowerLsbWatts)
{
    /// <summary>Scale constant of equation 1, fixed by the chip's internal arithmetic (8.5.1).</summary>
    public const double ScaleConstant = 0.04096;

    /// <summary>Largest value the register holds: 16 bits with bit 0 fixed at zero.</summary>
    public const int MaxValue = 0xFFFE;

    /// <summary>Power LSB over current LSB (8.5.1, equation 3).</summary>
    public const double PowerLsbRatio = 20.0;

    public static Ina219Calibration Create(double shuntOhms, double maxCurrentAmps)
    {
        if (!(shuntOhms > 0) || double.IsInfinity(shuntOhms))
            throw new ArgumentOutOfRangeException(nameof(shuntOhms), shuntOhms, "shunt resistance must be a positive number of ohms");
        if (!(maxCurrentAmps > 0) || double.IsInfinity(maxCurrentAmps))
            throw new ArgumentOutOfRangeException(nameof(maxCurrentAmps), maxCurrentAmps, "maximum expected current must be positive");
        var minimumLsb = maxCurrentAmps / 32768.0; // 8.5.1 equation 2: the current register is 15 bits + sign
        var exact = Math.Truncate(ScaleConstant / (minimumLsb * shuntOhms));
        if (exact > MaxValue)
            throw new ArgumentOutOfRangeException(nameof(shuntOhms),
                $"calibration 0.04096 / ({minimumLsb:G4} A x {shuntOhms:G4} ohm) = {exact:F0} does not fit the 16-bit calibration register (max {MaxValue}); " +
                "use a larger shunt or a larger max_current_a");
        var value = (int)exact & 0xFFFE;
        if (value == 0)
            throw new ArgumentOutOfRangeException(nameof(shuntOhms),
                $"calibration 0.04096 / ({minimumLsb:G4} A x {shuntOhms:G4} ohm) truncates to 0; the shunt is too large for max_current_a {maxCurrentAmps:G4} A");
        return FromRegister((ushort)value, shuntOhms);
    }

    /// <summary>The LSBs that follow from a register value already in the chip.</summary>
    public static Ina219Calibration FromRegister(ushort value, double shuntOhms)
    {
        var currentLsb = value == 0 ? 0 : ScaleConstant / (value * shuntOhms);
        return new Ina219Calibration(value, shuntOhms, currentLsb, currentLsb * PowerLsbRatio);
    }
}
