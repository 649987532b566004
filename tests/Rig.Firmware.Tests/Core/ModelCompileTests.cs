using System.Globalization;
using Rig.Firmware.Tests.Support;
using Rig.Model.Files;

namespace Rig.Firmware.Tests.Core;

/// <summary>
/// model.c with each profile's committed weights compiles warning-free for this machine (the virtual
/// board) and for the profile's own core, and on the py32f003's Cortex-M0+ its code plus tables stay
/// inside the 16 KB model budget.
/// </summary>
public sealed class ModelCompileTests : IDisposable
{
    private const int Py32FlashBudget = 16 * 1024;
    private const string Host = "host";

    private readonly TempDir _out = new();

    public void Dispose() => _out.Dispose();

    public static TheoryData<string, string> Targets()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in RepoProfiles.Names)
        {
            data.Add(p, Host);
            data.Add(p, RepoProfiles.Load(p).Board.Core);
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
        var obj = Compile("py32f003", RepoProfiles.Load("py32f003").Board.Core);
        var bytes = Tool.Ok("arm-none-eabi-size", "-A", obj).Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && (f[0].StartsWith(".text", StringComparison.Ordinal) || f[0].StartsWith(".rodata", StringComparison.Ordinal)))
            .Sum(f => int.Parse(f[1], CultureInfo.InvariantCulture));
        var tables = ModelFiles.Load("py32f003").ParameterBytes;
        Assert.InRange(bytes, tables, Py32FlashBudget);
    }

    private string Compile(string profile, string target)
    {
        var obj = _out.Sub($"model-{profile}-{target}.o");
        string[] common = [.. ArmTarget.Warnings, "-I", FirmwareTree.Core, "-I", FirmwareTree.Generated(profile), "-c", Path.Combine(FirmwareTree.Core, "model.c"), "-o", obj];
        var r = target == Host
            ? Tool.Run("gcc", ["-O2", .. common])
            : Tool.Run("arm-none-eabi-gcc", [.. ArmTarget.CpuFlags(RepoProfiles.Load(profile).Board), "-Os", .. common]);
        Assert.True(r.ExitCode == 0, $"{target} {profile}: {r.Output}");
        return obj;
    }
}
