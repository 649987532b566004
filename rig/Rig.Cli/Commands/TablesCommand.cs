using System.CommandLine;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Dsp.Tables;
using Rig.Native;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig tables --profile &lt;p&gt; | --all [--check]`: writes firmware/generated/&lt;p&gt;/rig_frontend_tables.h
/// from the golden model's tables. With --check nothing is written; exit 1 names every stale file.
/// </summary>
public static class TablesCommand
{
    public const int Stale = 1;

    public static Command Create()
    {
        var profile = new Option<string?>("--profile", "-p") { Description = "board profile (profiles/<name>.yaml) or a path to one; omit it with --all" };
        var all = new Option<bool>("--all") { Description = "every profile in profiles/" };
        var check = new Option<bool>("--check") { Description = "only compare the committed headers with the generator's output" };
        var command = new Command("tables", "Generate the firmware's frontend tables (window, twiddles, mel, log LUT, DCT, config hash)") { profile, all, check };
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
            var path = FrontendHeaderFile.PathFor(RepoPaths.Root, profile.Name);
            var text = FrontendHeaderFile.Render(profile);
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            var rel = Path.GetRelativePath(RepoPaths.Root, path);
            if (current == text)
            {
                Console.Out.WriteLine($"{rel}: up to date (config hash 0x{new FrontendTables(profile.Frontend).ConfigHash:X8})");
                continue;
            }
            if (check)
            {
                Console.Out.WriteLine($"{rel}: stale; run `rig tables --profile {profile.Name}`");
                stale++;
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            Console.Out.WriteLine($"{rel}: written (config hash 0x{new FrontendTables(profile.Frontend).ConfigHash:X8})");
        }
        return stale > 0 ? Stale : 0;
    }
}
