using Rig.Firmware.Tests.Support;

namespace Rig.Firmware.Tests.Core;

/// <summary>
/// Every firmware/core file builds warning-free with arm-none-eabi-gcc for each profile's own core and
/// generated tables (the board images' flags); on a core without a hardware divider (M0+) the frontend
/// pulls in no division or 64-bit multiply helpers. The host build of every profile is the test build
/// itself (cmake, -Werror).
/// </summary>
public sealed class CrossCompileTests : IDisposable
{
    private readonly TempDir _out = new();

    public void Dispose() => _out.Dispose();

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Core_compiles_warning_free_for_the_profiles_core(string profile)
    {
        var board = RepoProfiles.Load(profile).Board;
        foreach (var source in Directory.GetFiles(FirmwareTree.Core, "*.c"))
        {
            var obj = _out.Sub(Path.GetFileNameWithoutExtension(source) + ".o");
            var r = Tool.Run("arm-none-eabi-gcc", [.. ArmTarget.Warnings, .. ArmTarget.CpuFlags(board), "-Os",
                "-I", FirmwareTree.Core, "-I", FirmwareTree.Generated(profile), "-c", source, "-o", obj]);
            Assert.True(r.ExitCode == 0, $"{board.Core} {Path.GetFileName(source)}:\n{r.Output}");
            Assert.DoesNotContain("warning", r.Output, StringComparison.OrdinalIgnoreCase);
        }
        if (!ArmTarget.HasNoDivider(board)) return;
        var symbols = Tool.Ok("arm-none-eabi-nm", _out.Sub("frontend.o"));
        foreach (var helper in ArmTarget.DivisionAnd64BitHelpers)
            Assert.DoesNotContain(helper, symbols);
        Assert.Contains("rig_frontend_push", symbols);
    }
}
