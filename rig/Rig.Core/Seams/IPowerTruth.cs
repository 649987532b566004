namespace Rig.Core.Seams;

/// <summary>
/// A simulated board's exact energy (the power model integrated over what the board really did), for checking
/// the measured figure. Real boards have none.
/// </summary>
public interface IPowerTruth
{
    /// <summary>The last stretch the board held its marker high: joules drawn and seconds it lasted; null if none.</summary>
    (double Joules, double Seconds)? LastMarkedStretch();

    /// <summary>The model's power asleep, watts (what "net of idle" takes off).</summary>
    double SleepWatts { get; }
}
