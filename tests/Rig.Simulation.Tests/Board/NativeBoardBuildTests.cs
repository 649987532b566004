using Rig.Core;
using Rig.Simulation.Board;

namespace Rig.Simulation.Tests.Board;

/// <summary>
/// The native board through the rig's one cmake launcher. Uses nrf52840, whose native board no other test project
/// starts, so making its executable stale here cannot pull it from under a running test.
/// </summary>
public class NativeBoardBuildTests
{
    private const string Profile = "nrf52840";

    [Fact]
    public void A_stale_executable_is_rebuilt_and_a_fresh_one_is_left_alone()
    {
        var exe = NativeBoardBuild.Ensure(Profile);
        Assert.EndsWith(Path.Combine("bin", "rig_board_native_" + Profile), exe);
        var newest = NativeBoardBuild.NewestSource();
        Assert.True(File.GetLastWriteTimeUtc(exe) >= newest);

        // Fresh: Ensure must not touch it.
        var fresh = File.GetLastWriteTimeUtc(exe);
        Assert.Equal(exe, NativeBoardBuild.Ensure(Profile));
        Assert.Equal(fresh, File.GetLastWriteTimeUtc(exe));

        // Older than a source (as after editing firmware/core or a cortexm header): Ensure relinks it.
        File.SetLastWriteTimeUtc(exe, newest - TimeSpan.FromHours(1));
        Assert.Equal(exe, NativeBoardBuild.Ensure(Profile));
        Assert.True(File.GetLastWriteTimeUtc(exe) >= newest, "Ensure left a stale executable in place");
    }

    [Fact]
    public void A_bad_profile_name_is_refused_before_cmake_sees_it() =>
        Assert.Contains("profile name", Assert.Throws<InvalidOperationException>(() => NativeBoardBuild.Ensure("../x")).Message);
}
