using Rig.Core.Profiles;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;

namespace Rig.Hardware.Tests.Ina219;

public class Ina219CalibrationTests
{
    [Fact]
    public void Calibration_is_the_truncated_formula_with_the_minimum_lsb()
    {
        // 2 A max through 0.1 ohm: Current_LSB = 2 / 32768 = 61.035 uA, Cal = trunc(0.04096 / (61.035e-6 x 0.1)) = 6710.
        var cal = Ina219Calibration.Create(0.1, 2.0);
        Assert.Equal(6710, cal.Value);
        Assert.Equal(0.04096 / (6710 * 0.1), cal.CurrentLsbAmps, 15);
        Assert.Equal(20 * cal.CurrentLsbAmps, cal.PowerLsbWatts, 15);
    }

    [Fact]
    public void An_odd_result_is_rounded_down_to_even_because_bit_0_is_read_only()
    {
        // 0.04096 / (0.3 / 32768 x 1.0) = 4473.92 -> 4473 (odd) -> 4472 in the register.
        var cal = Ina219Calibration.Create(1.0, 0.3);
        Assert.Equal(4472, cal.Value);
        Assert.Equal(0.04096 / 4472, cal.CurrentLsbAmps, 15);
    }

    [Fact]
    public void A_calibration_that_overflows_16_bits_is_refused_naming_board_and_address()
    {
        // 20 mA through 1 ohm: Cal = 67108, above 0xFFFE.
        var e = Assert.Throws<Ina219Exception>(() => Ina219Setup.Create("py32f003", new Ina219Section(1, 0x40, 1.0, 0.02), 3.3));
        Assert.Contains("board py32f003", e.Message);
        Assert.Contains("0x40", e.Message);
        Assert.Contains("67108", e.Message);
        Assert.Contains("16-bit", e.Message);
    }

    [Fact]
    public void A_supply_above_the_bus_range_is_refused()
    {
        var e = Assert.Throws<Ina219Exception>(() => Ina219Setup.Create("bigboard", new Ina219Section(2, 0x45, 0.1, 1.0), 27));
        Assert.Contains("board bigboard", e.Message);
        Assert.Contains("i2c-2 address 0x45", e.Message);
        Assert.Contains("bus range", e.Message);
    }

    [Fact]
    public void A_shunt_drop_above_320_mV_is_refused()
    {
        var e = Assert.Throws<Ina219Exception>(() => Ina219Setup.Create("b", new Ina219Section(1, 0x41, 1.0, 0.5), 3.3));
        Assert.Contains("0x41", e.Message);
        Assert.Contains("320 mV", e.Message);
    }

    [Theory]
    [InlineData(0.03, Ina219PgaGain.Div1_40mV)]
    [InlineData(0.05, Ina219PgaGain.Div2_80mV)]
    [InlineData(0.15, Ina219PgaGain.Div4_160mV)]
    [InlineData(0.3, Ina219PgaGain.Div8_320mV)]
    public void Setup_picks_the_smallest_pga_range_holding_the_max_shunt_drop(double maxAmps, Ina219PgaGain gain)
    {
        var setup = Ina219Setup.Create("b", new Ina219Section(1, 0x40, 1.0, maxAmps), 3.3);
        Assert.Equal(gain, setup.Configuration.Gain);
        Assert.Equal(Ina219BusVoltageRange.Range16V, setup.Configuration.BusRange);
        Assert.Equal(Ina219BusVoltageRange.Range32V, Ina219Setup.Create("b", new Ina219Section(1, 0x40, 1.0, maxAmps), 24).Configuration.BusRange);
    }

    [Fact]
    public void Every_shipped_profile_has_a_workable_ina219()
    {
        foreach (var name in ProfileCatalog.Names())
        {
            var setup = Ina219Setup.FromProfile(ProfileCatalog.Load(name));
            Assert.InRange(setup.Calibration.Value, 2, Ina219Calibration.MaxValue);
        }
    }
}
