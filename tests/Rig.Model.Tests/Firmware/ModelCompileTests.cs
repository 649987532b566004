using System.Diagnostics;
using Rig.Core;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Firmware;

/// <summary>
/// model.c with each profile's committed weights compiles warning-free for every target the boards
/// use, and on the py32f003's Cortex-M0+ its code plus tables stay inside the 16 KB model budget.
/// </summary>
public class ModelCompileTests
{
    private const int Py32FlashBudget = 16 * 1024;

    public static TheoryData<string, string> Targets()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in ModelProfiles.Names)
        {
            data.Add(p, "host");
            data.Add(p, "cortex-m0plus");
            data.Add(p, "cortex-m4");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Compiles_with_all_warnings_as_errors(string profile, string target)
    {
        var obj = Compile(profile, target);
        Assert.True(new FileInfo(obj).Length > 0);
    }

    [Fact]
    public void Py32f003_model_code_and_tables_fit_16_KB_of_flash()
    {
        var obj = Compile("py32f003", "cortex-m0plus");
        var (_, output) = Run("arm-none-eabi-size", $"-A {obj}");
        var bytes = output.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && (f[0].StartsWith(".text", StringComparison.Ordinal) || f[0].StartsWith(".rodata", StringComparison.Ordinal)))
            .Sum(f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        var tables = ModelProfiles.Committed("py32f003").ParameterBytes;
        Assert.InRange(bytes, tables, Py32FlashBudget);
    }

    private static string Compile(string profile, string target)
    {
        var core = Path.Combine(RepoPaths.Firmware, "core");
        var generated = RepoPaths.Generated(profile);
        var obj = Path.Combine(Path.GetTempPath(), $"rig-model-{profile}-{target}-{Environment.ProcessId}.o");
        var (compiler, flags) = target == "host" ? ("gcc", "-O2") : ("arm-none-eabi-gcc", $"-mcpu={target} -mthumb -Os");
        var (code, output) = Run(compiler, $"-std=c99 -Wall -Wextra -Werror {flags} -I{core} -I{generated} -c {Path.Combine(core, "model.c")} -o {obj}");
        Assert.True(code == 0, $"{compiler} {target} {profile}: {output}");
        return obj;
    }

    private static (int Code, string Output) Run(string exe, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill();
            throw new TimeoutException($"{exe} {args} did not finish in 60 s");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
