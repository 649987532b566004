using Rig.Cli.Tests.Support;
using Rig.Core;
using Rig.Core.Profiles;

namespace Rig.Cli.Tests;

/// <summary>Every command taking --profile answers a wrong name with exit 2, the file it looked for and the profiles there are.</summary>
public sealed class ProfileErrorTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string TinyPlaylist()
    {
        var path = _tmp.Sub("tiny.yaml");
        File.WriteAllText(path, "name: tiny\nitems:\n  - {name: a, label: jazz, synth: jazz, seed: 1, duration: 0.3}\n");
        return path;
    }

    private string SampleRunDir()
    {
        var dir = _tmp.Sub("sample-run");
        SampleRun.Write(dir, 1, new SampleRunShape { Clips = 2 });
        return dir;
    }

    public static TheoryData<string> Commands() => new() { "run", "mem", "power", "tables", "crosscheck", "train", "history", "gate", "report", "sounds render", "sounds play" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_wrong_profile_name_exits_2_naming_the_missing_file_and_the_known_profiles(string command)
    {
        string[] rest = command switch
        {
            "run" => ["--out", _tmp.Sub("run"), "--playlist", TinyPlaylist()],
            "mem" => ["/bin/ls"],
            "power" => ["--seconds", "0.1", "--board", "virtual"],
            "tables" => ["--check"],
            "train" => ["--playlist", TinyPlaylist(), "--out", _tmp.Sub("model")],
            "gate" or "report" => [SampleRunDir()],
            "sounds render" => ["--playlist", TinyPlaylist(), "--out", _tmp.Sub("wav")],
            "sounds play" => ["--playlist", TinyPlaylist()],
            _ => [],
        };
        var r = RigProcess.Run(_tmp.Path, [.. command.Split(' '), "--profile", "nosuch", .. rest]);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(Path.Combine(RepoPaths.Profiles, "nosuch.yaml") + ": (file): no such profile", r.Err);
        Assert.Contains("known profiles: " + string.Join(", ", ProfileCatalog.Names()), r.Err);
        Assert.DoesNotContain("   at ", r.Err); // a message, not a stack trace
    }
}
