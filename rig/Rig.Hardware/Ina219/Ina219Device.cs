using System.Buffers.Binary;
using System.Device.I2c;

namespace Rig.Hardware.Ina219;

/// <summary>
/// INA219 current/power monitor over an <see cref="I2cDevice"/> (a real /dev/i2c-N device or the
/// virtual chip). Registers are 16 bits, most significant byte first (SBOS448G 8.5.6). Signed
/// registers (shunt voltage, current) go through <see cref="short"/>; the bus voltage is shifted as
/// an unsigned value; power is unsigned. Every failure names the board, bus and address.
/// Not thread-safe: one sampler owns a device.
/// </summary>
public sealed class Ina219Device : IDisposable
{
    /// <summary>Upper bound on polls in one wait, so a clock that never moves cannot hang us.</summary>
    private const int MaxPollsPerWait = 200_000;

    private readonly I2cDevice _device;
    private readonly TimeProvider _time;
    private readonly bool _ownsDevice;
    private Ina219Register? _pointer;

    public Ina219Device(I2cDevice device, string boardName, TimeProvider time, bool ownsDevice = true)
    {
        _device = device;
        _time = time;
        _ownsDevice = ownsDevice;
        BoardName = boardName;
        Configuration = Ina219Configuration.PowerOn;
    }

    public string BoardName { get; }
    public int BusId => _device.ConnectionSettings.BusId;
    public int Address => _device.ConnectionSettings.DeviceAddress;
    /// <summary>"board py32f003: INA219 at i2c-1 address 0x40", the prefix of every message.</summary>
    public string Where => $"board {BoardName}: INA219 at i2c-{BusId} address 0x{Address:X2}";

    /// <summary>The configuration last written (power-on value until then).</summary>
    public Ina219Configuration Configuration { get; private set; }
    public Ina219Calibration? Calibration { get; private set; }
    public TimeProvider Time => _time;

    /// <summary>Reads the configuration register once to see that a chip acknowledges at the address.</summary>
    public void Probe()
    {
        try
        {
            RawRead(Ina219Register.Configuration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new Ina219Exception($"{Where}: no device answers (no acknowledge): {e.Message}", e);
        }
    }

    /// <summary>Sets RST (bit 15): every register back to its power-on value; checks the result (8.6.2.1).</summary>
    public void Reset()
    {
        WriteRegister(Ina219Register.Configuration, Ina219Configuration.ResetBit);
        var read = ReadRegister(Ina219Register.Configuration);
        if (read != Ina219Configuration.PowerOnValue)
            throw new Ina219Exception($"{Where}: after reset the configuration register reads 0x{read:X4}, expected power-on value 0x{Ina219Configuration.PowerOnValue:X4}; is this an INA219?");
        Configuration = Ina219Configuration.PowerOn;
        Calibration = null;
    }

    public void Configure(Ina219Configuration configuration)
    {
        var value = configuration.Encode();
        WriteRegister(Ina219Register.Configuration, value);
        var read = ReadRegister(Ina219Register.Configuration);
        if (read != value)
            throw new Ina219Exception($"{Where}: configuration 0x{value:X4} written but 0x{read:X4} read back");
        Configuration = configuration;
    }

    public void Calibrate(Ina219Calibration calibration)
    {
        WriteRegister(Ina219Register.Calibration, calibration.Value);
        var read = ReadRegister(Ina219Register.Calibration);
        if (read != calibration.Value)
            throw new Ina219Exception($"{Where}: calibration {calibration.Value} written but {read} read back");
        Calibration = calibration;
    }

    /// <summary>Signed shunt voltage, 10 uV LSB, sign-extended by the chip for every PGA range (8.6.3.1).</summary>
    public double ReadShuntVolts() => ReadShuntCounts() * 10e-6;
    public short ReadShuntCounts() => (short)ReadRegister(Ina219Register.ShuntVoltage);

    public Ina219BusVoltage ReadBusVoltage() => new(ReadRegister(Ina219Register.BusVoltage));

    /// <summary>Signed current in amps: the register is two's complement (8.6.3.4).</summary>
    public double ReadCurrentAmps() => ReadCurrentCounts() * RequireCalibration().CurrentLsbAmps;
    public short ReadCurrentCounts() => (short)ReadRegister(Ina219Register.Current);

    /// <summary>Power in watts (unsigned register, 20 x Current_LSB). Reading it clears CNVR (8.6.3.2).</summary>
    public double ReadPowerWatts() => ReadRegister(Ina219Register.Power) * RequireCalibration().PowerLsbWatts;

    /// <summary>
    /// Polls the bus voltage register until CNVR is set, bounded by <paramref name="timeout"/> on this
    /// device's TimeProvider. Returns the register and the timestamps before the last poll and before the one
    /// ahead of it (the conversion ended between them).
    /// </summary>
    public (Ina219BusVoltage Bus, long PollTimestamp, long PreviousPollTimestamp) WaitForConversion(TimeSpan timeout, long notBefore)
    {
        var start = _time.GetTimestamp();
        var previous = notBefore;
        for (var polls = 1; ; polls++)
        {
            var before = _time.GetTimestamp();
            var bus = ReadBusVoltage();
            if (bus.ConversionReady) return (bus, _time.GetTimestamp(), previous);
            previous = before;
            // Judge by when this poll began: a host that stalls between a poll and this check must not turn a
            // conversion that is merely late to be seen into a timeout (the next poll would have caught it).
            if (_time.GetElapsedTime(start, before) > timeout || polls >= MaxPollsPerWait)
                throw new Ina219Exception(
                    $"{Where}: no conversion ready (CNVR) after {polls} polls in {_time.GetElapsedTime(start).TotalMilliseconds:F3} ms " +
                    $"(limit {timeout.TotalMilliseconds:F3} ms, mode {Configuration.Mode}, cycle {Configuration.CyclePeriod.TotalMilliseconds:F3} ms)");
        }
    }

    /// <summary>
    /// One conversion: wait for CNVR, read current, then power (which clears CNVR for the next one).
    /// Power is computed from the signed current and the bus voltage (finer than the power register's 20 LSB).
    /// OVF set means the current or power arithmetic overflowed and the figures are meaningless: that throws.
    /// </summary>
    public Ina219Sample ReadSample(TimeSpan timeout, long notBefore)
    {
        var cal = RequireCalibration();
        var (bus, stamp, previous) = WaitForConversion(timeout, notBefore);
        var currentCounts = ReadCurrentCounts();
        var cleared = _time.GetTimestamp();
        var powerRegister = ReadRegister(Ina219Register.Power);
        if (bus.MathOverflow)
            throw new Ina219OverflowException(
                $"{Where}: math overflow (OVF) set: current or power is out of range for calibration {cal.Value} " +
                $"(shunt {cal.ShuntOhms} ohm, current LSB {cal.CurrentLsbAmps * 1e6:G4} uA); raise max_current_a or use a smaller shunt");
        var fullScaleCounts = (int)Math.Round(Configuration.BusFullScaleVolts / 0.004);
        if (Configuration.Mode is not (Ina219OperatingMode.ShuntContinuous or Ina219OperatingMode.ShuntTriggered) && bus.Counts >= fullScaleCounts)
            throw new Ina219Exception(
                $"{Where}: bus voltage reads {bus.Volts:F3} V, the full scale of the {Configuration.BusFullScaleVolts:F0} V range: " +
                "the supply is above the bus range (and above 26 V the chip itself is at risk, 7.1)");
        var amps = currentCounts * cal.CurrentLsbAmps;
        return new Ina219Sample(stamp, previous, bus.Volts, amps, amps * bus.Volts, powerRegister, cleared);
    }

    public ushort ReadRegister(Ina219Register register)
    {
        try
        {
            return RawRead(register);
        }
        catch (IOException e)
        {
            throw new Ina219Exception($"{Where}: bus did not acknowledge reading register {register} (0x{(byte)register:X2}): {e.Message}", e);
        }
    }

    public void WriteRegister(Ina219Register register, ushort value)
    {
        Span<byte> frame = stackalloc byte[3];
        frame[0] = (byte)register;
        BinaryPrimitives.WriteUInt16BigEndian(frame[1..], value);
        try
        {
            _pointer = null;
            _device.Write(frame);
            _pointer = register; // a write leaves the pointer on the register written (8.5.6)
        }
        catch (IOException e)
        {
            throw new Ina219Exception($"{Where}: bus did not acknowledge writing 0x{value:X4} to register {register} (0x{(byte)register:X2}): {e.Message}", e);
        }
    }

    private ushort RawRead(Ina219Register register)
    {
        Span<byte> data = stackalloc byte[2];
        if (_pointer == register)
        {
            // The chip keeps the pointer between reads (8.5.6): a plain 2-byte read saves the pointer write.
            _device.Read(data);
        }
        else
        {
            _pointer = null;
            ReadOnlySpan<byte> pointer = [(byte)register];
            _device.WriteRead(pointer, data);
            _pointer = register;
        }
        return BinaryPrimitives.ReadUInt16BigEndian(data);
    }

    private Ina219Calibration RequireCalibration() =>
        Calibration ?? throw new InvalidOperationException($"{Where}: current and power need the calibration register set first (8.5.1)");

    public void Dispose()
    {
        if (_ownsDevice) _device.Dispose();
    }
}
