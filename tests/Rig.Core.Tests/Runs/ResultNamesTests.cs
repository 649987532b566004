using System.Text.Json;
using Rig.Core.Runs;

namespace Rig.Core.Tests.Runs;

/// <summary>
/// The closed sets of run.json are typed in C# and written as the lowercase names run.json always had
/// (README: mode, timing.wire, timing.physicalLimit, cycles.unit, power.clock), so older files still read.
/// </summary>
public class ResultNamesTests
{
    public static TheoryData<object, string> Names() => new()
    {
        { RunMode.Inject, "inject" }, { RunMode.Acoustic, "acoustic" },
        { WireKind.Uart, "uart" }, { WireKind.PacedVirtualUart, "paced-virtual-uart" }, { WireKind.UnpacedPty, "unpaced-pty" },
        { PhysicalLimit.HostToBoardUart, "host->board UART" }, { PhysicalLimit.BoardToHostUart, "board->host UART" }, { PhysicalLimit.AudioDuration, "audio duration" },
        { CycleUnit.McuCycles, "mcu-cycles" }, { CycleUnit.HostCycles, "host-cycles" },
        { MeasurementClock.Mcu, "mcu" }, { MeasurementClock.EmulatedMcu, "emulated-mcu" }, { MeasurementClock.Host, "host" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_value_is_written_and_read_as_its_run_json_name(object value, string name)
    {
        Assert.Equal(JsonSerializer.Serialize(name), JsonSerializer.Serialize(value, value.GetType(), RunJson.Options));
        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(name), value.GetType(), RunJson.Options));
    }

    [Fact]
    public void JsonNames_shows_and_parses_the_same_names_and_refuses_others()
    {
        Assert.Equal("paced-virtual-uart", JsonNames.Of(WireKind.PacedVirtualUart));
        Assert.Equal(RunMode.Acoustic, JsonNames.Parse<RunMode>("acoustic"));
        Assert.Null(JsonNames.Parse<RunMode>("Acoustic"));
        Assert.Null(JsonNames.Parse<RunMode>(null));
        Assert.Equal(["inject", "acoustic"], JsonNames.All<RunMode>());
    }

    [Fact]
    public void A_run_json_mode_outside_the_set_is_refused_naming_the_field()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("rig-names-").FullName, RunJson.FileName);
        try
        {
            File.WriteAllText(path, """
                {"runId":"r","profile":"py32f003","mode":"telepathic","board":"virtual","playlist":"p.yaml","configHash":"0x1",
                 "startedAt":"2026-12-01T00:00:00Z","complete":false,"accuracy":0,"featureMismatches":0,"clips":[],
                 "confusion":{"labels":["a"],"counts":[[0]]}}
                """);
            var e = Assert.Throws<InvalidDataException>(() => RunJson.Read(path));
            Assert.Contains($"{path}: mode:", e.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
