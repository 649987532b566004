using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Dsp.Tables;
using Rig.Native;
using Rig.Native.CrossCheck;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig crosscheck --profile &lt;p&gt; [--json]`: the C frontend (host library of firmware/core) against
/// the golden model on silence, square, clipping, impulse, noise, sweep and seeded random inputs,
/// every stage value by value, plus the Q15-vs-float log-mel error. Exit 0 bit-exact, 1 any value
/// differs or the committed tables are stale, 2 bad input.
/// </summary>
public static class CrosscheckCommand
{
    public const int Mismatch = 1;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var random = new Option<int>("--random") { Description = "seeded random inputs besides the named signals", DefaultValueFactory = _ => 8 };
        var command = new Command("crosscheck", "Compare the C frontend with the golden model, stage by stage, value by value") { profile, json, random };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile)!, parse.GetValue(json), Math.Max(0, parse.GetValue(random)))));
        return command;
    }

    private static int Run(string profileName, bool json, int randomCases)
    {
        var profile = ProfileCatalog.Load(profileName);
        var stale = FrontendHeaderFile.Staleness(RepoPaths.Root, profile);
        if (stale is not null)
        {
            Console.Error.WriteLine("error: " + stale);
            return Mismatch;
        }
        using var library = RigCoreLibrary.Load(profile.Name);
        var golden = new FrontendTables(profile.Frontend).ConfigHash;
        var result = FrontendCrossCheck.RunStandard(profile.Name, profile.Frontend, library, randomCases);
        if (result.ConfigHash != $"0x{golden:X8}")
            Console.Error.WriteLine($"warning: {library.Path} was built from tables with hash {result.ConfigHash}, the golden model's is 0x{golden:X8}; rebuild (dotnet build rig/Rig.Native)");
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(result, s_json));
        else
            WriteTable(result);
        return result.BitExact && result.ConfigHash == $"0x{golden:X8}" ? 0 : Mismatch;
    }

    private static void WriteTable(CrossCheckResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = PlainTextTable.Create("signal", "columns", "mismatches");
        foreach (var s in r.Signals) PlainTextTable.Row(table, s.Signal, s.Frames.ToString(inv), s.Mismatches.ToString(inv));
        PlainTextTable.Write(table);
        Console.Out.WriteLine($"profile {r.Profile}: {r.Frames} columns, {r.Mismatches} mismatched values, first diverging stage: {r.FirstDivergingStage ?? "none"}");
        if (r.FirstDivergence is { } d)
            Console.Out.WriteLine($"  first difference: {d.Signal} column {d.Column} stage {d.Stage} [{d.Index}] golden {d.Expected} C {d.Actual}");
        Console.Out.WriteLine($"ramBytes {r.RamBytes} (sizeof rig_frontend_t, host build), tableFlashBytes {r.TableFlashBytes}, config hash {r.ConfigHash}");
        Console.Out.WriteLine(FormattableString.Invariant($"log-mel vs float reference: mean |error| {r.MeanAbsErrorDb:0.000} dB, max {r.MaxAbsErrorDb:0.00} dB (frames above -50 dBFS)"));
    }
}
