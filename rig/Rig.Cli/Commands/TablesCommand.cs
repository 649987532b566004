using System.CommandLine;
using Rig.Core;
using Rig.Core.Firmware;
using Rig.Core.Profiles;
using Rig.Dsp.Tables;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig tables --profile &lt;p&gt; | --all [--check]`: writes firmware/generated/&lt;p&gt;/ from the validated profile:
/// rig_frontend_tables.h (the golden model's tables), rig_profile.h and rig_profile.cmake (Rig.Core.Firmware.ProfileFiles). With --check nothing is written; exit 1 names every stale file.
/// </summary>
public static class TablesCommand
{
    public const int Stale = 1;

    public static Command Create()
    {
        var profile = new Option<string?>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}; omit it with --all" };
        var all = new Option<bool>("--all") { Description = "every profile in profiles/" };
        var check = new Option<bool>("--check") { Description = "only compare the committed headers with the generator's output" };
        var command = new Command("tables", "Generate the firmware's files from a profile: frontend tables (window, twiddles, mel, log LUT, DCT, config hash), rig_profile.h, rig_profile.cmake") { profile, all, check };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile), parse.GetValue(all), parse.GetValue(check))));
        return command;
    }

    private static int Run(string? profileName, bool all, bool check)
    {
        if (profileName is null == !all)
            throw new InvalidDataException("tables: give either --profile <name> or --all");
        var names = all ? ProfileCatalog.Names() : [profileName!];
        var stale = 0;
        foreach (var name in names)
        {
            var profile = ProfileCatalog.Load(name);
            var hash = $"config hash 0x{new FrontendTables(profile.Frontend).ConfigHash:X8}";
            foreach (var file in ProfileFiles.For(RepoPaths.Root, profile))
            {
                var rel = Path.GetRelativePath(RepoPaths.Root, file.Path);
                if (file.Staleness(RepoPaths.Root) is not { } why)
                    Console.Out.WriteLine($"{rel}: up to date ({hash})");
                else if (check)
                {
                    Console.Out.WriteLine(why);
                    stale++;
                }
                else if (file.WriteIfChanged())
                    Console.Out.WriteLine($"{rel}: written ({hash})");
            }
        }
        return stale > 0 ? Stale : 0;
    }
}
