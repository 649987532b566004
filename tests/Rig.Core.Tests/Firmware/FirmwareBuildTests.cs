using Microsoft.Extensions.Time.Testing;
using Rig.Core;
using Rig.Core.Firmware;

namespace Rig.Core.Tests.Firmware;

/// <summary>The one cmake launcher's staleness check and lock (the builds themselves: NativeBoardBuildTests, ScratchBoardTests).</summary>
public class FirmwareBuildTests
{
    [Fact]
    public void Host_inputs_cover_every_folder_the_host_build_reads()
    {
        var fw = RepoPaths.Firmware;
        var inputs = BuildInputs.Host(RepoPaths.Root);
        var files = inputs.SourceFiles().ToHashSet();
        Assert.Contains(Path.Combine(fw, "CMakeLists.txt"), files);
        Assert.Contains(Path.Combine(fw, "core", "model.h"), files);
        Assert.Contains(Path.Combine(fw, "boards", "native", "CMakeLists.txt"), files);
        Assert.Contains(Path.Combine(fw, "boards", "cortexm", "byte_ring.h"), files);
        foreach (var p in Rig.Core.Profiles.ProfileCatalog.Names())
        {
            Assert.Contains(Path.Combine(fw, "generated", p, "rig_profile.h"), files);
            Assert.Contains(Path.Combine(fw, "generated", p, "rig_frontend_tables.h"), files);
        }
        Assert.Equal(Path.Combine(RepoPaths.Root, "profiles"), inputs.ListedFolder);
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("0x")]
    [InlineData("0x123")]
    [InlineData("0x12zz")]
    [InlineData("12ab")]
    public void A_build_id_that_is_not_0x_and_whole_hex_bytes_is_refused_before_cmake_runs(string buildId)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rig-build-id-refused-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<ArgumentException>(() => new FirmwareBuild(RepoPaths.Root).Image("py32f003", dir, buildId: buildId));
        Assert.Contains($"build id '{buildId}'", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir)); // nothing configured
    }

    [Fact]
    public void Image_inputs_cover_the_port_cortexm_the_generated_files_and_the_toolchain()
    {
        var fw = RepoPaths.Firmware;
        var files = BuildInputs.Image(RepoPaths.Root, "rp2040").SourceFiles().ToHashSet();
        Assert.Contains(Path.Combine(fw, "boards", "rp2040", "boot2.S"), files);
        Assert.Contains(Path.Combine(fw, "boards", "rp2040", "rp2040.ld"), files);
        Assert.Contains(Path.Combine(fw, "boards", "cortexm", "rig_image.cmake"), files);
        Assert.Contains(Path.Combine(fw, "boards", "cortexm", "cortexm_sections.ld"), files);
        Assert.Contains(Path.Combine(fw, "generated", "rp2040", "rig_profile.cmake"), files);
        Assert.Contains(Path.Combine(fw, "cmake", "arm-none-eabi.cmake"), files);
        Assert.DoesNotContain(files, f => f.Contains(Path.Combine("generated", "py32f003")));
        Assert.DoesNotContain(files, f => f.Contains(Path.Combine("boards", "stm32l4")));
    }

    [Fact]
    public void Fresh_only_when_the_stamp_and_every_output_are_newer_than_every_input_change()
    {
        var root = Directory.CreateTempSubdirectory("rig-fresh-").FullName;
        try
        {
            var src = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
            var listed = Directory.CreateDirectory(Path.Combine(root, "profiles")).FullName;
            var source = Path.Combine(src, "a.c");
            var stamp = Path.Combine(root, "stamp");
            var output = Path.Combine(root, "out.so");
            foreach (var f in new[] { source, stamp, output }) File.WriteAllText(f, "");
            var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            Directory.SetLastWriteTimeUtc(src, t0);
            Directory.SetLastWriteTimeUtc(listed, t0);
            File.SetLastWriteTimeUtc(source, t0);
            File.SetLastWriteTimeUtc(stamp, t0.AddMinutes(1));
            File.SetLastWriteTimeUtc(output, t0.AddMinutes(2));
            var inputs = new BuildInputs([src], [], listed);

            Assert.True(FirmwareBuild.IsFresh(stamp, inputs, [output]));
            Assert.False(FirmwareBuild.IsFresh(stamp, inputs, [output, Path.Combine(root, "missing.so")]));
            File.SetLastWriteTimeUtc(source, t0.AddMinutes(3)); // a source edited after the build
            Assert.False(FirmwareBuild.IsFresh(stamp, inputs, [output]));
            File.SetLastWriteTimeUtc(source, t0);
            Directory.SetLastWriteTimeUtc(listed, t0.AddMinutes(3)); // a profile added after the build
            Assert.False(FirmwareBuild.IsFresh(stamp, inputs, [output]));
            Directory.SetLastWriteTimeUtc(listed, t0);
            Directory.SetLastWriteTimeUtc(src, t0.AddMinutes(3)); // a source deleted after the build
            Assert.False(FirmwareBuild.IsFresh(stamp, inputs, [output]));
            Directory.SetLastWriteTimeUtc(src, t0);
            File.Delete(stamp); // never finished a build
            Assert.False(FirmwareBuild.IsFresh(stamp, inputs, [output]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_held_lock_makes_the_next_builder_wait_its_bounded_time_then_fail_and_a_released_one_lets_it_in()
    {
        var root = Directory.CreateTempSubdirectory("rig-lock-").FullName;
        try
        {
            var file = Path.Combine(root, "host.lock");
            var time = new FakeTimeProvider();
            var held = BuildLock.Acquire(file, TimeSpan.FromMinutes(1), time);
            var waiter = Task.Run(() => BuildLock.Acquire(file, TimeSpan.FromMinutes(1), time));
            for (var i = 0; i < 10_000 && !waiter.IsCompleted; i++)
            {
                Assert.True(time.GetUtcNow() - time.Start < TimeSpan.FromMinutes(2), "the waiter outlived its timeout");
                time.Advance(TimeSpan.FromMilliseconds(100));
                ((IAsyncResult)waiter).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(5));
            }
            var e = Assert.Throws<AggregateException>(() => waiter.Wait(TimeSpan.FromSeconds(10)));
            Assert.IsType<TimeoutException>(e.InnerException);
            Assert.Contains("host.lock", e.InnerException!.Message);

            held.Dispose();
            using var next = BuildLock.Acquire(file, TimeSpan.Zero, time);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
