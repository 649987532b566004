using Rig.Core.Seams;
using System.Device.Gpio;
using Rig.Core.Profiles;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;
using Rig.Simulation.Ina219;

namespace Rig.Simulation.Power;

/// <summary>Faults of the virtual bench, for the bad-input tests (a real bench has them for real).</summary>
public sealed record VirtualBenchFaults
{
    /// <summary>The INA219 stops acknowledging after this many transfers (a bus that dies mid-measurement); 0 = never.</summary>
    public long NakAfterTransfers { get; init; }
    /// <summary>The marker wire is cut: the GPIO line never rises.</summary>
    public bool MarkerDisconnected { get; init; }
    /// <summary>No marker wired to the rig host: windows are cut on the messages.</summary>
    public bool NoMarker { get; init; }
}

/// <summary>
/// The bench of a native virtual board, built like a real one: a register-level <see cref="VirtualIna219"/> on
/// the host's clock behind the I2cDevice seam, fed by the power model over the board's own run/sleep edges
/// (<see cref="LiveBoardCurrent"/>), read by the real <see cref="Ina219Device"/> driver and sampler; the marker on
/// a virtual GPIO line read through <see cref="GpioController"/> and the real <see cref="GpioMarkerInput"/>.
/// </summary>
public static class VirtualEnergyBench
{
    /// <summary>The rig-host GPIO the virtual marker is wired to when the profile names none.</summary>
    public const int DefaultMarkerPin = 17;

    public static EnergyBench Create(BoardProfile profile, PowerLine line, TimeProvider time, VirtualBenchFaults? faults = null)
    {
        faults ??= new VirtualBenchFaults();
        var setup = VirtualPowerMonitor.SetupFor(profile);
        var model = BoardPowerModel.FromProfile(profile);
        var inputs = new LiveBoardCurrent(line, model, time);
        var chip = new VirtualIna219(time, inputs, new VirtualIna219Options
        {
            BusId = setup.Bus, Address = setup.Address, ShuntOhms = setup.Calibration.ShuntOhms, I2cBusHz = 400_000,
            NakAfterTransfers = faults.NakAfterTransfers,
            // The host clock moves by itself; each transfer holds the thread for its bus time like i2c-dev does.
            AdvanceClock = BlockingBusTime.Hold,
        });
        inputs.OriginTimestamp = chip.OriginTimestamp;
        var device = new Ina219Device(chip, profile.Name, time);
        IMarkerInput? marker = null;
        var pin = profile.Power.MarkerGpio ?? DefaultMarkerPin;
        if (!faults.NoMarker)
            marker = new GpioMarkerInput(new GpioController(new VirtualGpioDriver(line, pin) { Disconnected = faults.MarkerDisconnected }), pin, time);
        var description = $"virtual INA219 0x{setup.Address:X2} ({model.Board} power model on the board's run/sleep edges)" +
                          (marker is null ? ", windows from messages" : $", marker on virtual GPIO {pin}");
        return new EnergyBench(device, setup, marker, time, description, inputs, marker is null ? null : pin);
    }
}
