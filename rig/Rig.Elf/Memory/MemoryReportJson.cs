using System.Text.Json;
using System.Text.Json.Serialization;
using Rig.Core.Runs;

namespace Rig.Elf.Memory;

/// <summary>JSON for `rig mem --json` (camelCase, like run.json) and the run.json memory block.</summary>
public static class MemoryReportJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(MemoryReport report) => JsonSerializer.Serialize(report, s_options);

    /// <summary>The figures run.json keeps (<see cref="RunResult.Memory"/>).</summary>
    public static MemoryResult ToMemoryResult(this MemoryReport report) =>
        new(report.FlashBytes, report.RamBytes, report.FrontendRamBytes, report.StackReserveBytes,
            report.Sections.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Sum(s => s.Bytes)));
}
