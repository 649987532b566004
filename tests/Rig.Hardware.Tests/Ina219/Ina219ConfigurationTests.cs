using Rig.Hardware.Ina219;

namespace Rig.Hardware.Tests.Ina219;

public class Ina219ConfigurationTests
{
    [Fact]
    public void Power_on_value_decodes_to_the_datasheet_defaults()
    {
        var c = Ina219Configuration.PowerOn;
        Assert.Equal(Ina219BusVoltageRange.Range32V, c.BusRange);
        Assert.Equal(Ina219PgaGain.Div8_320mV, c.Gain);
        Assert.Equal(Ina219AdcSetting.Resolution12Bit, c.BusAdc);
        Assert.Equal(Ina219AdcSetting.Resolution12Bit, c.ShuntAdc);
        Assert.Equal(Ina219OperatingMode.ShuntAndBusContinuous, c.Mode);
        Assert.Equal(0x399F, c.Encode());
    }

    public static TheoryData<Ina219AdcSetting> Settings() => new(Enum.GetValues<Ina219AdcSetting>());

    [Fact]
    public void Every_field_combination_round_trips_and_each_field_lands_in_its_own_bits()
    {
        foreach (var range in Enum.GetValues<Ina219BusVoltageRange>())
        foreach (var gain in Enum.GetValues<Ina219PgaGain>())
        foreach (var badc in Enum.GetValues<Ina219AdcSetting>())
        foreach (var sadc in Enum.GetValues<Ina219AdcSetting>())
        foreach (var mode in Enum.GetValues<Ina219OperatingMode>())
        {
            var c = new Ina219Configuration(range, gain, badc, sadc, mode);
            var value = c.Encode();
            Assert.Equal(c, Ina219Configuration.Decode(value));
            Assert.Equal((int)sadc, (value >> 3) & 0xF);   // SADC in bits 6..3
            Assert.Equal((int)badc, (value >> 7) & 0xF);   // BADC in bits 10..7
            Assert.Equal(0, value & 0x8000 | value & 0x4000); // never RST, never the unused bit 14
        }
    }

    [Fact]
    public void Changing_only_the_shunt_adc_changes_only_bits_6_to_3()
    {
        var a = new Ina219Configuration(Ina219BusVoltageRange.Range16V, Ina219PgaGain.Div1_40mV,
            Ina219AdcSetting.Resolution9Bit, Ina219AdcSetting.Resolution9Bit, Ina219OperatingMode.ShuntAndBusContinuous);
        foreach (var s in Enum.GetValues<Ina219AdcSetting>())
            Assert.Equal(0, (a.Encode() ^ (a with { ShuntAdc = s }).Encode()) & ~0x0078);
    }

    [Theory]
    [InlineData(0x0, 84)] [InlineData(0x1, 148)] [InlineData(0x2, 276)] [InlineData(0x3, 532)]
    [InlineData(0x4, 84)] [InlineData(0x7, 532)] // bit 2 is don't-care for the resolution codes
    [InlineData(0x8, 532)] [InlineData(0x9, 1060)] [InlineData(0xA, 2130)] [InlineData(0xB, 4260)]
    [InlineData(0xC, 8510)] [InlineData(0xD, 17020)] [InlineData(0xE, 34050)] [InlineData(0xF, 68100)]
    public void Conversion_times_follow_the_adc_settings_table(int code, int micros) =>
        Assert.Equal(TimeSpan.FromMicroseconds(micros), Ina219AdcTiming.ConversionTime(code));

    [Fact]
    public void Combined_mode_cycle_is_shunt_plus_bus_time()
    {
        var c = new Ina219Configuration(Ina219BusVoltageRange.Range16V, Ina219PgaGain.Div1_40mV,
            Ina219AdcSetting.Resolution12Bit, Ina219AdcSetting.Average128, Ina219OperatingMode.ShuntAndBusContinuous);
        Assert.Equal(TimeSpan.FromMicroseconds(68100 + 532), c.CyclePeriod);
        Assert.Equal(TimeSpan.FromMicroseconds(68100), (c with { Mode = Ina219OperatingMode.ShuntContinuous }).CyclePeriod);
        Assert.Equal(TimeSpan.FromMicroseconds(532), (c with { Mode = Ina219OperatingMode.BusContinuous }).CyclePeriod);
        Assert.Equal(TimeSpan.Zero, (c with { Mode = Ina219OperatingMode.PowerDown }).CyclePeriod);
    }
}
