using Rig.Audio.Importers;
using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Importers;

/// <summary>The dataset layouts found in the wild, and every file an import cannot use, with its reason.</summary>
public class ImporterLayoutTests
{
    private static void Wav(string path, double seconds, int rate = 22050)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.WriteMono(path, Signals.Sine(440, rate, (int)(seconds * rate), 0.3), rate);
    }

    [Fact]
    public void Gtzan_original_au_layout_is_read_and_its_other_files_are_reported()
    {
        using var dir = new TempDir();
        var root = dir.Sub("gtzan");
        foreach (var genre in new[] { "blues", "disco", "jazz" })
            for (var k = 0; k < 2; k++)
                AuBuilder.WriteTone(Path.Combine(root, "genres", genre, $"{genre}.{k:D5}.au"), 1.5);
        dir.Write("gtzan/genres/bextract_single.mf", "list\n");
        dir.Write("gtzan/genres/jazz/notes.txt", "x\n");
        var result = GtzanImporter.Import(root, dir.Sub("gtzan.yaml"), new ImportOptions(MaxSeconds: 1));
        Assert.Equal(new Dictionary<string, int> { ["disco"] = 2, ["jazz"] = 2 }, result.ImportedByLabel);
        Assert.Equal(new Dictionary<string, int> { ["blues"] = 2 }, result.SkippedByClass);
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Contains("bextract_single.mf: not inside a genre folder"));
        Assert.Contains(result.Problems, p => p.Contains("notes.txt: not a .wav or .au file"));
        var playlist = Playlist.Load(result.PlaylistPath!);
        Assert.Equal("disco.00000", playlist.Items[0].Name);
        Assert.Equal(22050, Assert.IsType<FileSource>(playlist.Items[0].Source).Info.SampleRate);
        Assert.Equal(16000, ClipRenderer.Render(playlist.Items[0], 16000).Length);
    }

    [Theory]
    [InlineData("Data/genres_original")]
    [InlineData("genres_original")]
    [InlineData("")]
    public void Gtzan_re_encoded_layouts_are_accepted(string layout)
    {
        using var dir = new TempDir();
        var genres = Path.Combine(dir.Path, "gtzan", layout);
        Wav(Path.Combine(genres, "metal", "metal.00000.wav"), 1);
        Wav(Path.Combine(genres, "pop", "pop.00000.wav"), 1);
        var result = GtzanImporter.Import(dir.Sub("gtzan"), dir.Sub("g.yaml"));
        Assert.Equal(new Dictionary<string, int> { ["metal"] = 1 }, result.ImportedByLabel);
        Assert.Single(Playlist.Load(result.PlaylistPath!).Items);
    }

    [Fact]
    public void A_folder_with_no_genres_lists_the_layouts_it_looked_for()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Sub("x/genres/nothing"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => GtzanImporter.Import(dir.Sub("x"), dir.Sub("g.yaml")));
        Assert.Contains("Data/genres_original/<genre>/*.wav", e.Message);
    }

    [Fact]
    public void An_import_that_yields_no_clip_writes_nothing_and_says_why()
    {
        using var dir = new TempDir();
        var root = dir.Sub("gtzan");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "genres", "jazz")).FullName, "jazz.00054.wav"), "this is not audio at all");
        Wav(Path.Combine(root, "genres", "blues", "blues.00000.wav"), 1);
        var result = GtzanImporter.Import(root, dir.Sub("g.yaml"));
        Assert.Null(result.PlaylistPath);
        Assert.Equal(0, result.Imported);
        Assert.False(File.Exists(dir.Sub("g.yaml")));
        Assert.Contains("jazz.00054.wav: not a RIFF file", Assert.Single(result.Problems));
    }

    [Fact]
    public void Clips_left_out_by_the_per_label_cap_are_counted()
    {
        using var dir = new TempDir();
        var root = dir.Sub("gtzan");
        for (var k = 0; k < 4; k++) Wav(Path.Combine(root, "genres", "jazz", $"jazz.{k:D5}.wav"), 0.5);
        var result = GtzanImporter.Import(root, dir.Sub("g.yaml"), new ImportOptions(MaxPerLabel: 1));
        Assert.Equal(1, result.Imported);
        Assert.Equal(new Dictionary<string, int> { ["jazz"] = 3 }, result.OverLimitByLabel);
    }

    [Fact]
    public void Esc50_and_urbansound8k_report_unusable_rows_and_too_short_clips()
    {
        using var dir = new TempDir();
        var esc = dir.Sub("esc");
        dir.Write("esc/meta/esc50.csv", "filename,category\n../../escape.wav,dog\n1-1-A-0.wav,dog\n1-2-A-0.wav,dog\n");
        Wav(Path.Combine(esc, "audio", "1-1-A-0.wav"), 1);
        Wav(Path.Combine(esc, "audio", "1-2-A-0.wav"), 0.1, 8000);
        var r = Esc50Importer.Import(esc, dir.Sub("e.yaml"));
        Assert.Equal(1, r.Imported);
        Assert.Equal(2, r.Problems.Count);
        Assert.Contains("esc50.csv:2: filename: '../../escape.wav' is not a plain file name", r.Problems[0]);
        Assert.Contains("1-2-A-0.wav: 0.1 s is shorter than the 0.128 s a clip needs", r.Problems[1]);

        var us = dir.Sub("us");
        dir.Write("us/metadata/UrbanSound8K.csv", "slice_file_name,fold,class\na.wav,../1,dog_bark\nb.wav,1,dog_bark\n");
        var u = UrbanSound8KImporter.Import(us, dir.Sub("u.yaml"));
        Assert.Null(u.PlaylistPath);
        Assert.Contains("UrbanSound8K.csv:2: fold: '../1' is not a fold number", u.Problems[0]);
        Assert.Contains("b.wav: file not found", u.Problems[1]);
    }

    [Theory]
    [InlineData(0.0, null, "--max-seconds")]
    [InlineData(double.NaN, null, "--max-seconds")]
    [InlineData(double.PositiveInfinity, null, "--max-seconds")]
    [InlineData(-1.0, null, "--max-seconds")]
    [InlineData(601.0, null, "--max-seconds")]
    [InlineData(4.0, 0, "--max-per-label")]
    [InlineData(4.0, -3, "--max-per-label")]
    public void Bad_import_limits_name_the_option(double maxSeconds, int? maxPerLabel, string option)
    {
        var options = new ImportOptions(maxSeconds, maxPerLabel);
        Assert.Equal(option, Assert.Single(options.Problems()).Option);
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }
}
