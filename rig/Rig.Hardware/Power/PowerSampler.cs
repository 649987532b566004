using Rig.Core.Seams;
using Rig.Hardware.Ina219;

namespace Rig.Hardware.Power;

/// <summary>
/// Reads every conversion the INA219 finishes, as fast as the configured conversion cycle allows:
/// poll the bus voltage register until CNVR (the pointer stays there, so repeat polls skip the pointer
/// write), read current, read power (clears CNVR). Timestamps come from the device's TimeProvider.
/// <para>
/// What the wire allows (README section to be: "INA219 sampling limits"). Bit times from I2C framing:
/// START 1, each byte 8 + ACK = 9, repeated START 1, STOP 1. A register read with a pointer write is
/// 1 + 9 (address+W) + 9 (pointer) + 1 + 9 (address+R) + 18 (two data bytes) + 1 = 48 bit times; a read
/// reusing the pointer is 29. One sample needs at least the CNVR poll, current and power, each with a
/// pointer write: 144 bit times = 1.44 ms at 100 kHz (at most 694 samples/s) and 360 us at 400 kHz (at most
/// 2778 samples/s), plus up to one 29-bit poll (290 / 72.5 us) of latency after a conversion ends.
/// Measured on the virtual clock (tests/Rig.Hardware.Tests PowerSamplerTests, shunt + bus continuous):
/// 400 kHz: 12-bit (1.064 ms cycle) 940/s of 940 conversions/s = 100 %; 11-bit (552 us) 100 %;
/// 9-bit (168 us) 2644/s of 5952 = 44 %. 100 kHz: 12-bit 582/s of 940 = 62 %; 9-bit 694/s of 5952 = 12 %;
/// 2-sample averaging (2.12 ms) and slower 100 %. So: 12-bit needs 400 kHz; at 100 kHz use averaging >= 2.
/// Kernel i2c-dev and USB-bridge latency come on top of the wire on a real host.
/// </para>
/// </summary>
public sealed class PowerSampler(Ina219Device chip, IMarkerInput? marker = null)
{
    public Ina219Device Chip => chip;

    /// <summary>Bounded wait for one conversion: four cycles plus 20 ms of slack for a slow host.</summary>
    public TimeSpan WaitLimit => chip.Configuration.CyclePeriod * 4 + TimeSpan.FromMilliseconds(20);

    private long _notBefore = long.MinValue;

    public PowerReading ReadNext()
    {
        if (_notBefore == long.MinValue) _notBefore = chip.Time.GetTimestamp();
        var sample = chip.ReadSample(WaitLimit, _notBefore);
        _notBefore = sample.ClearedTimestamp;
        return new PowerReading(sample, marker?.Read() ?? false);
    }

    /// <summary>Samples until the device's clock reaches <paramref name="endTimestamp"/> (virtual clocks advance as the bus is used).</summary>
    public void SampleUntil(long endTimestamp, ICollection<PowerReading> into, CancellationToken ct = default)
    {
        while (chip.Time.GetTimestamp() < endTimestamp)
        {
            ct.ThrowIfCancellationRequested();
            into.Add(ReadNext());
        }
    }

    /// <summary>Samples until cancelled (a background task on real hardware); returns normally on cancellation.</summary>
    public void SampleUntilCancelled(Action<PowerReading> sink, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested) sink(ReadNext());
    }
}
