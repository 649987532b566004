using System.Device.I2c;
using Rig.Core.Profiles;
using Rig.Core.Seams;
using Rig.Hardware.Audio;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;
using Rig.Hardware.Serial;
using Rig.Hardware.Serial.Locks;
using Rig.Runs.Orchestration;
using Rig.Simulation.Board;
using Rig.Simulation.Link;
using Rig.Simulation.Power;

namespace Rig.Runs.Parts;

/// <summary>
/// The composition root: the one place where what the options say (`--board virtual|serial:&lt;port&gt;`, `--energy`,
/// `--paced-uart`, `--line-faults`, `rig power --board`) becomes real or simulated parts behind the seams
/// (Rig.Core/Seams). Rig.Hardware only builds real parts and Rig.Simulation only simulated ones; nothing else
/// chooses between them.
/// </summary>
public static class RigParts
{
    /// <summary>A board's byte pipe and, for a virtual board, the process behind it (disposed by the caller).</summary>
    public sealed record BoardLinkParts(ISerialLink Link, VirtualBoard? Virtual, ChaosLink? Chaos);

    /// <summary>
    /// Starts the native virtual board (for a virtual target) and opens its serial link, or opens the serial port of a
    /// real one; wraps it in protocol v1 (test hook) and the chaos link when asked. On failure nothing is left open.
    /// </summary>
    public static BoardLinkParts OpenBoard(BoardTarget target, string profile, SerialSection wire, bool microphone, RunOptions options,
                                           TimeSpan silenceTimeout, TimeProvider time)
    {
        VirtualBoard? board = null;
        ISerialLink? link = null;
        try
        {
            if (target.IsVirtual)
            {
                var faults = options.VirtualBoardFaults;
                var uart = options.PacedUart ? new UartPacing(wire.Baud, wire.RxBufferBytes) : null;
                board = VirtualBoard.Start(new VirtualBoardOptions(profile, microphone, faults?.FaultResetAfterBytes ?? 0, faults?.FaultSilentAfterBytes ?? 0, uart,
                    PowerLine: options.Energy));
            }
            // A serial board is locked before its port opens (the link releases the lock after closing the port).
            var held = board is null ? BoardLock.Acquire(target.Port!, options.BoardLocks ?? BoardLockDirectory.Resolve(null)) : null;
            link = new SerialPortLink(board?.PtyPath ?? target.Port!, wire.Baud, silenceTimeout, held);
            if (board is not null && options.VirtualBoardAsProtocolV1) link = new ProtocolV1Link(link);
            var chaos = options.LineFaults is { } lineFaults ? new ChaosLink(link, lineFaults, time) : null;
            return new BoardLinkParts(chaos ?? link, board, chaos);
        }
        catch
        {
            link?.Dispose();
            board?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The energy bench of one board: the virtual INA219 and GPIO line on a virtual board's power line, the real INA219
    /// on /dev/i2c-N (and marker GPIO) for a serial board. Null with the reason when there is none.
    /// </summary>
    public static EnergyBench? EnergyBench(BoardProfile profile, string boardId, VirtualBoard? virtualBoard, TimeProvider time,
                                           VirtualBenchFaults? faults, out string? reason)
    {
        if (virtualBoard is null) return HardwareEnergyBench.Create(profile, time, out reason);
        reason = virtualBoard.PowerLine is null ? $"virtual board {boardId} was started without its power line" : null;
        // The power line stamps edges with the host's monotonic clock, which only the system TimeProvider reads.
        return virtualBoard.PowerLine is { } line ? VirtualEnergyBench.Create(profile, line, TimeProvider.System, faults) : null;
    }

    /// <summary>
    /// The power monitor of a board: the virtual INA219 on the profile's power model for a virtual board, the real one
    /// on /dev/i2c-N otherwise, and a not-measured monitor (with the reason) when there is nothing to read.
    /// </summary>
    public static IPowerMonitor PowerMonitor(BoardProfile profile, bool virtualBoard, TimeProvider time, double i2cBusHz = 400_000)
    {
        try
        {
            if (virtualBoard) return VirtualPowerMonitor.ForProfile(profile, i2cBusHz);
            var bench = HardwareEnergyBench.Create(profile, time, out var reason);
            if (bench is null) return new NotMeasuredPowerMonitor(reason!);
            try
            {
                return new Ina219PowerMonitor(bench.Device, bench.Setup, bench.Marker, time);
            }
            catch (Ina219Exception)
            {
                bench.Dispose();
                throw;
            }
        }
        catch (Ina219Exception e)
        {
            return new NotMeasuredPowerMonitor(e.Message);
        }
    }

    /// <summary>The INA219's I2C device on the rig host's /dev/i2c-N (`rig power` on hardware).</summary>
    public static I2cDevice Ina219Bus(Ina219Setup setup)
    {
        try
        {
            return I2cDevice.Create(new I2cConnectionSettings(setup.Bus, setup.Address));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            throw new Ina219Exception($"{setup.Where}: cannot open /dev/i2c-{setup.Bus}: {e.Message} (use --board virtual on a host without the bus)", e);
        }
    }

    /// <summary>The speaker physical boards listen to (ALSA); virtual boards hear the virtual room instead.</summary>
    public static AlsaOutput Speaker(string device, int sampleRate, TimeProvider? time = null) => new AlsaOutput(device, sampleRate, time);
}
