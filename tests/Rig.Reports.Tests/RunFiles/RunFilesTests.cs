using CsCheck;
using Rig.Core.Runs;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.RunFiles;

/// <summary>The per-clip feature files and the power trace CSV that `rig run` writes and the report reads.</summary>
public sealed class RunFilesTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Feature_columns_round_trip_exactly()
    {
        Gen.Short.Array[8].Array[0, 40].Select(Gen.Int[0, 3], Gen.Int[0, 9999]).Sample((golden, missing, clip) =>
        {
            var frames = golden.Length;
            var board = golden.Take(Math.Max(0, frames - missing)).ToList();
            // Samples run in parallel: each gets its own run directory.
            var dir = Path.Combine(_tmp.Path, Guid.NewGuid().ToString("N"));
            var name = ClipFeatures.Write(dir, clip, board, golden);
            var back = ClipFeatures.Read(dir, name);
            return name == ClipFeatures.RelativePathFor(clip)
                && back.Frames == frames && (frames == 0 || back.Bands == 8)
                && back.Golden.Zip(golden).All(p => p.First.SequenceEqual(p.Second))
                && back.Board.Length == board.Count && back.Board.Zip(board).All(p => p.First.SequenceEqual(p.Second));
        }, iter: 60);
    }

    [Fact]
    public void Ragged_feature_columns_are_refused_when_written()
    {
        var e = Assert.Throws<InvalidDataException>(() => ClipFeatures.Write(_tmp.Path, 3, [new short[5], new short[4]], [new short[5], new short[5]]));
        Assert.Contains("board column 1", e.Message);
    }

    [Fact]
    public void Power_trace_round_trips_and_columns_are_found_by_name()
    {
        Gen.Select(Gen.Double[0, 100], Gen.Double[0, 500], Gen.Int[0, 1]).Select((t, p, m) => new PowerSample(t, p, m)).List[0, 50].Sample(samples =>
        {
            var each = Path.Combine(_tmp.Path, Guid.NewGuid().ToString("N") + ".csv");
            PowerTraceCsv.Write(each, samples);
            return PowerTraceCsv.Read(each).SequenceEqual(samples);
        }, iter: 60);
        var path = Path.Combine(_tmp.Path, "power.csv");
        File.WriteAllText(path, "bus_v,power_mw,time_s\n3.3,7.5,0.25\n");
        Assert.Equal([new PowerSample(0.25, 7.5, 0)], PowerTraceCsv.Read(path));
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("time,power\n", "time_s and power_mw")]
    [InlineData("time_s,power_mw,marker\n0.1,2.0\n", ":2: 2 cells")]
    [InlineData("time_s,power_mw,marker\n0.1,2.0,yes\n", ":2: marker")]
    public void Malformed_power_traces_name_the_line(string text, string expected)
    {
        var path = Path.Combine(_tmp.Path, "power.csv");
        File.WriteAllText(path, text);
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => PowerTraceCsv.Read(path)).Message);
    }
}
