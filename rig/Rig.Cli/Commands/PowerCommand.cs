using System.CommandLine;
using System.Globalization;
using Rig.Core.Profiles;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;
using Rig.Runs.Parts;
using Rig.Simulation.Power;
using Spectre.Console;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig power --profile &lt;p&gt; --seconds N [--board auto|virtual|hardware]`: a readout of the board's power from
/// its INA219, as a table of bins and a sparkline. With no /dev/i2c-N (or --board virtual) it reads the
/// virtual INA219 fed by the profile's power model, with a board that runs one inference per classifier hop
/// for --duty of the hop (virtual time: the readout is computed faster than real time).
/// </summary>
public static class PowerCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var seconds = new Option<double>("--seconds", "-s") { Description = "how long to read", DefaultValueFactory = _ => 5 };
        var board = new Option<string>("--board") { Description = "auto (hardware when /dev/i2c-N exists), virtual or hardware", DefaultValueFactory = _ => "auto" };
        board.AcceptOnlyFromAmong("auto", "virtual", "hardware");
        var bins = new Option<int>("--bins") { Description = "rows of the table", DefaultValueFactory = _ => 10 };
        var duty = new Option<double>("--duty") { Description = "virtual board: fraction of each classifier hop spent running", DefaultValueFactory = _ => 0.25 };
        var i2cKhz = new Option<double>("--i2c-khz") { Description = "virtual board: I2C clock the sampler runs at", DefaultValueFactory = _ => 400 };
        var command = new Command("power", "Live power readout from the board's INA219 (virtual INA219 when there is no I2C bus)")
            { profile, seconds, board, bins, duty, i2cKhz };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile)!, parse.GetValue(seconds), parse.GetValue(board)!,
            parse.GetValue(bins), parse.GetValue(duty), parse.GetValue(i2cKhz))));
        return command;
    }

    private static int Run(string profileName, double seconds, string board, int binCount, double duty, double i2cKhz)
    {
        if (!(seconds > 0 && seconds <= 3600)) throw new InvalidDataException($"--seconds: {seconds} is not between 0 and 3600");
        if (!(duty > 0 && duty < 1)) throw new InvalidDataException($"--duty: {duty} is not between 0 and 1 (exclusive)");
        if (binCount is < 1 or > 1000) throw new InvalidDataException($"--bins: {binCount} is not between 1 and 1000");
        var profile = ProfileCatalog.Load(profileName);
        var ina = profile.Power.Ina219;
        var busPath = ina is null ? null : $"/dev/i2c-{ina.Bus}";
        var useHardware = board == "hardware" || (board == "auto" && busPath is not null && File.Exists(busPath));
        try
        {
            return useHardware ? RunHardware(profile, seconds, binCount) : RunVirtual(profile, seconds, binCount, duty, i2cKhz * 1e3, board, busPath);
        }
        catch (Ina219Exception e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return CliErrors.BadInput;
        }
    }

    private static int RunVirtual(BoardProfile profile, double seconds, int binCount, double duty, double i2cHz, string board, string? busPath)
    {
        AnsiConsole.MarkupLine(board == "virtual"
            ? "[yellow]virtual board[/] (--board virtual): virtual INA219 fed by the profile's power model"
            : $"[yellow]no {Markup.Escape(busPath ?? "INA219 in the profile")} on this host[/]: using the virtual INA219 and the profile's power model (--board virtual)");
        var monitor = VirtualPowerMonitor.ForProfile(profile, i2cHz);
        var (model, setup) = (monitor.Model, monitor.Setup);
        var period = profile.Classifier.WindowHopColumns / profile.Frontend.ColumnsPerSecond;
        var timeline = model.Periodic(period, period * duty, seconds);
        AnsiConsole.MarkupLine(Markup.Escape(
            $"{monitor.Description}; board runs {model.RunAmps * 1e3:F3} mA for {period * duty * 1e3:F1} ms every {period * 1e3:F1} ms, " +
            $"sleeps at {model.SleepAmps * 1e6:F1} uA, supply {model.SupplyVolts:F2} V"));
        var readings = monitor.Sample(timeline);
        Show(readings, TimeSpan.TicksPerSecond, 0, seconds, binCount, setup);
        var truthMw = timeline.EnergyJoules(0, seconds) / seconds * 1e3;
        AnsiConsole.MarkupLine(Markup.Escape($"model truth: mean {truthMw:F4} mW over {seconds:F1} s"));
        return 0;
    }

    private static int RunHardware(BoardProfile profile, double seconds, int binCount)
    {
        var setup = Ina219Setup.FromProfile(profile);
        var time = TimeProvider.System;
        using var i2c = RigParts.Ina219Bus(setup);
        using var device = new Ina219Device(i2c, profile.Name, time, ownsDevice: false);
        setup.Apply(device);
        AnsiConsole.MarkupLine(Markup.Escape($"INA219 i2c-{setup.Bus} 0x{setup.Address:X2}, reading for {seconds:F1} s (live)"));
        var sampler = new PowerSampler(device);
        var readings = new List<PowerReading>();
        var origin = time.GetTimestamp();
        var end = origin + (long)(seconds * time.TimestampFrequency);
        var binSeconds = seconds / binCount;
        var table = new Table().AddColumns("t (s)", "mean mW", "min mW", "max mW", "samples");
        AnsiConsole.Live(table).Start(ctx =>
        {
            var shown = 0;
            while (time.GetTimestamp() < end)
            {
                readings.Add(sampler.ReadNext());
                var done = (int)Math.Floor(time.GetElapsedTime(origin).TotalSeconds / binSeconds);
                if (done <= shown) continue;
                var bins = PowerBins.Of(readings, time.TimestampFrequency, origin, binSeconds, seconds);
                for (; shown < Math.Min(done, bins.Count); shown++) AddRow(table, bins[shown]);
                ctx.Refresh();
            }
        });
        Summary(readings, time.TimestampFrequency, origin, seconds, binCount, setup);
        return 0;
    }

    private static void Show(IReadOnlyList<PowerReading> readings, long frequency, long origin, double seconds, int binCount, Ina219Setup setup)
    {
        var table = new Table().AddColumns("t (s)", "mean mW", "min mW", "max mW", "samples");
        foreach (var bin in PowerBins.Of(readings, frequency, origin, seconds / binCount, seconds)) AddRow(table, bin);
        AnsiConsole.Write(table);
        Summary(readings, frequency, origin, seconds, binCount, setup);
    }

    private static void Summary(IReadOnlyList<PowerReading> readings, long frequency, long origin, double seconds, int binCount, Ina219Setup setup)
    {
        var spark = PowerBins.Of(readings, frequency, origin, seconds / Math.Max(binCount, 60), seconds);
        AnsiConsole.MarkupLine($"power   {Markup.Escape(PowerBins.Sparkline(spark))}");
        var cycle = setup.Configuration.CyclePeriod.TotalSeconds;
        var rate = readings.Count / seconds;
        var mean = readings.Count > 0 ? readings.Average(r => r.PowerWatts) * 1e3 : double.NaN;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{readings.Count} samples, {rate:F1}/s of {1 / cycle:F1} conversions/s ({rate * cycle:P1}); mean {mean:F4} mW; " +
            $"bus {(readings.Count > 0 ? readings.Average(r => r.Sample.BusVolts) : double.NaN):F3} V; Cal {setup.Calibration.Value}, " +
            $"current LSB {setup.Calibration.CurrentLsbAmps * 1e6:G4} uA, PGA {setup.Configuration.Gain}")));
    }

    private static void AddRow(Table table, PowerBin b) => table.AddRow(
        b.StartSeconds.ToString("F2", CultureInfo.InvariantCulture),
        Fmt(b.MeanMw), Fmt(b.MinMw), Fmt(b.MaxMw), b.Samples.ToString(CultureInfo.InvariantCulture));

    private static string Fmt(double mw) => double.IsNaN(mw) ? "-" : mw.ToString("F4", CultureInfo.InvariantCulture);
}
