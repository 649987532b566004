using Rig.Audio.Playlists;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Model.Tests.Support;
using Rig.Model.Training;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;
using Rig.Simulation.Room;

namespace Rig.Model.Tests.Training;

/// <summary>
/// Training clips rendered as the board hears them (`rig train --render acoustic|both`): through the profile's virtual
/// room, the very columns a virtual board computes in `rig run --mode acoustic`; deterministic; a noise stream per
/// clip for training; both = every inject clip, then every acoustic one.
/// </summary>
public sealed class AcousticRenderingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-acoustic-train-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>The room `rig train` hands in (TrainCommand): the profile's acoustic section, a fresh room per clip.</summary>
    private static RoomRecording Room(BoardProfile p) => (played, listener) => new VirtualRoom(p.Acoustic, p.Frontend.SampleRate, listener).Capture(played);

    private static void AssertSameColumns(IReadOnlyList<short[]> expected, IReadOnlyList<short[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
    }

    private static bool SameColumns(IReadOnlyList<short[]> a, IReadOnlyList<short[]> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.AsSpan().SequenceEqual(x.Second));

    [Fact]
    public void Acoustic_rendering_gives_the_columns_a_virtual_board_computed_in_an_acoustic_run()
    {
        var yaml = Path.Combine(_dir, "one.yaml");
        File.WriteAllLines(yaml, ["name: one", "items:", "  - {name: c0, label: metal, synth: metal, seed: 321, duration: 0.6}"]);
        var outDir = Path.Combine(_dir, "run");
        var run = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(new RunOptions
        {
            Profile = "py32f003",
            Playlist = yaml,
            Boards = [BoardTarget.Parse("virtual")],
            Mode = RunMode.Acoustic,
            OutDir = outDir,
            HistoryStore = Path.Combine(_dir, "history.db"),
        }));
        var clip = Assert.Single(run.Result.Clips);
        var board = ClipFeatures.Read(outDir, clip.FeatureFile!).Board;

        var p = ProfileCatalog.Load("py32f003");
        var playlist = Playlist.Load(yaml);
        var heard = Assert.Single(PlaylistFeatures.Compute(playlist, p.Frontend, ClipRendering.Acoustic(Room(p), ListenerSeat.RunBoard)));
        AssertSameColumns(board, heard.Columns);
        // The room changes what the board computes: inject columns are not the acoustic run's.
        var injected = Assert.Single(PlaylistFeatures.Compute(playlist, p.Frontend));
        Assert.False(SameColumns(board, injected.Columns), "the acoustic run's columns equal the inject ones: the room did nothing");
        Assert.Equal(("c0 (acoustic)", injected.LabelIndex), (heard.Name, heard.LabelIndex));
    }

    [Fact]
    public void Rendering_is_deterministic_for_the_same_playlist_and_room()
    {
        var p = ProfileCatalog.Load("stm32l4");
        var playlist = SynthClips.Playlist("det", 700, 1, 0.5);
        var first = PlaylistFeatures.Compute(playlist, p.Frontend, ClipRendering.Both(Room(p), ListenerSeat.PerClip));
        var second = PlaylistFeatures.Compute(playlist, p.Frontend, ClipRendering.Both(Room(p), ListenerSeat.PerClip));
        Assert.Equal(first.Select(c => c.Name), second.Select(c => c.Name));
        for (var i = 0; i < first.Count; i++) AssertSameColumns(first[i].Columns, second[i].Columns);
    }

    [Fact]
    public void Training_seats_give_each_clip_its_own_noise_and_the_run_board_seat_the_same_noise()
    {
        // Two clips of the same sound: only the room's noise can tell them apart.
        var p = ProfileCatalog.Load("stm32l4");
        var one = SynthClips.Playlist("twin", 900, 1, 0.5, ["jazz"]).Items[0];
        var twins = new Playlist("twins.yaml", "twins", [one, one with { Index = 1, Name = "jazz_again" }]);
        var perClip = PlaylistFeatures.Compute(twins, p.Frontend, ClipRendering.Acoustic(Room(p), ListenerSeat.PerClip));
        var runBoard = PlaylistFeatures.Compute(twins, p.Frontend, ClipRendering.Acoustic(Room(p), ListenerSeat.RunBoard));
        Assert.False(SameColumns(perClip[0].Columns, perClip[1].Columns), "per-clip seats heard the same noise twice");
        AssertSameColumns(runBoard[0].Columns, runBoard[1].Columns);
        Assert.Equal([1, 2], twins.Items.Select((_, i) => ClipRendering.Acoustic(Room(p), ListenerSeat.PerClip).Listener(i)));
    }

    [Fact]
    public void Both_is_every_inject_clip_then_every_acoustic_clip()
    {
        var p = ProfileCatalog.Load("nrf52840");
        var playlist = SynthClips.Playlist("both", 1100, 1, 0.5);
        var inject = PlaylistFeatures.Compute(playlist, p.Frontend, ClipRendering.Inject);
        var acoustic = PlaylistFeatures.Compute(playlist, p.Frontend, ClipRendering.Acoustic(Room(p), ListenerSeat.PerClip));
        var both = PlaylistFeatures.Compute(playlist, p.Frontend, ClipRendering.Both(Room(p), ListenerSeat.PerClip));
        var union = inject.Concat(acoustic).ToList();
        Assert.Equal(2 * playlist.Items.Count, both.Count);
        Assert.Equal(union.Select(c => (c.Name, c.LabelIndex)), both.Select(c => (c.Name, c.LabelIndex)));
        for (var i = 0; i < both.Count; i++) AssertSameColumns(union[i].Columns, both[i].Columns);
        // The default is inject: the two-argument Compute is what training always used.
        var plain = PlaylistFeatures.Compute(playlist, p.Frontend);
        for (var i = 0; i < plain.Count; i++) AssertSameColumns(inject[i].Columns, plain[i].Columns);
    }

    [Theory]
    [InlineData("room")]
    [InlineData("Acoustic")]
    [InlineData("")]
    public void An_unknown_rendering_is_refused_naming_the_choices(string name)
    {
        var p = ProfileCatalog.Load("stm32l4");
        var e = Assert.Throws<ArgumentException>(() => ClipRendering.Parse(name, Room(p), ListenerSeat.PerClip));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains("inject, acoustic, both", e.Message);
    }

    [Fact]
    public void Each_known_rendering_parses_to_its_mode()
    {
        var p = ProfileCatalog.Load("stm32l4");
        Assert.Equal([RenderMode.Inject, RenderMode.Acoustic, RenderMode.Both],
            ClipRendering.Names.Select(n => ClipRendering.Parse(n, Room(p), ListenerSeat.PerClip).Mode));
    }
}
