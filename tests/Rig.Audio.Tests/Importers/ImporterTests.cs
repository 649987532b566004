using Rig.Audio.Importers;
using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Importers;

/// <summary>Each importer on a small tree laid out like the real dataset, then the playlist it wrote is loaded and rendered.</summary>
public class ImporterTests
{
    private static void Wav(string path, double seconds, int rate = 22050)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.WriteMono(path, Signals.Sine(440, rate, (int)(seconds * rate), 0.3), rate);
    }

    [Fact]
    public void Esc50_maps_dog_and_noise_beds_and_counts_the_rest()
    {
        using var dir = new TempDir();
        var root = dir.Sub("ESC-50-master");
        dir.Write("ESC-50-master/meta/esc50.csv", """
            filename,fold,target,category,esc10,src_file,take
            1-100032-A-0.wav,1,0,dog,True,100032,A
            1-100038-A-14.wav,1,14,chirping_birds,False,100038,A
            1-17367-A-10.wav,1,10,rain,True,17367,A
            2-100648-A-43.wav,2,43,car_horn,False,100648,A
            2-101676-A-0.wav,2,0,dog,True,101676,A
            """);
        foreach (var f in new[] { "1-100032-A-0", "1-100038-A-14", "1-17367-A-10", "2-100648-A-43", "2-101676-A-0" })
            Wav(Path.Combine(root, "audio", f + ".wav"), 5, 44100);
        var result = Esc50Importer.Import(root, dir.Sub("out/esc50.yaml"));
        Assert.Equal(3, result.Imported);
        Assert.Equal(2, result.ImportedByLabel["dog_bark"]);
        Assert.Equal(1, result.ImportedByLabel["background"]);
        Assert.Equal(new Dictionary<string, int> { ["car_horn"] = 1, ["chirping_birds"] = 1 }, result.SkippedByClass);
        Assert.Empty(result.Problems);

        var playlist = Playlist.Load(result.PlaylistPath!);
        Assert.Equal(["dog_bark", "background", "dog_bark"], playlist.Items.Select(i => i.Label));
        Assert.All(playlist.Items, i => Assert.Equal(4, i.DurationSeconds, 9));
        Assert.Equal(64000, ClipRenderer.Render(playlist.Items[0], 16000).Length);
    }

    [Fact]
    public void UrbanSound8K_finds_slices_in_their_fold_folders_and_reports_unreadable_ones()
    {
        using var dir = new TempDir();
        var root = dir.Sub("UrbanSound8K");
        dir.Write("UrbanSound8K/metadata/UrbanSound8K.csv", """
            slice_file_name,fsID,start,end,salience,fold,classID,class
            100032-3-0-0.wav,100032,0.0,0.317551,1,5,3,dog_bark
            100263-2-0-117.wav,100263,58.5,62.5,1,5,2,children_playing
            103074-7-0-0.wav,103074,0,4,1,1,7,jackhammer
            "134717-0-0-0.wav",134717,0,4,1,2,0,air_conditioner
            bad-7-0-0.wav,1,0,4,1,2,7,jackhammer
            """);
        Wav(Path.Combine(root, "audio/fold5/100032-3-0-0.wav"), 0.317551);
        Wav(Path.Combine(root, "audio/fold5/100263-2-0-117.wav"), 4);
        Wav(Path.Combine(root, "audio/fold1/103074-7-0-0.wav"), 4);
        Wav(Path.Combine(root, "audio/fold2/134717-0-0-0.wav"), 4, 8000);
        File.WriteAllText(Path.Combine(root, "audio/fold2/bad-7-0-0.wav"), "not a wav");
        var result = UrbanSound8KImporter.Import(root, dir.Sub("us8k.yaml"));
        Assert.Equal(3, result.Imported);
        Assert.Equal(1, result.SkippedByClass["children_playing"]);
        Assert.Contains("bad-7-0-0.wav: ", Assert.Single(result.Problems));
        var playlist = Playlist.Load(result.PlaylistPath!);
        Assert.Equal(["dog_bark", "jackhammer", "background"], playlist.Items.Select(i => i.Label));
        Assert.Equal(0.3175, playlist.Items[0].DurationSeconds, 3);
    }

    [Fact]
    public void Gtzan_takes_three_genres_cut_to_length_with_a_per_label_cap()
    {
        using var dir = new TempDir();
        var root = dir.Sub("gtzan");
        foreach (var genre in new[] { "blues", "disco", "jazz", "metal", "pop" })
            for (var k = 0; k < 3; k++)
                Wav(Path.Combine(root, "genres", genre, $"{genre}.{k:D5}.wav"), 6, 22050);
        var result = GtzanImporter.Import(root, dir.Sub("gtzan.yaml"), new ImportOptions(MaxSeconds: 3, MaxPerLabel: 2));
        Assert.Equal(new Dictionary<string, int> { ["disco"] = 2, ["jazz"] = 2, ["metal"] = 2 }, result.ImportedByLabel);
        Assert.Equal(new Dictionary<string, int> { ["blues"] = 3, ["pop"] = 3 }, result.SkippedByClass);
        var playlist = Playlist.Load(result.PlaylistPath!);
        Assert.Equal(6, playlist.Items.Count);
        Assert.Equal("disco.00000", playlist.Items[0].Name);
        Assert.All(playlist.Items, i => Assert.Equal(3, i.DurationSeconds, 9));
    }

    [Fact]
    public void A_tree_that_is_not_the_dataset_is_a_clear_error()
    {
        using var dir = new TempDir();
        Assert.Contains("esc50.csv: file not found", Assert.Throws<FileNotFoundException>(() => Esc50Importer.Import(dir.Path, dir.Sub("x.yaml"))).Message);
        Assert.Contains("genres", Assert.Throws<DirectoryNotFoundException>(() => GtzanImporter.Import(dir.Path, dir.Sub("x.yaml"))).Message);
        dir.Write("metadata/UrbanSound8K.csv", "slice_file_name,fold\nx.wav,1\n");
        Assert.Contains("UrbanSound8K.csv:1: missing column(s) class", Assert.Throws<InvalidDataException>(() => UrbanSound8KImporter.Import(dir.Path, dir.Sub("x.yaml"))).Message);
        dir.Write("meta/esc50.csv", "filename,category\na.wav\n");
        Assert.Contains("esc50.csv:2: expected 2 fields, got 1", Assert.Throws<InvalidDataException>(() => Esc50Importer.Import(dir.Path, dir.Sub("x.yaml"))).Message);
    }
}
