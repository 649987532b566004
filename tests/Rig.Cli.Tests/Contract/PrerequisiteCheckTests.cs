using System.Diagnostics;
using Rig.Core;

namespace Rig.Cli.Tests.Contract;

/// <summary>
/// The build's prerequisite check (Directory.Build.targets) on a PATH stripped of one tool: one line naming the
/// Debian package to install, not cmake output and failing tests.
/// </summary>
public sealed class PrerequisiteCheckTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A bin folder holding every program of /usr/bin and /bin except <paramref name="without"/>.</summary>
    private string PathWithout(params string[] without)
    {
        var bin = _tmp.Sub("bin-" + string.Join('-', without));
        Directory.CreateDirectory(bin);
        foreach (var file in new[] { "/usr/bin", "/bin" }.Where(Directory.Exists).SelectMany(Directory.EnumerateFileSystemEntries))
        {
            var name = Path.GetFileName(file);
            var link = Path.Combine(bin, name);
            if (!without.Contains(name) && !File.Exists(link) && !Directory.Exists(link)) File.CreateSymbolicLink(link, file);
        }
        return bin;
    }

    private static (int Exit, string Out) Check(string path, params string[] properties)
    {
        var psi = new ProcessStartInfo("/usr/bin/dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "msbuild", Path.Combine(RepoPaths.Root, "Directory.Build.targets"), "-t:RigCheckPrerequisites", "-nologo", "-clp:ErrorsOnly;NoSummary" }.Concat(properties))
            psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = path;
        psi.Environment.Remove("RIG_CHROMIUM");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(120)), "msbuild did not finish");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Theory]
    [InlineData("arm-none-eabi-gcc", "gcc-arm-none-eabi")]
    [InlineData("cmake", "cmake")]
    [InlineData("chromium", "chromium")]
    public void A_missing_tool_is_one_error_naming_its_package(string tool, string package)
    {
        Assert.True(File.Exists("/usr/bin/" + tool), $"this test needs {tool} installed, to take it away");
        var (exit, output) = Check(PathWithout(tool));
        Assert.NotEqual(0, exit);
        var errors = output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains($"missing prerequisite: install {package} (sudo bash .ci/run installs everything)", error);
    }

    /// <summary>PostgreSQL's programs are not on PATH (Debian keeps them in /usr/lib/postgresql/&lt;version&gt;/bin): that folder is looked in.</summary>
    [Fact]
    public void Without_postgresql_the_check_names_its_package()
    {
        var (exit, output) = Check(PathWithout(), "-p:_RigPostgresRoot=" + _tmp.Sub("no-postgresql"));
        Assert.NotEqual(0, exit);
        var error = Assert.Single(output.Split('\n'), l => l.Contains("error", StringComparison.Ordinal));
        Assert.Contains("missing prerequisite: install postgresql (sudo bash .ci/run installs everything)", error);
    }

    [Fact]
    public void With_every_tool_there_the_check_passes()
    {
        var (exit, output) = Check(PathWithout());
        Assert.True(exit == 0, output);
    }
}
