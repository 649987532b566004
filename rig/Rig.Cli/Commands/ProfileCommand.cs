using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Runs.Orchestration;
using Spectre.Console;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig profile --profile p [--playlist f] [--firmware elf] [--out dir] [--json]`: plays the playlist (inject mode)
/// through the profile's image on an emulated board, as `rig run --board emulated` does, and prints where the
/// firmware's cycles went: the top functions by self cycles with total cycles, calls and their shares of the
/// frontend and of an inference, then both stack high-water figures and the SRAM written. The run (run.json,
/// run.db) goes to a temporary folder unless --out names one; it is not recorded in the history.
/// Exit 0, 1 when the image faulted, 2 for bad input.
/// </summary>
public static class ProfileCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var playlist = new Option<string>("--playlist") { Description = "playlist YAML", DefaultValueFactory = _ => "playlists/reference.yaml" };
        var firmware = new Option<string?>("--firmware") { Description = "the image to run (default: firmware/build/<profile>/firmware.elf, built or refreshed as `rig mem` builds it)" };
        var output = new Option<string?>("--out", "-o") { Description = "keep the run (run.json with functionProfile, run.db) in this directory (default: a temporary one, deleted afterwards)" };
        var json = new Option<bool>("--json") { Description = "print run.json's functionProfile and the stack and RAM figures as JSON" };
        var command = new Command("profile", "Profile the firmware per function on an emulated board while it plays a playlist") { profile, playlist, firmware, output, json };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile)!, parse.GetValue(playlist)!, parse.GetValue(firmware), parse.GetValue(output), parse.GetValue(json))));
        return command;
    }

    static int Run(string profileName, string playlistPath, string? firmware, string? outDir, bool json)
    {
        var profile = ProfileCatalog.Load(profileName);
        var playlist = File.Exists(playlistPath) || Path.IsPathRooted(playlistPath) ? Path.GetFullPath(playlistPath) : Path.Combine(RepoPaths.Root, playlistPath);
        Rig.Audio.Playlists.Playlist.Load(playlist);
        var scratch = outDir is null ? Directory.CreateTempSubdirectory("rig-profile-").FullName : null;
        var runDir = outDir is null ? Path.Combine(scratch!, "run") : Path.GetFullPath(outDir);
        try
        {
            return Profile(profile, playlist, firmware, runDir, scratch, outDir, json);
        }
        catch (Rig.Emulation.Boards.Host.EmulatedBoardStoppedException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return e.ImageFault ? 1 : CliErrors.BadInput;
        }
        finally
        {
            if (scratch is not null) Directory.Delete(scratch, recursive: true);
        }
    }

    static int Profile(BoardProfile profile, string playlist, string? firmware, string runDir, string? scratch, string? outDir, bool json)
    {
        {
            var options = new RunOptions
            {
                Profile = profile.Name,
                Playlist = playlist,
                Boards = [BoardTarget.Parse("emulated")],
                Mode = RunMode.Inject,
                OutDir = runDir,
                ProfileFunctions = true,
                Firmware = firmware is null ? null : Path.GetFullPath(firmware),
                // A profile is no run of the nightly's: it gets a history of its own next to the run.
                HistoryStore = Path.Combine(outDir is null ? scratch! : runDir, "profile-history.db"),
            };
            IReadOnlyList<RunOutcome> outcomes = [];
            var progress = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress() : AnsiConsole.Progress();
            progress.Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx => outcomes = new RunOrchestrator(TimeProvider.System, new RunCommand.SpectreRunProgress(ctx, $"profiling {profile.Name} on an emulated board")).Execute(options, CancellationToken.None));
            var outcome = outcomes.Single();
            if (outcome.Failure is { } failure)
            {
                Console.Error.WriteLine($"error: {failure.Message}");
                return failure.ImageFault ? 1 : CliErrors.BadInput;
            }
            var run = outcome.Result;
            if (run.FunctionProfile is not { } functions) throw new InvalidOperationException("the emulated run produced no function profile");
            if (json) Console.Out.WriteLine(Json(run));
            else Text(run, functions);
            return 0;
        }
    }

    static void Text(RunResult run, IReadOnlyList<FunctionProfileEntry> functions)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"{run.Profile} on an emulated board: {run.Clips.Count} clips of {run.Playlist}, accuracy {run.Accuracy:P1}, {run.FeatureMismatches} feature mismatches"));
        // The root's total is every cycle thread mode ran (interrupt handlers run outside it): the denominator of the % columns.
        var root = functions.MaxBy(f => f.TotalCycles)!;
        FunctionProfileText.Write(functions, root.TotalCycles, run.Cycles?.ClockHz ?? 1, $"{root.Name}'s total (thread mode; interrupt handlers are outside it)");
        var s = run.Stats;
        Console.Out.WriteLine(string.Create(inv, $"stack high-water: painted by the firmware {Bytes(s?.StackHighWaterBytes)}, emulator (lowest SP) {Bytes(s?.EmulatorStackHighWaterBytes)}{(s?.StackHighWaterBytes is { } p && s.EmulatorStackHighWaterBytes is { } e ? p == e ? ": they agree" : $": they differ by {Math.Abs(p - e)} B" : "")}"));
        Console.Out.WriteLine(string.Create(inv, $"SRAM written from main() on: {Bytes(s?.EmulatorRamTouchedBytes)}; static RAM (.data + .bss): {Bytes(s?.StaticRamBytes)}"));
    }

    static string Bytes(int? bytes) => bytes is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) + " B" : "not measured";

    static string Json(RunResult run) => JsonSerializer.Serialize(new
    {
        profile = run.Profile,
        clips = run.Clips.Count,
        functionProfile = run.FunctionProfile,
        stackHighWaterBytes = run.Stats?.StackHighWaterBytes,
        emulatorStackHighWaterBytes = run.Stats?.EmulatorStackHighWaterBytes,
        emulatorRamTouchedBytes = run.Stats?.EmulatorRamTouchedBytes,
        staticRamBytes = run.Stats?.StaticRamBytes,
    }, RunJson.Options);
}
