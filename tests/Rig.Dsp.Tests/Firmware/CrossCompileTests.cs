using System.Diagnostics;
using Rig.Core;

namespace Rig.Dsp.Tests.Firmware;

/// <summary>
/// firmware/core builds warning-free (-std=c99 -Wall -Wextra -Werror) for this machine and for
/// Cortex-M0+ and Cortex-M4 with arm-none-eabi-gcc, for every profile's generated tables; the
/// frontend pulls in no division or 64-bit multiply helpers on the M0+ (no hardware divider there).
/// The host build of every profile is the test build itself (cmake, -Werror); here every core file
/// is cross-compiled for py32f003 and the frontend (the only table-dependent code of mine) for all.
/// </summary>
public class CrossCompileTests
{
    public static TheoryData<string, string> Targets()
    {
        var d = new TheoryData<string, string>();
        foreach (var p in Profiles.Names)
            foreach (var cpu in new[] { "cortex-m0plus", "cortex-m4" })
                d.Add(p, cpu);
        return d;
    }

    private static (int Code, string Output) Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), $"{file} did not finish in 60 s");
        return (p.ExitCode, output.Result + error.Result);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Core_compiles_warning_free(string profile, string cpu)
    {
        var fw = RepoPaths.Firmware;
        var outDir = Directory.CreateTempSubdirectory("rig-cc").FullName;
        try
        {
            var (cc, flags) = ("arm-none-eabi-gcc", $"-mcpu={cpu} -mthumb -Os");
            var sources = profile == "py32f003" ? Directory.GetFiles(Path.Combine(fw, "core"), "*.c") : [Path.Combine(fw, "core", "frontend.c")];
            foreach (var source in sources)
            {
                var obj = Path.Combine(outDir, Path.GetFileNameWithoutExtension(source) + ".o");
                var (code, text) = Run(cc, $"-std=c99 -Wall -Wextra -Werror {flags} -I{fw}/core -I{fw}/generated/{profile} -c {source} -o {obj}");
                Assert.True(code == 0, $"{cc} {cpu} {Path.GetFileName(source)}:\n{text}");
            }
            if (cpu == "cortex-m0plus")
            {
                var (_, symbols) = Run("arm-none-eabi-nm", Path.Combine(outDir, "frontend.o"));
                foreach (var helper in new[] { "__aeabi_idiv", "__aeabi_uidiv", "__aeabi_lmul", "__aeabi_ldivmod", "__aeabi_uldivmod", "__muldi3" })
                    Assert.DoesNotContain(helper, symbols);
                Assert.Contains("rig_frontend_push", symbols);
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
