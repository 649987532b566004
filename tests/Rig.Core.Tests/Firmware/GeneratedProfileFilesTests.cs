using Rig.Core;
using Rig.Core.Firmware;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Firmware;

/// <summary>firmware/generated/&lt;p&gt;/ holds exactly what `rig tables` writes from the validated profile.</summary>
public class GeneratedProfileFilesTests
{
    public static TheoryData<string> Profiles() => new(ProfileCatalog.Names());

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Committed_generated_files_are_exactly_the_generator_output(string profile)
    {
        var p = ProfileCatalog.Load(profile);
        Assert.Empty(ProfileFiles.Staleness(RepoPaths.Root, p));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_header_and_cmake_carry_the_profile_figures_and_the_labels(string profile)
    {
        var p = ProfileCatalog.Load(profile);
        var header = ProfileHeaderWriter.Write(p);
        Assert.Contains($"#define RIG_PROFILE_CLOCK_HZ {p.Board.ClockHz}u", header);
        Assert.Contains($"#define RIG_PROFILE_UART_RX_BYTES {p.Serial.RxBufferBytes}u", header);
        Assert.Contains($"#define RIG_PROFILE_MODEL_RAM_BUDGET_BYTES {p.Memory.ModelRamBudgetBytes}u", header);
        Assert.Contains($"#define RIG_MODEL_CLASSES {Labels.All.Count}\n", header);
        Assert.All(Labels.All, l => Assert.Contains($"\"{l}\"", header));
        var cmake = ProfileCmakeWriter.Write(p);
        Assert.Contains($"set(RIG_PROFILE_STACK_RESERVE_BYTES {p.Memory.StackReserveBytes})", cmake);
        Assert.Contains($"set(RIG_PROFILE_UART_BAUD {p.Serial.Baud})", cmake);
    }

    [Fact]
    public void A_changed_profile_makes_its_files_stale_and_names_the_command()
    {
        var root = Directory.CreateTempSubdirectory("rig-gen-").FullName;
        try
        {
            var p = ProfileCatalog.Load("rp2040");
            foreach (var f in ProfileFiles.For(root, p)) Assert.True(f.WriteIfChanged());
            Assert.Empty(ProfileFiles.Staleness(root, p));
            var faster = p with { Serial = p.Serial with { Baud = p.Serial.Baud * 2 } };
            var stale = ProfileFiles.Staleness(root, faster);
            Assert.Equal(2, stale.Count); // rig_profile.h and rig_profile.cmake; the tables do not depend on the baud
            Assert.All(stale, s => Assert.Contains("rig tables --profile rp2040", s));
            File.Delete(ProfileFiles.For(root, p)[1].Path);
            Assert.Contains(ProfileFiles.Staleness(root, p), s => s.Contains("missing"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void No_cmake_file_reads_a_profile_it_only_lists_them()
    {
        var lines = Directory.EnumerateFiles(RepoPaths.Firmware, "*.cmake", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.Firmware, "CMakeLists.txt", SearchOption.AllDirectories))
            .Where(f => !f.StartsWith(Path.Combine(RepoPaths.Firmware, "build") + "/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select(l => (File: f, Line: l.Trim())))
            .Where(x => x.Line.Contains("yaml", StringComparison.Ordinal) && !x.Line.StartsWith('#'))
            .ToList();
        Assert.NotEmpty(lines); // the enumeration of the boards
        Assert.All(lines, x => Assert.True(
            x.Line.StartsWith("file(GLOB", StringComparison.Ordinal) || x.Line.StartsWith("message(", StringComparison.Ordinal) || x.Line.StartsWith("set(RIG_PROFILES_DIR", StringComparison.Ordinal),
            $"{x.File}: {x.Line}"));
    }
}
