using System.Device;
using System.Device.I2c;
using Rig.Hardware.Ina219;

namespace Rig.Simulation.Ina219;

/// <summary>
/// A register-level INA219 behind the real <see cref="I2cDevice"/> seam. It keeps the register file and
/// the register pointer (a one-byte write sets it, a three-byte write sets it and writes the register, reads
/// return the register it points at, MSB first; SBOS448G 8.5.6), converts on the timing of the ADC settings
/// (84 us at 9 bits to 68.10 ms at 128 samples; shunt then bus in the combined modes, 8.3.1), integrates its
/// <see cref="IIna219Inputs"/> over each conversion interval, computes current = shunt x Cal / 4096 and
/// power = |current| x bus / 5000 (8.5.1) with OVF when either leaves its register, sets CNVR at the end of
/// each conversion and clears it when power is read or the configuration is written (8.6.3.2).
/// Time comes from a <see cref="TimeProvider"/>; each transfer can charge its bus time to a virtual clock.
/// Simplification: the 9- to 11-bit settings change conversion time only; the register LSB stays 10 uV.
/// </summary>
public sealed class VirtualIna219 : I2cDevice
{
    private const int Eremoteio = 121; // Linux errno for a NAK on i2c-dev

    private readonly TimeProvider _clock;
    private readonly IIna219Inputs _inputs;
    private readonly VirtualIna219Options _options;
    private readonly long _origin;
    private readonly I2cConnectionSettings _settings;

    private byte _pointer;
    private ushort _configuration;
    private ushort _calibration;
    private short _shunt;
    private int _busCounts;
    private short _current;
    private ushort _power;
    private bool _conversionReady;
    private bool _overflow;
    private long _conversionEpoch;
    private long _conversionsApplied;

    public VirtualIna219(TimeProvider clock, IIna219Inputs inputs, VirtualIna219Options? options = null)
    {
        _clock = clock;
        _inputs = inputs;
        _options = options ?? new VirtualIna219Options();
        _settings = new I2cConnectionSettings(_options.BusId, _options.Address);
        _origin = clock.GetTimestamp();
        PowerOnReset();
    }

    public override I2cConnectionSettings ConnectionSettings => _settings;

    /// <summary>The clock's timestamp the inputs' seconds count from.</summary>
    public long OriginTimestamp => _origin;

    /// <summary>Fault injection: while true every transfer is NAKed (a bus that stopped answering).</summary>
    public bool Nak { get; set; }

    /// <summary>Transfers so far (for tests and the sampler benchmark).</summary>
    public long Transfers { get; private set; }

    /// <summary>Conversions the chip has completed so far.</summary>
    public long ConversionsCompleted { get { CatchUp(); return _conversionsApplied; } }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        Charge(I2cBusTiming.ReadBits(buffer.Length));
        ReadRegisterInto(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Charge(I2cBusTiming.WriteBits(buffer.Length));
        WriteFrame(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Charge(I2cBusTiming.WriteReadBits(writeBuffer.Length, readBuffer.Length));
        WriteFrame(writeBuffer);
        ReadRegisterInto(readBuffer);
    }

    private void Charge(int bits)
    {
        Transfers++;
        if (_options.NakAfterTransfers > 0 && Transfers > _options.NakAfterTransfers) Nak = true;
        if (_options.AdvanceClock is { } advance && _options.I2cBusHz > 0)
            advance(I2cBusTiming.Duration(Nak || !_options.Present ? I2cBusTiming.ReadBits(0) : bits, _options.I2cBusHz));
        if (!_options.Present || Nak)
            throw new IOException($"Error {Eremoteio} performing I2C data transfer: no acknowledge from address 0x{_options.Address:X2} on i2c-{_options.BusId}");
    }

    private void WriteFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.Length is not (1 or 3))
            throw new IOException($"Error {Eremoteio} performing I2C data transfer: INA219 takes a pointer byte or pointer + 2 data bytes, got {frame.Length} bytes");
        if (frame[0] > (byte)Ina219Register.Calibration)
            throw new IOException($"Error {Eremoteio} performing I2C data transfer: pointer 0x{frame[0]:X2} names no INA219 register");
        _pointer = frame[0];
        if (frame.Length == 1) return;
        var value = (ushort)(frame[1] << 8 | frame[2]);
        CatchUp();
        switch ((Ina219Register)_pointer)
        {
            case Ina219Register.Configuration:
                if ((value & Ina219Configuration.ResetBit) != 0) PowerOnReset();
                else { _configuration = value; RestartConversions(); }
                break;
            case Ina219Register.Calibration:
                _calibration = (ushort)(value & 0xFFFE); // bit 0 is read-only zero (8.6.4.1)
                break;
            default:
                break; // data output registers are read-only; the chip acknowledges and ignores the write
        }
    }

    private void ReadRegisterInto(Span<byte> buffer)
    {
        if (buffer.Length is < 1 or > 2)
            throw new IOException($"Error {Eremoteio} performing I2C data transfer: INA219 registers are 2 bytes, {buffer.Length} requested");
        CatchUp();
        var value = RegisterValue((Ina219Register)_pointer);
        buffer[0] = (byte)(value >> 8);
        if (buffer.Length == 2)
        {
            buffer[1] = (byte)value;
            if ((Ina219Register)_pointer == Ina219Register.Power) _conversionReady = false; // 8.6.3.2
        }
    }

    private ushort RegisterValue(Ina219Register register) => register switch
    {
        Ina219Register.Configuration => _configuration,
        Ina219Register.ShuntVoltage => unchecked((ushort)_shunt),
        Ina219Register.BusVoltage => (ushort)(_busCounts << 3 | (_conversionReady ? 0x2 : 0) | (_overflow ? 0x1 : 0)),
        Ina219Register.Power => _power,
        Ina219Register.Current => unchecked((ushort)_current),
        Ina219Register.Calibration => _calibration,
        _ => 0,
    };

    private void PowerOnReset()
    {
        _configuration = Ina219Configuration.PowerOnValue;
        _calibration = 0;
        _shunt = 0;
        _busCounts = 0;
        _current = 0;
        _power = 0;
        _overflow = false;
        RestartConversions();
    }

    /// <summary>Writing the configuration aborts the conversion under way and starts over; CNVR clears.</summary>
    private void RestartConversions()
    {
        _conversionEpoch = _clock.GetTimestamp();
        _conversionsApplied = 0;
        _conversionReady = false;
    }

    /// <summary>Applies the newest conversion finished by now (the registers only ever hold the latest).</summary>
    private void CatchUp()
    {
        var config = Ina219Configuration.Decode(_configuration);
        var period = config.CyclePeriod;
        if (period <= TimeSpan.Zero) return; // power-down or ADC off
        var periodStamps = period.TotalSeconds * _clock.TimestampFrequency;
        var finished = (long)Math.Floor((_clock.GetTimestamp() - _conversionEpoch) / periodStamps);
        var triggered = config.Mode is Ina219OperatingMode.ShuntTriggered or Ina219OperatingMode.BusTriggered or Ina219OperatingMode.ShuntAndBusTriggered;
        if (triggered) finished = Math.Min(finished, 1);
        if (finished <= _conversionsApplied) return;
        Convert(config, finished, periodStamps);
        _conversionsApplied = finished;
    }

    private void Convert(Ina219Configuration config, long index, double periodStamps)
    {
        var start = Seconds(_conversionEpoch - _origin, (index - 1) * periodStamps);
        var shuntTime = Ina219AdcTiming.ConversionTime(config.ShuntAdc).TotalSeconds;
        var busTime = Ina219AdcTiming.ConversionTime(config.BusAdc).TotalSeconds;
        var measuresShunt = config.Mode is Ina219OperatingMode.ShuntTriggered or Ina219OperatingMode.ShuntContinuous
            or Ina219OperatingMode.ShuntAndBusTriggered or Ina219OperatingMode.ShuntAndBusContinuous;
        var measuresBus = config.Mode is Ina219OperatingMode.BusTriggered or Ina219OperatingMode.BusContinuous
            or Ina219OperatingMode.ShuntAndBusTriggered or Ina219OperatingMode.ShuntAndBusContinuous;
        if (measuresShunt)
        {
            // 10 uV LSB; the PGA range is +-40 mV x 2^PG, i.e. +-4000 x 2^PG counts (8.6.3.1).
            var full = 4000 << (int)config.Gain;
            var volts = _inputs.MeanCurrentAmps(start, start + shuntTime) * _options.ShuntOhms;
            _shunt = (short)Math.Clamp(Math.Round(volts / 10e-6, MidpointRounding.AwayFromZero), -full, full);
        }
        if (measuresBus)
        {
            var from = measuresShunt ? start + shuntTime : start;
            var volts = _inputs.MeanBusVolts(from, from + busTime);
            var full = (int)Math.Round(config.BusFullScaleVolts / 0.004); // 4000 or 8000 counts of 4 mV (8.6.3.2)
            _busCounts = (int)Math.Clamp(Math.Round(volts / 0.004, MidpointRounding.AwayFromZero), 0, full);
        }
        // Current and power registers (8.5.1 equations 4 and 5), truncated like the chip's integer math.
        long current = (long)_shunt * _calibration / 4096;
        long power = Math.Abs(current) * _busCounts / 5000;
        _overflow = current is > short.MaxValue or < short.MinValue || power > ushort.MaxValue;
        _current = (short)Math.Clamp(current, short.MinValue, short.MaxValue);
        _power = (ushort)Math.Min(power, ushort.MaxValue);
        _conversionReady = true;
    }

    /// <summary>
    /// Seconds since the chip's origin. The whole stamps are subtracted as integers first: a clock counting
    /// 100 ns ticks since year 1 (FakeTimeProvider) is near 6.4e17, where a double only resolves 128 ticks.
    /// </summary>
    private double Seconds(long sinceOrigin, double plusStamps) => (sinceOrigin + plusStamps) / _clock.TimestampFrequency;

    public override ComponentInformation QueryComponentInformation() => new(this, $"Virtual INA219 at 0x{_options.Address:X2}");

    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
