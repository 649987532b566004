using System.Globalization;
using Rig.Core;

namespace Rig.Cli.Tests.Support;

/// <summary>The shipped py32f003 profile with other serial.timeouts, so a test's bound on a silent board is the profile's own.</summary>
internal static class ShortTimeoutProfile
{
    private const string Shipped = "    hello_seconds: 2\n    silence_seconds: 3\n    request_seconds: 10\n";

    public static string Write(TempDir tmp, double helloSeconds, double silenceSeconds = 0.5, double requestSeconds = 2, string name = "py32f003.yaml")
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));
        Assert.Contains(Shipped, yaml);
        var path = tmp.Sub(name);
        File.WriteAllText(path, yaml.Replace(Shipped, string.Create(CultureInfo.InvariantCulture,
            $"    hello_seconds: {helloSeconds}\n    silence_seconds: {silenceSeconds}\n    request_seconds: {requestSeconds}\n"), StringComparison.Ordinal));
        return path;
    }
}
