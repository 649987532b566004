using CsCheck;
using Rig.Hardware.Ina219;
using Rig.Simulation.Tests.Support;

namespace Rig.Simulation.Tests.Ina219;

/// <summary>Register-level behaviour of the virtual chip, read through the real driver, to the LSB.</summary>
public class VirtualIna219RegisterTests
{
    private static readonly Ina219Configuration Fast = new(Ina219BusVoltageRange.Range16V, Ina219PgaGain.Div8_320mV,
        Ina219AdcSetting.Resolution12Bit, Ina219AdcSetting.Resolution12Bit, Ina219OperatingMode.ShuntAndBusContinuous);

    [Fact]
    public void Reset_restores_power_on_values()
    {
        using var v = new VirtualChip();
        v.Device.Configure(Fast);
        v.Device.Calibrate(Ina219Calibration.Create(0.1, 1.0));
        v.Device.Reset();
        Assert.Equal(0x399F, v.Device.ReadRegister(Ina219Register.Configuration));
        Assert.Equal(0, v.Device.ReadRegister(Ina219Register.Calibration));
        Assert.Equal(0, v.Device.ReadRegister(Ina219Register.Current));
    }

    [Fact]
    public void Pointer_write_selects_the_register_later_reads_return()
    {
        using var v = new VirtualChip();
        v.Chip.Write([0x05, 0x12, 0x35]);          // calibration, bit 0 read-only zero
        v.Chip.Write([0x00]);                      // pointer only
        Span<byte> two = stackalloc byte[2];
        v.Chip.Read(two);
        Assert.Equal(new byte[] { 0x39, 0x9F }, two.ToArray());
        v.Chip.Write([0x05]);
        v.Chip.Read(two);
        Assert.Equal(new byte[] { 0x12, 0x34 }, two.ToArray());
        v.Chip.Read(two);                          // pointer is kept between reads
        Assert.Equal(new byte[] { 0x12, 0x34 }, two.ToArray());
    }

    [Fact]
    public void Writes_to_read_only_registers_are_ignored_and_unknown_pointers_nak()
    {
        using var v = new VirtualChip();
        v.Chip.Write([0x04, 0x7F, 0xFF]);
        Assert.Equal(0, v.Device.ReadRegister(Ina219Register.Current));
        Assert.Throws<IOException>(() => v.Chip.Write([0x06]));
    }

    [Theory]
    [InlineData(0.01234, 1234)]
    [InlineData(-0.00567, -567)]
    [InlineData(0.0, 0)]
    [InlineData(-0.32, -32000)]
    [InlineData(0.000004, 0)]
    [InlineData(0.000006, 1)]
    public void Shunt_voltage_is_signed_with_a_10_uV_lsb(double shuntVolts, short counts)
    {
        using var v = new VirtualChip(currentAmps: shuntVolts / 0.1, shuntOhms: 0.1);
        v.Start(Fast, Ina219Calibration.Create(0.1, 3.5));
        Assert.Equal(counts, v.Device.ReadShuntCounts());
        Assert.Equal(unchecked((ushort)counts), v.Device.ReadRegister(Ina219Register.ShuntVoltage));
        Assert.Equal(counts * 10e-6, v.Device.ReadShuntVolts(), 12);
    }

    [Fact]
    public void Shunt_voltage_saturates_at_the_pga_range()
    {
        using var v = new VirtualChip(currentAmps: 1.0, shuntOhms: 0.1);  // 100 mV, above the /1 range of 40 mV
        v.Start(Fast with { Gain = Ina219PgaGain.Div1_40mV }, Ina219Calibration.Create(0.1, 0.4));
        Assert.Equal(4000, v.Device.ReadShuntCounts());
    }

    [Theory]
    [InlineData(3.3, 825)]
    [InlineData(5.0, 1250)]
    [InlineData(20.0, 5000)]  // bit 15 of the register set: must not read negative
    [InlineData(31.996, 7999)]
    public void Bus_voltage_uses_bits_15_to_3_at_4_mV(double volts, int counts)
    {
        using var v = new VirtualChip(currentAmps: 0.001, busVolts: volts);
        v.Start(Fast with { BusRange = Ina219BusVoltageRange.Range32V }, Ina219Calibration.Create(0.1, 1.0));
        var bus = v.Device.ReadBusVoltage();
        Assert.Equal(counts, bus.Counts);
        Assert.Equal(counts << 3 | 0x2, bus.Raw); // CNVR set, OVF clear
        Assert.Equal(counts * 0.004, bus.Volts, 9);
        Assert.True(bus.Volts > 0);
    }

    [Theory]
    [InlineData(0.2, 1.0)]
    [InlineData(-0.2, 1.0)]
    [InlineData(-0.0123, 0.25)]
    [InlineData(0.0004, 0.3)]
    public void Current_and_power_registers_follow_the_chip_arithmetic_with_signs(double amps, double maxAmps)
    {
        using var v = new VirtualChip(currentAmps: amps, busVolts: 5.0, shuntOhms: 0.1);
        var cal = Ina219Calibration.Create(0.1, maxAmps);
        v.Start(Fast, cal);
        var shunt = v.Device.ReadShuntCounts();
        var expectedShunt = (short)Math.Round(amps * 0.1 / 10e-6, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedShunt, shunt);
        // Current = Shunt x Cal / 4096, Power = |Current| x Bus / 5000 (SBOS448G 8.5.1), integer truncation.
        var current = (short)(shunt * cal.Value / 4096);
        Assert.Equal(current, v.Device.ReadCurrentCounts());
        Assert.Equal(Math.Sign(amps), Math.Sign(v.Device.ReadCurrentAmps()));
        Assert.Equal(current * cal.CurrentLsbAmps, v.Device.ReadCurrentAmps(), 12);
        var power = (ushort)(Math.Abs(current) * 1250 / 5000);
        Assert.Equal(power, v.Device.ReadRegister(Ina219Register.Power));
        Assert.Equal(power * cal.PowerLsbWatts, v.Device.ReadPowerWatts(), 12);
    }

    [Fact]
    public void Current_reading_is_within_one_lsb_plus_half_a_shunt_lsb_of_the_truth_for_any_current()
    {
        Gen.Select(Gen.Double[-0.3, 0.3], Gen.Double[0.35, 3.0]).Sample((amps, maxAmps) =>
        {
            using var v = new VirtualChip(currentAmps: amps, busVolts: 12, shuntOhms: 0.1);
            var cal = Ina219Calibration.Create(0.1, maxAmps);
            v.Start(Fast, cal);
            var error = Math.Abs(v.Device.ReadCurrentAmps() - amps);
            return error <= cal.CurrentLsbAmps + 5e-6 / 0.1 + 1e-12;
        }, iter: 300);
    }

    [Fact]
    public void Overflow_sets_ovf_and_the_sample_read_refuses_it_naming_board_and_address()
    {
        // 0.5 A with Cal from 0.25 A max: current would be 2 x 32768 counts.
        using var v = new VirtualChip(currentAmps: 0.5, shuntOhms: 0.1, address: 0x44, board: "nrf52840");
        v.Start(Fast, Ina219Calibration.Create(0.1, 0.25));
        var bus = v.Device.ReadBusVoltage();
        Assert.True(bus.MathOverflow);
        Assert.Equal(short.MaxValue, v.Device.ReadCurrentCounts());
        v.Clock.Advance(Fast.CyclePeriod);
        var e = Assert.Throws<Ina219OverflowException>(() => v.Device.ReadSample(TimeSpan.FromMilliseconds(10), v.Clock.GetTimestamp()));
        Assert.Contains("board nrf52840", e.Message);
        Assert.Contains("0x44", e.Message);
        Assert.Contains("OVF", e.Message);
    }

    [Fact]
    public void Ovf_clears_when_the_current_is_back_in_range()
    {
        using var v = new VirtualChip(currentAmps: 0.5, shuntOhms: 0.1);
        v.Start(Fast, Ina219Calibration.Create(0.1, 0.25));
        Assert.True(v.Device.ReadBusVoltage().MathOverflow);
        v.Inputs.CurrentAmps = 0.05;
        v.Clock.Advance(Fast.CyclePeriod);
        Assert.False(v.Device.ReadBusVoltage().MathOverflow);
    }

    [Theory]
    [InlineData(Ina219AdcSetting.Resolution9Bit, 84)]
    [InlineData(Ina219AdcSetting.Resolution10Bit, 148)]
    [InlineData(Ina219AdcSetting.Resolution11Bit, 276)]
    [InlineData(Ina219AdcSetting.Resolution12Bit, 532)]
    [InlineData(Ina219AdcSetting.Average2, 1060)]
    [InlineData(Ina219AdcSetting.Average16, 8510)]
    [InlineData(Ina219AdcSetting.Average128, 68100)]
    public void Cnvr_sets_exactly_when_the_conversion_ends_and_reading_power_clears_it(Ina219AdcSetting adc, int micros)
    {
        using var v = new VirtualChip(currentAmps: 0.01);
        v.Device.Calibrate(Ina219Calibration.Create(0.1, 1.0));
        v.Device.Configure(Fast with { ShuntAdc = adc, Mode = Ina219OperatingMode.ShuntContinuous });
        var conversion = TimeSpan.FromMicroseconds(micros);
        v.Clock.Advance(conversion - TimeSpan.FromTicks(1));
        Assert.False(v.Device.ReadBusVoltage().ConversionReady);
        Assert.Equal(0, v.Device.ReadShuntCounts()); // nothing converted yet
        v.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(v.Device.ReadBusVoltage().ConversionReady);
        Assert.Equal(100, v.Device.ReadShuntCounts());
        Assert.True(v.Device.ReadBusVoltage().ConversionReady);  // other reads leave it set
        v.Device.ReadPowerWatts();
        Assert.False(v.Device.ReadBusVoltage().ConversionReady);
        v.Clock.Advance(conversion);
        Assert.True(v.Device.ReadBusVoltage().ConversionReady);  // continuous: the next one comes
    }

    [Fact]
    public void Triggered_mode_converts_once()
    {
        using var v = new VirtualChip(currentAmps: 0.01);
        v.Device.Calibrate(Ina219Calibration.Create(0.1, 1.0));
        v.Device.Configure(Fast with { Mode = Ina219OperatingMode.ShuntAndBusTriggered });
        v.Clock.Advance(Fast.CyclePeriod);
        Assert.True(v.Device.ReadBusVoltage().ConversionReady);
        v.Device.ReadPowerWatts();
        v.Clock.Advance(Fast.CyclePeriod * 5);
        Assert.False(v.Device.ReadBusVoltage().ConversionReady);
    }

    [Fact]
    public void Conversions_integrate_the_current_over_the_conversion_time()
    {
        using var v = new VirtualChip(currentAmps: 0.01);
        v.Device.Calibrate(Ina219Calibration.Create(0.1, 1.0));
        v.Device.Configure(Fast with { Mode = Ina219OperatingMode.ShuntContinuous });
        v.Clock.Advance(TimeSpan.FromMicroseconds(532));
        Assert.Equal(100, v.Device.ReadShuntCounts());
        v.Inputs.CurrentAmps = -0.02;
        v.Clock.Advance(TimeSpan.FromMicroseconds(532));
        Assert.Equal(-200, v.Device.ReadShuntCounts());
    }

    [Fact]
    public void Waiting_for_conversion_is_bounded_when_nothing_converts()
    {
        using var v = new VirtualChip(busHz: 400_000, board: "stm32l4", address: 0x45);
        v.Device.Calibrate(Ina219Calibration.Create(0.1, 1.0));
        v.Device.Configure(Fast with { Mode = Ina219OperatingMode.PowerDown });
        var e = Assert.Throws<Ina219Exception>(() => v.Device.WaitForConversion(TimeSpan.FromMilliseconds(5), v.Clock.GetTimestamp()));
        Assert.Contains("CNVR", e.Message);
        Assert.Contains("0x45", e.Message);
        Assert.InRange(v.Clock.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(6));
    }

    [Fact]
    public void Missing_device_is_reported_by_board_bus_and_address()
    {
        using var v = new VirtualChip(present: false, address: 0x41, board: "rp2040");
        var e = Assert.Throws<Ina219Exception>(() => v.Device.Probe());
        Assert.Contains("board rp2040: INA219 at i2c-1 address 0x41: no device answers", e.Message);
    }

    [Fact]
    public void A_bus_that_starts_nacking_is_reported_with_the_register()
    {
        using var v = new VirtualChip(currentAmps: 0.01, board: "py32f003");
        v.Start(Fast, Ina219Calibration.Create(0.1, 1.0));
        v.Chip.Nak = true;
        var e = Assert.Throws<Ina219Exception>(() => v.Device.ReadCurrentAmps());
        Assert.Contains("board py32f003", e.Message);
        Assert.Contains("0x40", e.Message);
        Assert.Contains("Current", e.Message);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public void A_bus_voltage_at_full_scale_is_reported_as_a_supply_above_the_range()
    {
        using var v = new VirtualChip(currentAmps: 0.01, busVolts: 20, board: "b");
        v.Start(Fast with { BusRange = Ina219BusVoltageRange.Range16V }, Ina219Calibration.Create(0.1, 1.0));
        var e = Assert.Throws<Ina219Exception>(() => v.Device.ReadSample(TimeSpan.FromMilliseconds(10), 0));
        Assert.Contains("above the bus range", e.Message);
        Assert.Contains("0x40", e.Message);
    }
}
