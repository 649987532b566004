using Rig.Core.Seams;
using Rig.Core.Runs;
using Rig.Protocol.Messages;

namespace Rig.Hardware.Power;

/// <summary>
/// A board that runs marked BURST and IDLE windows on request (protocol v2). The orchestrator implements it
/// over the board's serial session; <see cref="BurstEnergyRunner"/> drives it while the INA219 is sampled.
/// Calls block until the board answers (bounded by the session's waits).
/// </summary>
public interface IBurstBoard
{
    /// <summary>For messages: "board virtual-0".</summary>
    string Name { get; }

    /// <summary>Ticks per second of the board's cycle counter (HELLO).</summary>
    double CyclesHz { get; }

    /// <summary>Whose clock those cycles are.</summary>
    MeasurementClock Clock { get; }

    /// <summary>Whether the firmware answers IDLE (else idle power is measured between requests).</summary>
    bool CanIdle { get; }

    /// <summary>
    /// Sends BURST and waits for its answer. <see cref="IWindowMarks.Start"/> right after the request has been
    /// written, <see cref="IWindowMarks.Stop"/> as soon as the answer has arrived.
    /// </summary>
    BurstDone Burst(BurstFlags flags, int inferences, uint cycleBudget, IWindowMarks marks);

    /// <summary>Sends IDLE for <paramref name="ticks"/> of the board's clock and waits for its answer; marks as for BURST.</summary>
    BurstDone Idle(uint ticks, IWindowMarks marks);

    /// <summary>One PING round trip on the host's clock.</summary>
    TimeSpan RoundTrip();
}

/// <summary>Marks nobody reads (calibration bursts).</summary>
public sealed class IgnoredMarks : IWindowMarks
{
    public static readonly IgnoredMarks Instance = new();
    public void Start() { }
    public void Stop() { }
}
