using System.Text.RegularExpressions;
using Rig.Cli.Tests.Support;
using Rig.Core;

namespace Rig.Cli.Tests.Contract;

/// <summary>No process of the rig is started through a shell, so no string from a file or an option can become a command.</summary>
public sealed class NoShellTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void No_source_of_the_rig_starts_a_shell_or_uses_shell_execute()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "rig"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("ProcessStartInfo", StringComparison.Ordinal) && !text.Contains("Process.Start", StringComparison.Ordinal)) continue;
            if (Regex.IsMatch(text, @"""(/bin/)?(sh|bash|dash|zsh)""") || Regex.IsMatch(text, @"""-c""") || Regex.IsMatch(text, @"UseShellExecute\s*=\s*true"))
                offenders.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }
        Assert.True(offenders.Count == 0, "starts a shell: " + string.Join(", ", offenders));
    }

    [Fact]
    public void A_profile_whose_name_is_a_command_is_refused_before_anything_runs()
    {
        var marker = _tmp.Sub("owned");
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"))
            .Replace("name: py32f003", $"name: \"x$(touch {marker})\"", StringComparison.Ordinal);
        var profile = _tmp.Sub("evil.yaml");
        File.WriteAllText(profile, yaml);
        var o = RigProcess.Run(_tmp.Path, "run", "--profile", profile, "--out", _tmp.Sub("run"));
        Assert.True(o.ExitCode == 2, o.ToString());
        Assert.Contains($"{profile}:3: name: must be 1 to 32 characters of a-z", o.Err);
        Assert.False(File.Exists(marker));
    }
}
