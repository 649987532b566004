using Microsoft.Data.Sqlite;
using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Elf.Format;
using Rig.Hardware.Serial;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;
using Rig.Simulation.Board;
using Rig.Store;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>
/// The build id is checked again where a board may have changed image under the run: after it reset mid-run (the
/// resync's HELLO), and on `--resume` (the stored clips name the build id of the board that played them).
/// </summary>
public sealed class BuildIdRecheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-buildid-recheck-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_board_that_resets_mid_clip_is_checked_again_and_stops_the_run_on_another_image(bool otherImage)
    {
        var p = ProfileCatalog.Load("py32f003");
        using var board = VirtualBoard.Start(new VirtualBoardOptions("py32f003", FaultResetAfterBytes: 12_000));
        using var session = new BoardSession("virtual-0", new SerialPortLink(board.PtyPath, p.Serial.Baud, TimeSpan.FromSeconds(5)), "py32f003",
            new Q15Frontend(p.Frontend).ConfigHash, new SessionOptions(), TimeProvider.System);
        // The image the board must come back on: its own executable, or another one (as if reflashed while it was down).
        var expected = otherImage ? NativeBoardBuild.Ensure("rp2040") : board.Executable;
        var checks = 0;
        session.CheckAfterRestart = hello =>
        {
            checks++;
            ImageCheck.Verify("virtual-0", "py32f003", hello, expected, anyImage: false);
        };
        session.Connect();
        var samples = new short[16000];
        for (var i = 0; i < samples.Length; i++) samples[i] = (short)((i * 7919) % 20000 - 10000);
        var play = () => session.PlayInject("reset-victim", samples, p.Classifier.WindowColumns, p.Classifier.WindowHopColumns);
        if (otherImage)
        {
            var e = Assert.Throws<WrongImageException>(() => play());
            Assert.Contains(BuildIdNote.Read(board.Executable)!.Id, e.Message, StringComparison.Ordinal);
            Assert.Contains(BuildIdNote.Read(expected)!.Id, e.Message, StringComparison.Ordinal);
        }
        else
            Assert.Equal(1, play().Retries);
        Assert.Equal(1, checks); // once, at the resync after the reset; not at the first handshake
    }

    [Fact]
    public void Resume_refuses_a_board_whose_build_id_is_not_the_one_that_played_the_stored_clips()
    {
        var playlist = TinyRuns.Playlist(_dir, 2);
        var outDir = Path.Combine(_dir, "reflashed");
        Execute(TinyRuns.Options(_dir, playlist, outDir) with { StopAfterClips = 1 });
        var db = RunStore.RunDbPath(outDir);
        var id = BuildIdNote.Read(NativeBoardBuild.ExecutablePath("py32f003"))!.Id;
        Assert.Contains($", build id {id}", Scalar(db, "SELECT json_extract(json, '$.board') FROM clip_samples"), StringComparison.Ordinal);
        // The stored clips were played by an image with another build id: the board answering now is not that one.
        Sql(db, $"UPDATE clip_samples SET json = json_set(json, '$.board', replace(json_extract(json, '$.board'), '{id}', '00{id[2..]}'))");
        var e = Assert.Throws<InvalidDataException>(() => Execute(ResumePlan.Load(outDir, TinyRuns.Options(_dir, "ignored", "ignored"))));
        Assert.Contains("now answers as", e.Message, StringComparison.Ordinal);
        Assert.Contains($"build id 00{id[2..]}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_written_before_build_ids_were_recorded_still_resumes()
    {
        var playlist = TinyRuns.Playlist(_dir, 2);
        var outDir = Path.Combine(_dir, "older");
        Execute(TinyRuns.Options(_dir, playlist, outDir) with { StopAfterClips = 1 });
        Sql(RunStore.RunDbPath(outDir), "UPDATE clip_samples SET json = json_set(json, '$.board', substr(json_extract(json, '$.board'), 1, instr(json_extract(json, '$.board'), ', build id ') - 1))");
        var outcome = Assert.Single(Execute(ResumePlan.Load(outDir, TinyRuns.Options(_dir, "ignored", "ignored"))));
        Assert.True(outcome.Result.Complete);
    }

    private static IReadOnlyList<RunOutcome> Execute(RunOptions options) => new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(options);

    private static void Sql(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Assert.True(cmd.ExecuteNonQuery() > 0, sql);
    }

    private static string Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (string)cmd.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
