using System.Text.Json;
using System.Text.Json.Serialization;
using Rig.Model.Graph;

namespace Rig.Model.Tflite;

/// <summary>
/// A readable description of a <see cref="ModelGraph"/> (tensors with shapes, types and quantisation, operators with
/// options, constants as byte counts): what `rig model import` leaves in firmware/generated/&lt;p&gt;/ beside the
/// .tflite until the firmware header writer of the graph takes over.
/// </summary>
public static class GraphJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ModelGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var doc = new
        {
            graph.Name,
            graph.Inputs,
            graph.Outputs,
            InputKind = graph.InputKind.ToString(),
            Tensors = graph.Tensors.Select(t => new
            {
                t.Id,
                t.Name,
                t.Shape,
                t.Type,
                Scales = t.Quantization?.Scales,
                ZeroPoints = t.Quantization?.ZeroPoints,
                QuantizedDimension = t.Quantization?.QuantizedDimension,
                ConstantBytes = t.Data?.Length,
            }),
            Operators = graph.Operators.Select(o => new { o.Index, o.Kind, o.Inputs, o.Outputs, o.Options }),
        };
        return JsonSerializer.Serialize(doc, s_options);
    }
}
