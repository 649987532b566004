using System.Diagnostics;
using System.Text.RegularExpressions;
using Rig.Core;
using Rig.Core.Firmware;
using Rig.Core.Profiles;

namespace Rig.Emulation.Tests.Gdb;

/// <summary>
/// Two images of the py32f003 port for the flash tests: the profile's own (built as `rig mem` builds it), which the
/// emulated board starts with, and the same code relinked with another build id (<c>-Wl,--build-id=0x...</c> through
/// the port's RIG_BUILD_ID), which `rig flash` puts in. Their ids are what `arm-none-eabi-readelf -n` prints.
/// </summary>
public sealed partial class FlashImages : IDisposable
{
    public const string Board = "py32f003";

    /// <summary>Twenty bytes (as long as a SHA-1 id), so the relinked image's layout is the profile image's.</summary>
    const string OtherId = "0x7269672d666c6173682d6532652d6f7468657221";

    readonly string folder = Directory.CreateTempSubdirectory("rig-flash-images-").FullName;

    public FlashImages()
    {
        Old = Rig.Runs.Parts.RigParts.EmulatedImage(ProfileCatalog.Load(Board));
        var build = new FirmwareBuild(RepoPaths.Root);
        var steps = build.Image(Board, folder, buildId: OtherId);
        Assert.True(steps.All(s => s.Succeeded), string.Join("\n", steps.Select(s => $"{s.Command}: {s.ExitCode}\n{s.Output}")));
        New = build.ImagePath(Board, folder);
        OldBuildId = ReadelfBuildId(Old);
        NewBuildId = ReadelfBuildId(New);
    }

    /// <summary>The profile's image (firmware/build/py32f003/firmware.elf).</summary>
    public string Old { get; }

    /// <summary>The same port relinked with <see cref="OtherId"/>.</summary>
    public string New { get; }

    public string OldBuildId { get; }
    public string NewBuildId { get; }

    /// <summary>The build id `arm-none-eabi-readelf -n` prints for <paramref name="elf"/> (started with an argument list).</summary>
    public static string ReadelfBuildId(string elf)
    {
        var start = new ProcessStartInfo("arm-none-eabi-readelf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(elf);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "arm-none-eabi-readelf did not finish within a minute");
        var id = BuildIdLine().Match(stdout.Result);
        Assert.True(id.Success, $"arm-none-eabi-readelf -n {elf} printed no build id: {stdout.Result}{stderr.Result}");
        return id.Groups[1].Value;
    }

    [GeneratedRegex(@"Build ID: ([0-9a-f]+)")]
    private static partial Regex BuildIdLine();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
