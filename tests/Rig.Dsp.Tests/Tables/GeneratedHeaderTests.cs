using Rig.Core;
using Rig.Dsp.Tables;
using Rig.Native;

namespace Rig.Dsp.Tests.Tables;

public class GeneratedHeaderTests
{
    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Committed_header_is_exactly_the_generator_output(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var committed = File.ReadAllText(FrontendHeaderFile.PathFor(RepoPaths.Root, profile));
        Assert.Equal(FrontendHeaderFile.Render(p), committed);
        Assert.Null(FrontendHeaderFile.Staleness(RepoPaths.Root, p));
    }

    [Fact]
    public void A_stale_header_is_named_with_the_command_that_fixes_it()
    {
        var root = Directory.CreateTempSubdirectory("rig-stale").FullName;
        try
        {
            var p = RepoProfiles.Load("rp2040");
            var path = FrontendHeaderFile.PathFor(root, "rp2040");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, FrontendHeaderFile.Render(p).Replace("#define RIG_FE_HOP 128", "#define RIG_FE_HOP 64"));
            var message = FrontendHeaderFile.Staleness(root, p);
            Assert.NotNull(message);
            Assert.Contains("stale", message);
            Assert.Contains("rig tables --profile rp2040", message);
            File.Delete(path);
            Assert.Contains("missing", FrontendHeaderFile.Staleness(root, p));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void C_library_reports_the_golden_hash_and_table_size(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var tables = new FrontendTables(p.Frontend);
        using var native = new NativeFrontend(RigCoreLibrary.Load(profile), p.Frontend);
        Assert.Equal(tables.ConfigHash, native.ConfigHash);
        Assert.Equal(tables.FlashBytes, native.TableBytes);
    }

    [Fact]
    public void Py32f003_fits_its_budgets()
    {
        var p = RepoProfiles.Load("py32f003");
        using var native = new NativeFrontend(RigCoreLibrary.Load("py32f003"), p.Frontend);
        Assert.True(native.StateBytes <= 1024, $"rig_frontend_t is {native.StateBytes} B");
        Assert.True(new FrontendTables(p.Frontend).FlashBytes <= 2048);
    }

    [Fact]
    public void Hash_changes_with_any_config_field()
    {
        var c = RepoProfiles.Load("py32f003").Frontend;
        var h = new FrontendTables(c).ConfigHash;
        Assert.NotEqual(h, new FrontendTables(c with { Hop = 32 }).ConfigHash);
        Assert.NotEqual(h, new FrontendTables(c with { Window = "hamming" }).ConfigHash);
        Assert.NotEqual(h, new FrontendTables(c with { FmaxHz = 3900 }).ConfigHash);
        Assert.Equal(h, new FrontendTables(c with { }).ConfigHash);
    }

    [Fact]
    public void Tables_are_sized_to_the_fft_in_use()
    {
        var c = RepoProfiles.Load("nrf52840").Frontend;
        var t = new FrontendTables(c);
        Assert.Equal(c.FftLength / 2 + 1, t.WindowHalf.Length);
        Assert.Equal(c.FftLength / 4 + 1, t.QuarterSine.Length);
        Assert.Equal(32767, t.QuarterSine[^1]);
        Assert.Equal(0, t.QuarterSine[0]);
        // Sparse mel: every band non-empty, inside the spectrum, weights well below dense size.
        for (var m = 0; m < c.MelBands; m++)
        {
            Assert.True(t.MelCount[m] > 0);
            Assert.True(t.MelStart[m] + t.MelCount[m] <= c.Bins);
        }
        Assert.True(t.MelWeights.Length < c.MelBands * c.Bins / 8);
    }
}
