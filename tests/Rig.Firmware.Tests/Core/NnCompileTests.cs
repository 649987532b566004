using Rig.Firmware.Tests.Support;

namespace Rig.Firmware.Tests.Core;

/// <summary>
/// firmware/core/nn builds warning-free for every profile's core with the images' flags, and on a core without
/// a hardware divider (the M0+ boards) the kernels call no division, 64-bit multiply or switch-table helper:
/// every symbol they import is one of their own.
/// </summary>
public sealed class NnCompileTests : IDisposable
{
    private readonly TempDir _out = new();

    public void Dispose() => _out.Dispose();

    private static string Nn => Path.Combine(FirmwareTree.Core, "nn");

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Kernels_compile_warning_free_and_import_nothing_but_each_other(string profile)
    {
        var board = RepoProfiles.Load(profile).Board;
        var objects = new List<string>();
        foreach (var source in Directory.GetFiles(Nn, "*.c"))
        {
            var obj = _out.Sub(Path.GetFileNameWithoutExtension(source) + ".o");
            var r = Tool.Run("arm-none-eabi-gcc", [.. ArmTarget.Warnings, .. ArmTarget.CpuFlags(board), "-Os",
                "-I", FirmwareTree.Core, "-I", Nn, "-c", source, "-o", obj]);
            Assert.True(r.ExitCode == 0, $"{board.Core} {Path.GetFileName(source)}:\n{r.Output}");
            Assert.DoesNotContain("warning", r.Output, StringComparison.OrdinalIgnoreCase);
            objects.Add(obj);
        }
        Assert.NotEmpty(objects);
        var undefined = Tool.Ok("arm-none-eabi-nm", ["-u", .. objects]).Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith("U ", StringComparison.Ordinal)).Select(l => l[2..]).ToHashSet();
        var imports = undefined.Where(s => !s.StartsWith("rig_nn_", StringComparison.Ordinal)).ToList();
        if (ArmTarget.HasNoDivider(board))
            Assert.True(imports.Count == 0, $"{board.Core}: the kernels import {string.Join(", ", imports)}");
        foreach (var helper in ArmTarget.DivisionAnd64BitHelpers)
            Assert.DoesNotContain(helper, imports);
    }
}
