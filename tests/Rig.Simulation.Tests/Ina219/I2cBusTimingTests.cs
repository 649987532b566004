using Rig.Simulation.Tests.Support;

namespace Rig.Simulation.Tests.Ina219;

/// <summary>Every transfer on the virtual chip costs the bus time the I2C framing takes, nothing more.</summary>
public class I2cBusTimingTests
{
    private static TimeSpan Elapsed(VirtualChip v, Action transfer)
    {
        var before = v.Clock.GetUtcNow();
        transfer();
        return v.Clock.GetUtcNow() - before;
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(400_000)]
    public void A_register_read_with_pointer_write_takes_48_bit_times(double hz)
    {
        using var v = new VirtualChip(busHz: hz);
        var two = new byte[2];
        Assert.Equal(TimeSpan.FromSeconds(48 / hz), Elapsed(v, () => v.Chip.WriteRead([0x01], two)));
        Assert.Equal(TimeSpan.FromSeconds(29 / hz), Elapsed(v, () => v.Chip.Read(two)));          // pointer reused
        Assert.Equal(TimeSpan.FromSeconds(38 / hz), Elapsed(v, () => v.Chip.Write([0x05, 0x10, 0x00]))); // register write
    }

    [Fact]
    public void An_absent_chip_costs_only_the_address_byte_and_a_zero_rate_bus_costs_nothing()
    {
        using var absent = new VirtualChip(busHz: 400_000, present: false);
        Assert.Equal(TimeSpan.FromSeconds(11 / 400_000.0), Elapsed(absent, () => Assert.Throws<IOException>(() => absent.Chip.Write([0x00]))));
        using var free = new VirtualChip(busHz: 0);
        Assert.Equal(TimeSpan.Zero, Elapsed(free, () => free.Chip.Write([0x05, 0x10, 0x00])));
    }
}
