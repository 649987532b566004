using Rig.Core;
using Rig.Simulation.Board;

namespace Rig.Simulation.Tests.Board;

/// <summary>
/// The launcher's build step. Uses nrf52840, whose native board no other test project starts, so
/// making its executable stale here cannot pull it from under a running test.
/// </summary>
public class NativeBoardBuildTests
{
    private const string Profile = "nrf52840";

    [Fact]
    public void The_newest_source_covers_core_the_native_port_and_the_profiles_generated_headers()
    {
        var newest = NativeBoardBuild.NewestSource(Profile);
        string[] inputs =
        [
            Path.Combine(RepoPaths.Firmware, "CMakeLists.txt"),
            .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Firmware, "core"), "*.c"),
            .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Firmware, "core"), "*.h"),
            .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Firmware, "boards", "native"), "*.c"),
            .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Firmware, "boards", "native"), "*.h"),
            .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Firmware, "boards", "native"), "*.txt"),
            .. Directory.EnumerateFiles(RepoPaths.Generated(Profile), "*.h"),
        ];
        Assert.True(inputs.Length > 4);
        Assert.All(inputs, f => Assert.True(File.GetLastWriteTimeUtc(f) <= newest, $"{f} is newer than NewestSource"));
        Assert.Contains(inputs, f => File.GetLastWriteTimeUtc(f) == newest);
        Assert.EndsWith(Path.Combine("bin", "rig_board_native_" + Profile), NativeBoardBuild.ExecutablePath(Profile));
    }

    [Fact]
    public void A_stale_executable_is_rebuilt_and_a_fresh_one_is_left_alone()
    {
        var exe = NativeBoardBuild.Ensure(Profile);
        var newest = NativeBoardBuild.NewestSource(Profile);
        Assert.True(File.GetLastWriteTimeUtc(exe) >= newest);

        // Fresh: Ensure must not touch it.
        var fresh = File.GetLastWriteTimeUtc(exe);
        Assert.Equal(exe, NativeBoardBuild.Ensure(Profile));
        Assert.Equal(fresh, File.GetLastWriteTimeUtc(exe));

        // Older than a source (as after editing firmware/core): Ensure relinks it.
        File.SetLastWriteTimeUtc(exe, newest - TimeSpan.FromHours(1));
        Assert.Equal(exe, NativeBoardBuild.Ensure(Profile));
        Assert.True(File.GetLastWriteTimeUtc(exe) >= newest, "Ensure left a stale executable in place");
    }
}
