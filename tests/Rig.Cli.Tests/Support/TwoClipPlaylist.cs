
namespace Rig.Cli.Tests.Support;

/// <summary>The short run the `rig run` tests share: two 0.5 s synthetic clips (longer than py32f003's first window).</summary>
internal static class TwoClipPlaylist
{
    public static string Write(TempDir tmp)
    {
        var path = tmp.Sub("two.yaml");
        File.WriteAllText(path, """
            name: two
            items:
              - {name: band, label: jazz, synth: jazz, seed: 11, duration: 0.5}
              - {name: dog, label: dog_bark, synth: dog_bark, seed: 12, duration: 0.5}
            """);
        return path;
    }
}
