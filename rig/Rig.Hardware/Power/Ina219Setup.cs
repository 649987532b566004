using Rig.Core.Profiles;
using Rig.Hardware.Ina219;

namespace Rig.Hardware.Power;

/// <summary>
/// The configuration and calibration a board's INA219 gets, derived once from the profile's power section:
/// bus range from the supply, the smallest PGA range holding max_current_a x shunt_ohms, 12-bit shunt and bus,
/// continuous shunt and bus mode, and Cal from the shunt and max current. Every refusal names board and address.
/// </summary>
public sealed record Ina219Setup(
    string BoardName, int Bus, int Address, double SupplyVolts,
    Ina219Configuration Configuration, Ina219Calibration Calibration)
{
    /// <summary>Absolute maximum on IN+/IN- (SBOS448G 7.1): the bus itself may not exceed 26 V.</summary>
    public const double MaxBusVolts = 26.0;

    public string Where => $"board {BoardName}: INA219 at i2c-{Bus} address 0x{Address:X2}";

    public static Ina219Setup FromProfile(BoardProfile profile, Ina219AdcSetting adc = Ina219AdcSetting.Resolution12Bit)
    {
        var ina = profile.Power.Ina219
            ?? throw new Ina219Exception($"board {profile.Name}: {profile.SourceFile}: power.ina219 is not set, so there is no INA219 to read");
        return Create(profile.Name, ina, profile.Power.SupplyVolts, adc);
    }

    public static Ina219Setup Create(string board, Ina219Section ina, double supplyVolts, Ina219AdcSetting adc = Ina219AdcSetting.Resolution12Bit)
    {
        var where = $"board {board}: INA219 at i2c-{ina.Bus} address 0x{ina.Address:X2}";
        if (supplyVolts > MaxBusVolts)
            throw new Ina219Exception($"{where}: supply_v {supplyVolts} V is above the INA219 bus range (26 V absolute maximum, 32 V full scale)");
        // 16 V range when the supply fits with 10 % headroom, else 32 V (8.6.2.1 BRNG).
        var range = supplyVolts * 1.1 <= 16 ? Ina219BusVoltageRange.Range16V : Ina219BusVoltageRange.Range32V;

        var shuntFullScale = ina.MaxCurrentAmps * ina.ShuntOhms;
        var gain = Enum.GetValues<Ina219PgaGain>().Cast<Ina219PgaGain?>()
            .FirstOrDefault(g => 0.040 * (1 << (int)g!.Value) >= shuntFullScale)
            ?? throw new Ina219Exception(
                $"{where}: max_current_a {ina.MaxCurrentAmps} A x shunt_ohms {ina.ShuntOhms} ohm = {shuntFullScale * 1e3:F1} mV " +
                "exceeds the largest PGA range, 320 mV (8.6.2.1): use a smaller shunt");

        Ina219Calibration cal;
        try
        {
            cal = Ina219Calibration.Create(ina.ShuntOhms, ina.MaxCurrentAmps);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new Ina219Exception($"{where}: {e.Message.Split(" (Parameter")[0]}");
        }
        var config = new Ina219Configuration(range, gain, adc, adc, Ina219OperatingMode.ShuntAndBusContinuous);
        return new Ina219Setup(board, ina.Bus, ina.Address, supplyVolts, config, cal);
    }

    /// <summary>Probe, reset, configure and calibrate (each step checked by reading back).</summary>
    public void Apply(Ina219Device device)
    {
        device.Probe();
        device.Reset();
        device.Configure(Configuration);
        device.Calibrate(Calibration);
    }
}
