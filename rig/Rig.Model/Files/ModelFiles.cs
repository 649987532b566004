using Rig.Core;
using Rig.Model.Quantized;

namespace Rig.Model.Files;

/// <summary>Where a profile's committed model lives, and writing a trained model there (or to any folder).</summary>
public static class ModelFiles
{
    public const string HeaderName = "rig_model_weights.h";
    public const string JsonName = "rig_model.json";

    public static string JsonPath(string profile) => Path.Combine(RepoPaths.Generated(profile), JsonName);
    public static string HeaderPath(string profile) => Path.Combine(RepoPaths.Generated(profile), HeaderName);

    /// <summary>The committed model of a profile (firmware/generated/&lt;profile&gt;/rig_model.json).</summary>
    public static QuantizedModel Load(string profile) => ModelJson.Load(JsonPath(profile)).Model;

    public static (string Header, string Json) Write(string directory, ModelDescription d)
    {
        Directory.CreateDirectory(directory);
        var header = Path.Combine(directory, HeaderName);
        var json = Path.Combine(directory, JsonName);
        File.WriteAllText(header, WeightsHeaderWriter.Write(d.Model));
        File.WriteAllText(json, ModelJson.Serialize(d));
        return (header, json);
    }
}
