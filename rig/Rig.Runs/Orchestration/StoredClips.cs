using Rig.Audio.Playlists;
using Rig.Protocol.Messages;

namespace Rig.Runs.Orchestration;

/// <summary>
/// What a resume checks before it trusts the clips an earlier session committed: they are the playlist's first
/// clips in order (no gap, no stray or mis-indexed row), and the board answering now is the one that played them.
/// Either failing is refused with the store and the clip named, never played over.
/// </summary>
public static class StoredClips
{
    public static void Check(BoardRun run, Playlist playlist)
    {
        var db = run.Store.Path;
        var indices = run.Done.Keys.Order().ToList();
        for (var k = 0; k < indices.Count; k++)
        {
            var index = indices[k];
            if (index != k) throw new InvalidDataException($"{db}: clips row {index}: clip {k} is missing before it; committed clips must be the playlist's first clips in order (the store was edited or damaged)");
            if (index >= playlist.Items.Count) throw new InvalidDataException($"{db}: clips row {index}: the playlist {playlist.File} has {playlist.Items.Count} clips");
            var clip = run.Done[index];
            var item = playlist.Items[index];
            if (clip.Name != item.Name || clip.Label != item.Label)
                throw new InvalidDataException($"{db}: clips row {index}: holds '{clip.Name}' ({clip.Label}) where the playlist has '{item.Name}' ({item.Label}); the playlist changed or the store was edited");
        }
    }

    /// <summary>Refuses a resume when the board answering on the run's port is not the one that played its clips.</summary>
    public static void CheckSameBoard(BoardRun run)
    {
        if (run.EarlierBoard is not { } before) return;
        // Stores from before build ids were recorded name the board without one: compared without it.
        var now = BoardIdentity(run.Session.Hello, withBuildId: before.Contains(BuildIdLabel, StringComparison.Ordinal));
        if (now != before)
            throw new InvalidDataException($"{run.Store.Path}: the run's clips were played by '{before}', but {run.Target} now answers as '{now}'; "
                                           + "resume on the board that started the run, or start a new run");
    }

    private const string BuildIdLabel = ", build id ";

    /// <summary>What a board says it is (HELLO): name, firmware, tables and model, how it counts cycles, and the image's build id
    /// (v3), so a board reflashed between sessions (or reset onto another image) does not continue a run.</summary>
    public static string BoardIdentity(Hello hello, bool withBuildId = true) =>
        $"{hello.BoardName}, firmware {hello.FirmwareVersion}, config 0x{hello.ConfigHash:X8}, model 0x{hello.ModelConfigHash:X8}, {hello.CycleUnit} at {hello.CyclesHz} Hz" +
        (withBuildId && hello.BuildId is { } id ? BuildIdLabel + id : "");
}
