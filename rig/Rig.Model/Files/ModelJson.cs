using System.Text.Json;
using System.Text.Json.Serialization;
using Rig.Model.Quantized;

namespace Rig.Model.Files;

/// <summary>
/// Reads and writes rig_model.json. Arrays are plain JSON integers (never base64), so the file
/// diffs well and other tools can read it. Loading validates every array length and range.
/// </summary>
public static class ModelJson
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ModelDescription d)
    {
        var m = d.Model;
        var dto = new Dto
        {
            Format = FormatVersion,
            Name = m.Name,
            Profile = m.Profile,
            Labels = Rig.Core.Labels.All.ToArray(),
            Bands = m.Bands,
            WindowColumns = m.WindowColumns,
            Hidden = m.Hidden,
            FrontendConfigHash = m.FrontendConfigHash,
            Macs = m.Macs,
            ParameterBytes = m.ParameterBytes,
            RamBytes = m.RamBytes,
            InputOffset = m.InputOffset.Select(v => (int)v).ToArray(),
            InputMult = m.InputMult.Select(v => (int)v).ToArray(),
            InputShift = m.InputShift.Select(v => (int)v).ToArray(),
            W1 = m.W1.Select(v => (int)v).ToArray(),
            B1 = m.B1,
            M1 = m.M1,
            S1 = m.S1.Select(v => (int)v).ToArray(),
            W2 = m.W2.Select(v => (int)v).ToArray(),
            B2 = m.B2,
            M2 = m.M2,
            S2 = m.S2.Select(v => (int)v).ToArray(),
            Training = d.Training,
        };
        return JsonSerializer.Serialize(dto, s_options) + "\n";
    }

    public static ModelDescription Parse(string file, string json)
    {
        Dto dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(json, s_options) ?? throw new InvalidDataException($"{file}: empty model description");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: line {e.LineNumber + 1}: {e.Path}: {e.Message}", e);
        }
        if (dto.Format != FormatVersion)
            throw new InvalidDataException($"{file}: format: {dto.Format} is not the supported version {FormatVersion}");
        if (dto.Labels is not null && !dto.Labels.SequenceEqual(Rig.Core.Labels.All))
            throw new InvalidDataException($"{file}: labels: [{string.Join(", ", dto.Labels)}] differ from the rig's [{string.Join(", ", Rig.Core.Labels.All)}]");
        var model = new QuantizedModel
        {
            Name = dto.Name ?? "",
            Profile = dto.Profile ?? "",
            Bands = dto.Bands,
            WindowColumns = dto.WindowColumns,
            Hidden = dto.Hidden,
            FrontendConfigHash = dto.FrontendConfigHash,
            InputOffset = Narrow(file, "inputOffset", dto.InputOffset, short.MinValue, short.MaxValue, v => (short)v),
            InputMult = Narrow(file, "inputMult", dto.InputMult, short.MinValue, short.MaxValue, v => (short)v),
            InputShift = Narrow(file, "inputShift", dto.InputShift, 0, 30, v => (byte)v),
            W1 = Narrow(file, "w1", dto.W1, -128, 127, v => (sbyte)v),
            B1 = dto.B1 ?? throw Missing(file, "b1"),
            M1 = dto.M1 ?? throw Missing(file, "m1"),
            S1 = Narrow(file, "s1", dto.S1, 0, 62, v => (byte)v),
            W2 = Narrow(file, "w2", dto.W2, -128, 127, v => (sbyte)v),
            B2 = dto.B2 ?? throw Missing(file, "b2"),
            M2 = dto.M2 ?? throw Missing(file, "m2"),
            S2 = Narrow(file, "s2", dto.S2, 0, 62, v => (byte)v),
        };
        var problems = model.Problems().ToList();
        if (problems.Count > 0)
            throw new InvalidDataException($"{file}: {string.Join("; ", problems)}");
        return new ModelDescription(model, dto.Training);
    }

    public static ModelDescription Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: model description not found (run `rig train`)", path);
        return Parse(path, File.ReadAllText(path));
    }

    private static T[] Narrow<T>(string file, string field, int[]? values, int min, int max, Func<int, T> cast)
    {
        if (values is null) throw Missing(file, field);
        for (var i = 0; i < values.Length; i++)
            if (values[i] < min || values[i] > max)
                throw new InvalidDataException($"{file}: {field}[{i}]: {values[i]} is out of range [{min}, {max}]");
        return values.Select(cast).ToArray();
    }

    private static InvalidDataException Missing(string file, string field) => new($"{file}: {field}: missing");

    private sealed class Dto
    {
        public int Format { get; set; }
        public string? Name { get; set; }
        public string? Profile { get; set; }
        public string[]? Labels { get; set; }
        public int Bands { get; set; }
        public int WindowColumns { get; set; }
        public int Hidden { get; set; }
        public uint FrontendConfigHash { get; set; }
        public long Macs { get; set; }
        public int ParameterBytes { get; set; }
        public int RamBytes { get; set; }
        public TrainingInfo? Training { get; set; }
        public int[]? InputOffset { get; set; }
        public int[]? InputMult { get; set; }
        public int[]? InputShift { get; set; }
        public int[]? W1 { get; set; }
        public int[]? B1 { get; set; }
        public int[]? M1 { get; set; }
        public int[]? S1 { get; set; }
        public int[]? W2 { get; set; }
        public int[]? B2 { get; set; }
        public int[]? M2 { get; set; }
        public int[]? S2 { get; set; }
    }
}
