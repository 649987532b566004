namespace Rig.Simulation.Ina219;

/// <summary>
/// What the virtual INA219's two ADCs see. Both are integrating converters, so a conversion returns the
/// mean over its conversion interval, not a point value. Times are seconds since the chip's origin.
/// </summary>
public interface IIna219Inputs
{
    /// <summary>Mean current through the shunt (IN+ to IN-) over [from, to], amps; negative when it flows back.</summary>
    double MeanCurrentAmps(double fromSeconds, double toSeconds);

    /// <summary>Mean voltage from IN- to ground over [from, to], volts.</summary>
    double MeanBusVolts(double fromSeconds, double toSeconds);
}

/// <summary>Constant current and bus voltage: enough for register-level tests.</summary>
public sealed class SteadyInputs(double currentAmps, double busVolts) : IIna219Inputs
{
    public double CurrentAmps { get; set; } = currentAmps;
    public double BusVolts { get; set; } = busVolts;
    public double MeanCurrentAmps(double fromSeconds, double toSeconds) => CurrentAmps;
    public double MeanBusVolts(double fromSeconds, double toSeconds) => BusVolts;
}
