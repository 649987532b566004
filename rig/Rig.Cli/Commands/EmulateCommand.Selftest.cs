using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rig.Core;
using Rig.Emulation.Oracle;
using Rig.Gdb;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig emulate --selftest [--json]`: builds the selftest programs (a) instruction coverage and (b)
/// the firmware core for both cores (firmware/emulation-selftest, arm-none-eabi-gcc) and runs each
/// in lockstep against QEMU (qemu-system-arm -M microbit / -M mps2-an386 through its gdbstub),
/// printing per core and program the instructions compared and the divergences. Exit 0 when every
/// program agrees to its end, 1 on a divergence or an ISS stop (a measured failure), 2 when the
/// selftest cannot run (no QEMU, no compiler, a silent gdbstub).
/// </summary>
public static partial class EmulateCommand
{
    static partial void AddSelftest(Command command, ref Func<ParseResult, int?>? run)
    {
        var selftest = new Option<bool>("--selftest")
        {
            Description = "build the instruction-coverage and firmware-core programs for both cores and compare the emulator with QEMU after every instruction",
        };
        command.Options.Add(selftest);
        var json = command.Options.OfType<Option<bool>>().Single(o => o.Name == "--json");
        run = parse => parse.GetValue(selftest) ? RunSelftest(parse.GetValue(json)) : null;
    }

    static int RunSelftest(bool json)
    {
        var folder = Directory.CreateTempSubdirectory("rig-selftest-").FullName;
        try
        {
            IReadOnlyList<LockstepResult> results;
            try
            {
                results = Selftest.Run(new SelftestOptions(RepoPaths.Firmware, folder, TimeSpan.FromSeconds(60)), image =>
                {
                    var iss = new IssLockstepTarget(QemuMachineChip.Create(image.Machine, image.ElfPath));
                    return new LockstepCandidate(iss, a => iss.Core.Symbols?.Describe(a));
                });
            }
            catch (Exception e) when (e is QemuNotFoundException or SelftestBuildException or GdbProtocolException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return CliErrors.BadInput;
            }
            Console.Out.WriteLine(json ? SelftestJson(results) : SelftestText(results));
            return results.All(r => r.Passed) ? 0 : ImageFault;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string SelftestText(IReadOnlyList<LockstepResult> results)
    {
        var lines = new List<string> { $"{"core",-14} {"program",-14} {"instructions",12}  divergences" };
        foreach (var r in results)
        {
            var outcome = r.End switch
            {
                LockstepEnd.Done => "0",
                LockstepEnd.Diverged => "1, the first: " + r.Divergence,
                LockstepEnd.Stopped => "not compared to the end: " + r.Message,
                LockstepEnd.Unexpected => "0, but the program parked in selftest_unexpected",
                _ => "0, but the step limit ran out before selftest_done",
            };
            lines.Add($"{r.Core,-14} {r.Program,-14} {r.Instructions,12}  {outcome}");
        }
        return string.Join(Environment.NewLine, lines);
    }

    static string SelftestJson(IReadOnlyList<LockstepResult> results)
    {
        var list = new JsonArray();
        foreach (var r in results)
        {
            var divergences = new JsonArray();
            foreach (var d in r.Divergences)
                divergences.Add(new JsonObject
                {
                    ["step"] = d.Step,
                    ["pc"] = $"0x{d.Pc:X8}",
                    ["instruction"] = d.Instruction,
                    ["symbol"] = d.Symbol,
                    ["register"] = d.Register,
                    ["qemu"] = $"0x{d.Qemu:X8}",
                    ["iss"] = $"0x{d.Iss:X8}",
                });
            list.Add(new JsonObject
            {
                ["core"] = r.Core,
                ["program"] = r.Program,
                ["instructions"] = r.Instructions,
                ["divergences"] = divergences,
                ["end"] = r.End.ToString(),
                ["message"] = r.Message,
            });
        }
        return list.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
