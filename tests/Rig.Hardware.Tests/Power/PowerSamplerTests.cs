using Rig.Hardware.Ina219;
using Rig.Hardware.Power;
using Xunit.Abstractions;

namespace Rig.Hardware.Tests.Power;

/// <summary>The sampler against the virtual chip, with every transfer charging its I2C bus time to the fake clock.</summary>
public class PowerSamplerTests(ITestOutputHelper output)
{
    private static readonly Ina219Configuration Config12Bit = new(Ina219BusVoltageRange.Range16V, Ina219PgaGain.Div1_40mV,
        Ina219AdcSetting.Resolution12Bit, Ina219AdcSetting.Resolution12Bit, Ina219OperatingMode.ShuntAndBusContinuous);

    private static (List<PowerReading> Readings, long Conversions, double Seconds) Sample(double busHz, Ina219Configuration config, double seconds)
    {
        using var v = new VirtualChip(currentAmps: 0.01, busVolts: 3.3, shuntOhms: 1.0, busHz: busHz);
        v.Device.Configure(config);
        v.Device.Calibrate(Ina219Calibration.Create(1.0, 0.03));
        var sampler = new PowerSampler(v.Device);
        var readings = new List<PowerReading>();
        var start = v.Clock.GetTimestamp();
        var conversionsBefore = v.Chip.ConversionsCompleted;
        sampler.SampleUntil(start + (long)(seconds * v.Clock.TimestampFrequency), readings);
        var elapsed = v.Clock.GetElapsedTime(start).TotalSeconds;
        return (readings, v.Chip.ConversionsCompleted - conversionsBefore, elapsed);
    }

    [Fact]
    public void At_400_kHz_the_sampler_reads_at_least_90_percent_of_the_12_bit_conversion_rate()
    {
        var (readings, conversions, seconds) = Sample(400_000, Config12Bit, 1.0);
        var conversionRate = 1 / Config12Bit.CyclePeriod.TotalSeconds;   // 1 / 1.064 ms = 940 /s
        var samplerRate = readings.Count / seconds;
        Assert.True(samplerRate >= 0.9 * conversionRate, $"sampler {samplerRate:F1}/s vs conversions {conversionRate:F1}/s");
        output.WriteLine($"400 kHz, 12-bit shunt+bus: sampler {samplerRate:F1}/s, conversions {conversionRate:F1}/s ({samplerRate / conversionRate:P1})");
        Assert.InRange(readings.Count, conversions - 1, conversions); // no conversion missed
        Assert.All(readings, r => Assert.Equal(0.01 * 3.3, r.PowerWatts, 5));
    }

    [Theory]
    [InlineData(Ina219AdcSetting.Average2)]
    [InlineData(Ina219AdcSetting.Average128)]
    public void At_400_kHz_slower_settings_are_sampled_fully_too(Ina219AdcSetting adc)
    {
        var config = Config12Bit with { ShuntAdc = adc };
        var (readings, conversions, _) = Sample(400_000, config, 2.0);
        Assert.True(readings.Count >= 0.9 * conversions, $"{readings.Count} of {conversions}");
    }

    [Fact]
    public void At_100_kHz_the_wire_limits_the_sampler_below_the_12_bit_conversion_rate()
    {
        // Each sample needs three register reads with pointer writes: 3 x 48 bit times = 1.44 ms at 100 kHz,
        // longer than the 1.064 ms conversion cycle, so conversions are missed.
        var (readings, conversions, seconds) = Sample(100_000, Config12Bit, 1.0);
        Assert.True(readings.Count / seconds <= 1 / 1.44e-3, $"{readings.Count / seconds:F1}/s beats the wire limit");
        output.WriteLine($"100 kHz, 12-bit shunt+bus: sampler {readings.Count / seconds:F1}/s of {conversions / seconds:F1} conversions/s ({(double)readings.Count / conversions:P1})");
        Assert.True(readings.Count < 0.9 * conversions, $"{readings.Count} of {conversions}: expected the wire to cost conversions");
    }

    [Theory]
    [InlineData(100_000, Ina219AdcSetting.Resolution9Bit)]
    [InlineData(100_000, Ina219AdcSetting.Resolution12Bit)]
    [InlineData(100_000, Ina219AdcSetting.Average2)]
    [InlineData(100_000, Ina219AdcSetting.Average4)]
    [InlineData(400_000, Ina219AdcSetting.Resolution9Bit)]
    [InlineData(400_000, Ina219AdcSetting.Resolution11Bit)]
    [InlineData(400_000, Ina219AdcSetting.Resolution12Bit)]
    public void The_sampler_never_beats_the_chip_or_the_wire(double busHz, Ina219AdcSetting adc)
    {
        var config = Config12Bit with { ShuntAdc = adc, BusAdc = adc };
        var (readings, conversions, seconds) = Sample(busHz, config, 1.0);
        var wireLimit = busHz / 144;   // three 48-bit register reads per sample
        var rate = readings.Count / seconds;
        Assert.True(readings.Count <= conversions);
        Assert.True(rate <= wireLimit, $"{rate:F1}/s above the wire limit {wireLimit:F1}/s");
        if (3 * 48 / busHz + 29 / busHz < config.CyclePeriod.TotalSeconds)
            Assert.True(readings.Count >= 0.9 * conversions, $"{readings.Count} of {conversions} though the wire has time");
        output.WriteLine($"{busHz / 1e3:F0} kHz, {adc} shunt+bus (cycle {config.CyclePeriod.TotalMicroseconds:F0} us): " +
            $"{rate:F1}/s of {conversions / seconds:F1} conversions/s ({readings.Count / (double)conversions:P1})");
    }

    [Fact]
    public void Each_reading_brackets_its_conversion_end()
    {
        var (readings, _, _) = Sample(400_000, Config12Bit, 0.2);
        Assert.All(readings, r => Assert.True(r.Sample.PreviousPollTimestamp < r.Timestamp));
        for (var i = 1; i < readings.Count; i++)
            Assert.True(readings[i].Sample.PreviousPollTimestamp >= readings[i - 1].Sample.ClearedTimestamp);
    }
}
