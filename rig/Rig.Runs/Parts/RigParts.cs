using System.Device.I2c;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Emulation.Boards;
using Rig.Emulation.Boards.Host;
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
    public sealed record BoardLinkParts(ISerialLink Link, VirtualBoard? Virtual, ChaosLink? Chaos)
    {
        /// <summary>The emulated board behind the link (`--board emulated`): its core for the profiler, its pins and cycles for energy.</summary>
        public EmulatedBoard? Emulated { get; init; }

        /// <summary>The GDB server on the emulated board (`--gdb`), disposed with the board's run.</summary>
        public Rig.Emulation.Gdb.GdbServer? Gdb { get; init; }
        /// <summary>The image the board should be running: the native board's executable, the emulated ELF, or a serial board's
        /// `--firmware` / profile image (null: none known, the build id is not checked).</summary>
        public string? ExpectedImage { get; init; }

        /// <summary>The clock the board's session waits on: the emulated board's own (emulated time), else null (the run's clock).</summary>
        public TimeProvider? SessionTime => Emulated?.Time;
    }

    /// <summary>
    /// Starts the native virtual board (for a virtual target) and opens its serial link, or opens the serial port of a
    /// real one; wraps it in protocol v1 (test hook) and the chaos link when asked. On failure nothing is left open.
    /// </summary>
    public static BoardLinkParts OpenBoard(BoardTarget target, string profile, SerialSection wire, bool microphone, RunOptions options,
                                           TimeSpan silenceTimeout, TimeProvider time)
    {
        if (target.IsEmulated) return OpenEmulated(ProfileCatalog.Load(profile), microphone, options);
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
            return new BoardLinkParts(chaos ?? link, board, chaos) { ExpectedImage = board?.Executable ?? options.Firmware ?? options.ProfileImage };
        }
        catch
        {
            link?.Dispose();
            board?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The profile's image (or --firmware) on the emulator with the board's model (rig/Rig.Emulation/Boards); its link
    /// runs the core in emulated time, and the chaos link (`--line-faults`) times its stalls on that clock too.
    /// A board halted at reset for gdb (`--gdb-halt reset`) powers up with the profile's image, as a board on the desk holds
    /// yesterday's, and is expected to run --firmware once flashed through the server (`rig flash --via gdb://`).
    /// </summary>
    private static BoardLinkParts OpenEmulated(BoardProfile profile, bool microphone, RunOptions options)
    {
        var forFlashing = options.Gdb is { StartHalted: true };
        var elf = forFlashing ? EmulatedImage(profile) : options.Firmware ?? EmulatedImage(profile);
        var board = EmulatedBoard.Start(profile, elf);
        // Inject mode plays nothing into the room: the microphone hears silence (the port's IDLE keeps it sampling).
        if (!microphone) board.Microphone.Complete();
        ISerialLink link = new EmulatedSerialLink(board);
        var chaos = options.LineFaults is { } lineFaults ? new ChaosLink(link, lineFaults, board.Time) : null;
        var gdb = options.Gdb is { } serve ? Rig.Emulation.Gdb.GdbServer.Start(board, serve, Console.Error) : null;
        var expected = forFlashing ? options.Firmware ?? elf : elf;
        if (forFlashing) Console.Error.WriteLine(gdb!.HaltedAtResetHint(profile.Name, expected));
        return new BoardLinkParts(chaos ?? link, null, chaos) { Emulated = board, Gdb = gdb, ExpectedImage = expected };
    }

    /// <summary>The profile's default image, built or refreshed with cmake as `rig mem` does; a build that fails is bad input.</summary>
    public static string EmulatedImage(BoardProfile profile)
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        var path = builder.DefaultElfPath(profile.Name);
        var failed = builder.Build(profile.Name).FirstOrDefault(s => !s.Succeeded);
        if (failed is not null)
            throw new InvalidDataException($"the emulated board needs {path}, but building it failed ({failed.Command} exited with {failed.ExitCode}): " +
                                           (failed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output"));
        return File.Exists(path) ? path : throw new InvalidDataException($"cmake finished but {path} does not exist");
    }

    /// <summary>
    /// The energy bench of one board: the virtual INA219 and GPIO line on a virtual board's power line, the real INA219
    /// on /dev/i2c-N (and marker GPIO) for a serial board. Null with the reason when there is none.
    /// </summary>
    public static EnergyBench? EnergyBench(BoardProfile profile, string boardId, VirtualBoard? virtualBoard, TimeProvider time,
                                           VirtualBenchFaults? faults, out string? reason, EmulatedBoard? emulated = null)
    {
        reason = null;
        // An emulated board: the virtual INA219 on the emulated core's run/sleep cycles, all in emulated time.
        if (emulated is not null) return Power.Emulated.EmulatedEnergyBench.Create(profile, emulated);
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
