using Microsoft.Extensions.Time.Testing;
using Rig.Hardware.Ina219;
using Rig.Simulation.Ina219;

namespace Rig.Simulation.Tests.Ina219;

/// <summary>
/// The virtual chip spoken to byte by byte, without the driver: the register pointer, byte order,
/// CNVR set and cleared on the datasheet's events (SBOS448G 8.6.3.2), conversion timing per mode
/// (8.3.1), and the bus time each transfer takes.
/// </summary>
public class VirtualIna219BusTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Shunt 12-bit (532 us) then bus 9-bit (84 us), /8, 16 V, continuous: CNVR every 616 us.</summary>
    private static readonly ushort ShuntThenBus = new Ina219Configuration(Ina219BusVoltageRange.Range16V, Ina219PgaGain.Div8_320mV,
        Ina219AdcSetting.Resolution9Bit, Ina219AdcSetting.Resolution12Bit, Ina219OperatingMode.ShuntAndBusContinuous).Encode();

    private sealed class Bench
    {
        public FakeTimeProvider Clock { get; } = new(Origin);
        public VirtualIna219 Chip { get; }

        public Bench(IIna219Inputs? inputs = null, VirtualIna219Options? options = null) =>
            Chip = new VirtualIna219(Clock, inputs ?? new SteadyInputs(0.01, 3.3), options ?? new VirtualIna219Options { I2cBusHz = 0 });

        public void WriteRegister(Ina219Register register, ushort value) => Chip.Write([(byte)register, (byte)(value >> 8), (byte)value]);

        public ushort ReadRegister(Ina219Register register)
        {
            Span<byte> two = stackalloc byte[2];
            Chip.WriteRead([(byte)register], two);
            return (ushort)(two[0] << 8 | two[1]);
        }

        public bool ConversionReady => (ReadRegister(Ina219Register.BusVoltage) & 0x2) != 0;
    }

    /// <summary>Records the intervals the chip integrates its inputs over.</summary>
    private sealed class RecordingInputs : IIna219Inputs
    {
        public List<(double From, double To)> Shunt { get; } = [];
        public List<(double From, double To)> Bus { get; } = [];
        public double MeanCurrentAmps(double fromSeconds, double toSeconds) { Shunt.Add((fromSeconds, toSeconds)); return 0.01; }
        public double MeanBusVolts(double fromSeconds, double toSeconds) { Bus.Add((fromSeconds, toSeconds)); return 5.0; }
    }

    [Fact]
    public void Registers_go_out_msb_first_and_a_one_byte_read_gets_the_msb()
    {
        var b = new Bench();
        b.WriteRegister(Ina219Register.Calibration, 0xABCD);
        Assert.Equal(0xABCC, b.ReadRegister(Ina219Register.Calibration)); // bit 0 reads zero (8.6.4.1)
        Span<byte> one = stackalloc byte[1];
        b.Chip.Read(one);                                                  // pointer still at calibration
        Assert.Equal(0xAB, one[0]);
        Assert.Equal(0xAB, b.Chip.ReadByte());
    }

    [Fact]
    public void The_pointer_set_by_a_write_read_stays_for_plain_reads_until_the_next_pointer_write()
    {
        var b = new Bench();
        b.WriteRegister(Ina219Register.Calibration, 0x1000);
        Assert.Equal(Ina219Configuration.PowerOnValue, b.ReadRegister(Ina219Register.Configuration));
        Span<byte> two = stackalloc byte[2];
        b.Chip.Read(two);
        Assert.Equal(new byte[] { 0x39, 0x9F }, two.ToArray());
        b.Chip.WriteByte((byte)Ina219Register.Calibration);
        b.Chip.Read(two);
        Assert.Equal(new byte[] { 0x10, 0x00 }, two.ToArray());
    }

    [Fact]
    public void Frames_the_chip_does_not_take_are_naked()
    {
        var b = new Bench();
        Assert.Throws<IOException>(() => b.Chip.Write([0x05, 0x12]));          // pointer + one data byte
        Assert.Throws<IOException>(() => b.Chip.Write([0x05, 0x12, 0x34, 0x56]));
        Assert.Throws<IOException>(() => b.Chip.WriteRead([0x00], new byte[3]));  // registers are 2 bytes
        Assert.Throws<IOException>(() => b.Chip.Write([0x06]));                 // no register 6
        Assert.Equal(Ina219Configuration.PowerOnValue, b.ReadRegister(Ina219Register.Configuration));
    }

    [Fact]
    public void Cnvr_sets_after_shunt_plus_bus_conversion_time_in_the_combined_mode()
    {
        var b = new Bench();
        b.WriteRegister(Ina219Register.Configuration, ShuntThenBus);
        b.Clock.Advance(TimeSpan.FromMicroseconds(616) - TimeSpan.FromTicks(1));
        Assert.False(b.ConversionReady);
        b.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(b.ConversionReady);
        Assert.Equal(1, b.Chip.ConversionsCompleted);
        b.Clock.Advance(TimeSpan.FromMicroseconds(616 * 9.5));
        Assert.Equal(10, b.Chip.ConversionsCompleted);
    }

    [Fact]
    public void The_shunt_is_integrated_first_then_the_bus_over_their_own_conversion_times()
    {
        var inputs = new RecordingInputs();
        var b = new Bench(inputs);
        b.Clock.Advance(TimeSpan.FromMilliseconds(3));  // configured later than the chip's origin
        b.WriteRegister(Ina219Register.Configuration, ShuntThenBus);
        inputs.Shunt.Clear();                           // conversions of the power-on configuration before the write
        inputs.Bus.Clear();
        b.Clock.Advance(TimeSpan.FromMicroseconds(616));
        b.ReadRegister(Ina219Register.ShuntVoltage);
        var shunt = Assert.Single(inputs.Shunt);
        var bus = Assert.Single(inputs.Bus);
        // To the 100 ns tick, although the fake clock's stamps (ticks since year 1) are far beyond a double's integer range.
        Assert.Equal(0.003, shunt.From, 1e-8);
        Assert.Equal(0.003 + 532e-6, shunt.To, 1e-8);
        Assert.Equal(0.003 + 532e-6, bus.From, 1e-8);
        Assert.Equal(0.003 + 616e-6, bus.To, 1e-8);
        Assert.Equal(1250, b.ReadRegister(Ina219Register.BusVoltage) >> 3); // 5 V at 4 mV
    }

    [Fact]
    public void Only_a_full_read_of_power_or_a_configuration_write_clears_cnvr_and_a_write_restarts_the_cycle()
    {
        var b = new Bench();
        b.WriteRegister(Ina219Register.Calibration, 4096);
        b.WriteRegister(Ina219Register.Configuration, ShuntThenBus);
        b.Clock.Advance(TimeSpan.FromMicroseconds(616));
        foreach (var other in new[] { Ina219Register.ShuntVoltage, Ina219Register.Current, Ina219Register.Calibration, Ina219Register.Configuration })
        {
            b.ReadRegister(other);
            Assert.True(b.ConversionReady, $"reading {other} must leave CNVR set");
        }
        b.ReadRegister(Ina219Register.Power);
        Assert.False(b.ConversionReady);

        b.Clock.Advance(TimeSpan.FromMicroseconds(616 + 300));  // ready again, 300 us into the next cycle
        Assert.True(b.ConversionReady);
        b.WriteRegister(Ina219Register.Configuration, ShuntThenBus);
        Assert.False(b.ConversionReady);
        b.Clock.Advance(TimeSpan.FromMicroseconds(616) - TimeSpan.FromTicks(1)); // a full cycle from the write, not from the old epoch
        Assert.False(b.ConversionReady);
        b.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(b.ConversionReady);
    }

    [Theory]
    [InlineData(Ina219OperatingMode.PowerDown)]
    [InlineData(Ina219OperatingMode.AdcOff)]
    public void Power_down_and_adc_off_never_convert(Ina219OperatingMode mode)
    {
        var b = new Bench();
        b.WriteRegister(Ina219Register.Configuration, (ushort)((ShuntThenBus & ~0x7) | (int)mode));
        b.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(b.ConversionReady);
        Assert.Equal(0, b.Chip.ConversionsCompleted);
        Assert.Equal(0, b.ReadRegister(Ina219Register.ShuntVoltage));
    }

    [Fact]
    public void The_reset_bit_restores_power_on_values_and_restarts_conversion()
    {
        var b = new Bench();
        b.WriteRegister(Ina219Register.Calibration, 0x2000);
        b.WriteRegister(Ina219Register.Configuration, ShuntThenBus);
        b.Clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(b.ConversionReady);
        b.WriteRegister(Ina219Register.Configuration, Ina219Configuration.ResetBit);
        Assert.Equal(Ina219Configuration.PowerOnValue, b.ReadRegister(Ina219Register.Configuration));
        Assert.Equal(0, b.ReadRegister(Ina219Register.Calibration));
        Assert.Equal(0, b.ReadRegister(Ina219Register.ShuntVoltage));
        Assert.False(b.ConversionReady);
        b.Clock.Advance(Ina219Configuration.PowerOn.CyclePeriod);  // 12-bit + 12-bit = 1064 us
        Assert.True(b.ConversionReady);
    }

    [Fact]
    public void A_16_V_range_reads_at_most_4000_counts_of_bus_voltage()
    {
        var b = new Bench(new SteadyInputs(0.01, 20.0));
        b.WriteRegister(Ina219Register.Configuration, ShuntThenBus);
        b.Clock.Advance(TimeSpan.FromMicroseconds(616));
        Assert.Equal(4000, b.ReadRegister(Ina219Register.BusVoltage) >> 3);
    }

    [Theory]
    [InlineData(100_000, 480, 380, 290)]
    [InlineData(400_000, 120, 95, 72.5)]
    public void Each_transfer_moves_the_clock_by_its_bus_time(double busHz, double writeReadMicros, double writeMicros, double readMicros)
    {
        var clock = new FakeTimeProvider(Origin);
        var chip = new VirtualIna219(clock, new SteadyInputs(0, 3.3), new VirtualIna219Options { I2cBusHz = busHz, AdvanceClock = clock.Advance });
        TimeSpan Took(Action transfer)
        {
            var before = clock.GetUtcNow();
            transfer();
            return clock.GetUtcNow() - before;
        }
        Assert.Equal(TimeSpan.FromMicroseconds(writeReadMicros), Took(() => chip.WriteRead([0x02], new byte[2])));
        Assert.Equal(TimeSpan.FromMicroseconds(writeMicros), Took(() => chip.Write([0x05, 0x10, 0x00])));
        Assert.Equal(TimeSpan.FromMicroseconds(readMicros), Took(() => chip.Read(new byte[2])));
        Assert.Equal(3, chip.Transfers);
        chip.Nak = true;                                                  // a NAK ends after the address byte: 11 bit times
        Assert.Equal(I2cBusTiming.Duration(11, busHz), Took(() => Assert.Throws<IOException>(() => chip.Read(new byte[2]))));
    }

    [Fact]
    public void An_absent_chip_naks_every_transfer_naming_bus_and_address()
    {
        var b = new Bench(options: new VirtualIna219Options { BusId = 3, Address = 0x4A, Present = false, I2cBusHz = 0 });
        foreach (var transfer in new Action[] { () => b.Chip.Write([0x00]), () => b.Chip.Read(new byte[2]), () => b.Chip.WriteRead([0x00], new byte[2]) })
        {
            var e = Assert.Throws<IOException>(transfer);
            Assert.Contains("0x4A", e.Message);
            Assert.Contains("i2c-3", e.Message);
        }
        Assert.Equal(3, b.Chip.ConnectionSettings.BusId);
        Assert.Equal(0x4A, b.Chip.ConnectionSettings.DeviceAddress);
    }

    [Theory]
    [InlineData(1, 2, 48)]
    [InlineData(1, 0, 30)]
    [InlineData(0, 2, 39)]
    public void Write_read_bit_times_count_start_bytes_with_ack_repeated_start_and_stop(int written, int read, int bits)
    {
        Assert.Equal(bits, I2cBusTiming.WriteReadBits(written, read));
        Assert.Equal(29, I2cBusTiming.ReadBits(2));
        Assert.Equal(38, I2cBusTiming.WriteBits(3));
        Assert.Equal(TimeSpan.FromMicroseconds(480), I2cBusTiming.Duration(48, 100_000));
        Assert.Equal(TimeSpan.Zero, I2cBusTiming.Duration(48, 0));
    }
}
