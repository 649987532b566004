using Rig.Core.Profiles;
using Rig.Emulation.Boards;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;
using Rig.Simulation.Ina219;
using Rig.Simulation.Power;

namespace Rig.Runs.Power.Emulated;

/// <summary>
/// The bench of an emulated board, built like the native virtual board's (<see cref="VirtualEnergyBench"/>): a
/// register-level <see cref="VirtualIna219"/> behind the I2cDevice seam, fed by the profile's power model over the
/// emulated core's run and sleep cycles, read by the real <see cref="Ina219Device"/> driver and sampler; the marker
/// from the chip's GPIO model. Everything is timed in emulated core cycles: two runs give the same readings.
/// </summary>
public static class EmulatedEnergyBench
{
    public static EnergyBench Create(BoardProfile profile, EmulatedBoard board)
    {
        var setup = VirtualPowerMonitor.SetupFor(profile);
        var model = BoardPowerModel.FromProfile(profile);
        var sampler = new SamplerClock(board.ClockHz, (long)board.Cycles);
        var inputs = new EmulatedPowerInputs(board, model);
        var chip = new VirtualIna219(sampler, inputs, new VirtualIna219Options
        {
            BusId = setup.Bus, Address = setup.Address, ShuntOhms = setup.Calibration.ShuntOhms, I2cBusHz = 400_000,
            // Each transfer takes its bus time on the sampler's clock, as the wire would make it take.
            AdvanceClock = sampler.Advance,
        });
        inputs.OriginTimestamp = chip.OriginTimestamp;
        var device = new Ina219Device(chip, profile.Name, sampler);
        var marker = new EmulatedMarkerInput(board, sampler);
        var description = $"virtual INA219 0x{setup.Address:X2} ({model.Board} power model on the emulated core's run/sleep cycles), marker from the emulated GPIO";
        return new EnergyBench(device, setup, marker, new EmulatedBenchTime(board, sampler, marker), description, inputs, profile.Power.MarkerGpio ?? VirtualEnergyBench.DefaultMarkerPin);
    }
}
