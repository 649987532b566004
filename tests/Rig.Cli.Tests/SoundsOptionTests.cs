using Rig.Audio.Wav;
using Rig.Cli.Tests.Support;

namespace Rig.Cli.Tests;

/// <summary>
/// `rig sounds` with bad options and inputs, through the built rig: every one is exit 2 with a
/// message naming the option (or file) and the reason, never a stack trace or exit 1.
/// </summary>
public sealed class SoundsOptionTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public SoundsOptionTests()
    {
        File.WriteAllText(_tmp.Sub("tiny.yaml"), "name: tiny\nitems:\n  - {name: hammer, label: jackhammer, synth: jackhammer, seed: 3, duration: 0.25}\n");
        File.WriteAllText(_tmp.Sub("a-file"), "x");
        Directory.CreateDirectory(_tmp.Sub("a-folder"));
    }

    public void Dispose() => _tmp.Dispose();

    private RigOutcome Rig(params string[] args) =>
        RigProcess.Run(_tmp.Path, args.Select(a => a.Replace("@", _tmp.Path + "/")).ToArray());

    private static void BadInput(RigOutcome r, params string[] said)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
        foreach (var s in said) Assert.Contains(s, r.Err);
    }

    [Theory]
    [InlineData("0", "--rate: 0 Hz is outside 4000..192000 Hz")]
    [InlineData("500", "--rate: 500 Hz is outside 4000..192000 Hz")]
    [InlineData("-8000", "--rate: -8000 Hz is outside")]
    [InlineData("10000000", "--rate: 10000000 Hz is outside")]
    [InlineData("abc", "--rate: 'abc' is not a whole number")]
    [InlineData("99999999999", "--rate: '99999999999' is not a whole number")]
    public void Render_refuses_a_rate_it_cannot_render_at(string rate, string said) =>
        BadInput(Rig("sounds", "render", "-l", "@tiny.yaml", "--out", "@out", "--rate", rate), said);

    [Fact]
    public void Play_checks_its_rate_before_opening_a_device() =>
        BadInput(Rig("sounds", "play", "-l", "@tiny.yaml", "--rate", "0", "--device", "nonexistent"), "rig sounds play: --rate: 0 Hz");

    [Fact]
    public void Render_refuses_an_out_that_is_a_file() =>
        BadInput(Rig("sounds", "render", "-l", "@tiny.yaml", "--out", "@a-file"), "rig sounds render: --out: ", "a-file is a file");

    [Theory]
    [InlineData("sounds", "render", "--out", "@out")]
    [InlineData("sounds", "import", "gtzan", "@a-folder")]
    [InlineData("sounds", "import", "mp3s", "@a-folder", "--out", "@x.yaml")]
    [InlineData("sounds", "import", "gtzan", "@a-folder", "--out", "@x.yaml", "--max-per-label", "lots")]
    public void A_missing_required_option_or_an_unknown_value_is_exit_2(params string[] args) =>
        BadInput(Rig(args), "error: ", "--help");

    [Theory]
    [InlineData("--max-seconds", "0", "--max-seconds: 0 is not a clip length in [0.128, 600] s")]
    [InlineData("--max-seconds", "NaN", "--max-seconds: NaN is not a clip length")]
    [InlineData("--max-seconds", "Infinity", "--max-seconds: Infinity is not a clip length")]
    [InlineData("--max-seconds", "601", "--max-seconds: 601 is not a clip length")]
    [InlineData("--max-per-label", "0", "--max-per-label: 0 must be at least 1")]
    [InlineData("--max-per-label", "-2", "--max-per-label: -2 must be at least 1")]
    public void Import_limits_are_checked_at_the_edge(string option, string value, string said) =>
        BadInput(Rig("sounds", "import", "gtzan", "@a-folder", "--out", "@x.yaml", option, value), said);

    [Fact]
    public void Import_refuses_an_out_that_is_a_folder_and_a_root_that_is_missing()
    {
        BadInput(Rig("sounds", "import", "esc50", "@a-folder", "--out", "@a-folder"), "--out: ", "a-folder is a folder");
        BadInput(Rig("sounds", "import", "esc50", "@nowhere", "--out", "@x.yaml"), "root: ", "nowhere: folder not found");
        BadInput(Rig("sounds", "import", "esc50", "@a-folder", "--out", "@a-file/x.yaml"), "--out: ", "a-file is a file");
        // A dataset file that is missing is the dataset's problem, not the output's.
        var noCsv = Rig("sounds", "import", "esc50", "@a-folder", "--out", "@e.yaml");
        BadInput(noCsv, "meta/esc50.csv: file not found");
        Assert.DoesNotContain("--out", noCsv.Err);
    }

    [Theory]
    [InlineData("--max-seconds", "x", "--max-seconds: 'x' is not a number")]
    [InlineData("--max-per-label", "1.5", "--max-per-label: '1.5' is not a whole number")]
    public void Import_numbers_that_do_not_parse_name_the_option(string option, string value, string said) =>
        BadInput(Rig("sounds", "import", "gtzan", "@a-folder", "--out", "@x.yaml", option, value), said);

    [Fact]
    public void A_gtzan_au_tree_imports_with_its_skipped_files_reported()
    {
        var genres = Path.Combine(_tmp.Path, "gtzan", "genres");
        foreach (var genre in new[] { "jazz", "rock" })
        {
            Directory.CreateDirectory(Path.Combine(genres, genre));
            File.WriteAllBytes(Path.Combine(genres, genre, $"{genre}.00000.au"), Au16(22050, 11025));
        }
        File.WriteAllText(Path.Combine(genres, "input.mf"), "x");
        var r = Rig("sounds", "import", "gtzan", "@gtzan", "--out", "@g.yaml");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("wrote ", r.Out);
        Assert.Contains("1 clips (jazz 1)", r.Out);
        Assert.Contains("skipped 1 clips of classes with no rig label: rock 1", r.Out);
        Assert.Contains("warning: ", r.Err);
        Assert.Contains("input.mf: not inside a genre folder", r.Err);
        var render = Rig("sounds", "render", "-l", "@g.yaml", "--out", "@rendered", "--rate", "8000");
        Assert.True(render.ExitCode == 0, render.ToString());
    }

    [Fact]
    public void An_import_with_no_clip_is_exit_2_and_writes_nothing()
    {
        var blues = Path.Combine(_tmp.Path, "gtzan", "genres", "blues");
        Directory.CreateDirectory(blues);
        File.WriteAllBytes(Path.Combine(blues, "blues.00000.au"), Au16(22050, 11025));
        BadInput(Rig("sounds", "import", "gtzan", "@gtzan", "--out", "@g.yaml"), "no clip imported", "1 of classes with no rig label");
        Assert.False(File.Exists(_tmp.Sub("g.yaml")));
    }

    [Fact]
    public void A_float_wav_with_infinity_is_refused_naming_the_file()
    {
        var samples = new float[8000];
        samples[10] = float.NegativeInfinity;
        WavWriter.WriteMono(_tmp.Sub("inf.wav"), samples, 8000, WavEncoding.Float32);
        File.WriteAllText(_tmp.Sub("inf.yaml"), "items:\n  - {label: jazz, file: inf.wav}\n");
        BadInput(Rig("sounds", "render", "-l", "@inf.yaml", "--out", "@o"), "inf.yaml:2: items[0].file: ", "inf.wav: sample frame 10 (at 0.00125 s) is -Infinity");
    }

    // A Sun .au file as GTZAN ships them: 16-bit big-endian PCM, mono, a quiet ramp.
    private static byte[] Au16(uint rate, int frames)
    {
        var bytes = new byte[24 + frames * 2];
        void U32(int at, uint v) => System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at), v);
        ".snd"u8.CopyTo(bytes);
        U32(4, 24);
        U32(8, (uint)frames * 2);
        U32(12, 3);
        U32(16, rate);
        U32(20, 1);
        for (var i = 0; i < frames; i++) System.Buffers.Binary.BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(24 + i * 2), (short)(i % 2000));
        return bytes;
    }
}
