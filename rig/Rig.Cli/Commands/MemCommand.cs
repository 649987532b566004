using System.CommandLine;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Elf.Build;
using Rig.Elf.Memory;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig mem --profile &lt;p&gt; [&lt;firmware.elf&gt;] [--json]`: where the flash and RAM of a board image go,
/// read from the ELF's section headers and symbol table, held against the profile's memory budget.
/// Exit 0 within budget, 1 over budget, 2 bad input (not an ELF, not ARM, stripped, unknown profile).
/// </summary>
public static class MemCommand
{
    public const int OverBudget = 1;

    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var elf = new Argument<FileInfo?>("firmware.elf") { Description = "the image to measure (default: firmware/build/<profile>/firmware.elf, built if missing)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "print the memory profile as JSON" };
        var top = new Option<int>("--top") { Description = "largest symbols listed per module", DefaultValueFactory = _ => 8 };
        var command = new Command("mem", "Flash and RAM of a firmware image per section and module, against the profile's budget") { profile, elf, json, top };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile)!, parse.GetValue(elf), parse.GetValue(json), parse.GetValue(top))));
        return command;
    }

    private static int Run(string profileName, FileInfo? elfFile, bool json, int top)
    {
        var profile = ProfileCatalog.Load(profileName);
        var path = elfFile?.FullName ?? EnsureDefaultImage(profile.Name);
        var report = FirmwareMemory.Profile(path, profile, top);
        Console.Out.Write(json ? MemoryReportJson.Serialize(report) + Environment.NewLine : MemoryReportText.Render(report));
        // A graph model's per-layer costs (text only: --json keeps the memory report's schema).
        var costs = json ? null : Rig.Model.Graph.GraphCosts.TryLoad(RepoPaths.Generated(profile.Name));
        if (costs is not null) ModelCostText.Write(costs, profile);
        var arenaWithin = costs is null || costs.ArenaBytes <= profile.Memory.ModelRamBudgetBytes;
        return report.WithinBudget && arenaWithin ? 0 : OverBudget;
    }

    /// <summary>The board's default image (firmware/build/&lt;board&gt;); built with cmake when it is not there yet.</summary>
    private static string EnsureDefaultImage(string board)
    {
        var builder = new FirmwareBuilder(RepoPaths.Firmware);
        var path = builder.DefaultElfPath(board);
        if (File.Exists(path)) return path;
        Console.Error.WriteLine($"{path} does not exist; building it with cmake");
        foreach (var step in builder.Build(board))
        {
            if (step.Succeeded) continue;
            Console.Error.Write(step.Output);
            throw new InvalidDataException($"{path}: building the {board} image failed ({step.Command} exited with {step.ExitCode})");
        }
        return path;
    }
}
