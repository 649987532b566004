using System.CommandLine;
using Rig.Cli.Commands;
using Rig.Core;
using Rig.Elf.Build;

namespace Rig.Cli.Tests;

/// <summary>`rig mem` exit codes on the py32f003 image (built here through its CMake preset into
/// a temporary folder): 0 within budget, 1 over budget, 2 for a file that is no ARM image.</summary>
public sealed class MemCommandTests(MemCommandTests.Py32Image image) : IClassFixture<MemCommandTests.Py32Image>
{
    /// <summary>The image, built once for the class.</summary>
    public sealed class Py32Image : IDisposable
    {
        public Py32Image()
        {
            var binary = Path.Combine(Dir, "build");
            var failed = new FirmwareBuilder(RepoPaths.Firmware).Build("py32f003", binary).FirstOrDefault(s => !s.Succeeded);
            Assert.True(failed is null, failed?.Output);
            Elf = Path.Combine(binary, "firmware.elf");
        }

        public string Dir { get; } = Directory.CreateTempSubdirectory("rig-mem-cli-").FullName;
        public string Elf { get; }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    private readonly string _dir = image.Dir;
    private readonly string _elf = image.Elf;

    private static int Rig(params string[] args) => new RootCommand { MemCommand.Create() }.Parse(["mem", .. args]).Invoke();

    [Fact]
    public void Image_within_the_profile_budget_exits_0()
    {
        Assert.Equal(0, Rig("--profile", "py32f003", _elf));
        Assert.Equal(0, Rig("--profile", "py32f003", _elf, "--json"));
    }

    [Fact]
    public void Image_over_a_tighter_flash_budget_exits_1()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));
        Assert.Contains("flash_budget_bytes: 24576", yaml);
        var tight = Path.Combine(_dir, "tight.yaml");
        File.WriteAllText(tight, yaml.Replace("flash_budget_bytes: 24576", "flash_budget_bytes: 256", StringComparison.Ordinal));
        Assert.Equal(MemCommand.OverBudget, Rig("--profile", tight, _elf));
    }

    [Fact]
    public void Host_binary_exits_2()
    {
        Assert.Equal(CliErrors.BadInput, Rig("--profile", "py32f003", "/bin/ls"));
    }

    [Fact]
    public void Unknown_profile_exits_2()
    {
        Assert.Equal(CliErrors.BadInput, Rig("--profile", "no-such-board", _elf));
    }
}
