using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Rig.Model.Files;
using Rig.Model.Graph;

namespace Rig.Model.Training.Export;

/// <summary>
/// A readable dump of a <see cref="ModelGraph"/> plus how it was trained (model_graph.json next to
/// model.tflite): tensors with shape, type, quantisation and constant values as plain integers,
/// operators with their options. Deterministic for a graph, so a retrained model diffs cleanly.
/// </summary>
public static class GraphJson
{
    public const string FileName = "model_graph.json";

    public static string Write(ModelGraph graph, GraphTrainingInfo? training)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", graph.Name);
            w.WriteString("inputKind", graph.InputKind == ModelInputKind.Window ? "window" : "stats");
            w.WriteNumber("input", graph.Inputs[0]);
            w.WriteNumber("output", graph.Outputs[0]);
            if (training is not null)
            {
                // One flat object, as before the record was split: arch first, then the training record's fields.
                w.WriteStartObject("training");
                w.WriteString("arch", training.Arch);
                foreach (var field in JsonSerializer.SerializeToElement(training.Training, s_camel).EnumerateObject()) field.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteStartArray("tensors");
            foreach (var t in graph.Tensors)
            {
                w.WriteStartObject();
                w.WriteNumber("id", t.Id);
                w.WriteString("name", t.Name);
                Ints(w, "shape", t.Shape);
                w.WriteString("type", t.Type.ToString().ToLowerInvariant());
                if (t.Quantization is { } q)
                {
                    w.WriteStartObject("quantization");
                    w.WriteStartArray("scales");
                    foreach (var s in q.Scales) w.WriteNumberValue(s);
                    w.WriteEndArray();
                    w.WriteStartArray("zeroPoints");
                    foreach (var z in q.ZeroPoints) w.WriteNumberValue(z);
                    w.WriteEndArray();
                    w.WriteNumber("quantizedDimension", q.QuantizedDimension);
                    w.WriteEndObject();
                }
                if (t.Data is { } data) Ints(w, "data", Values(t.Type, data.Span));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("operators");
            foreach (var op in graph.Operators)
            {
                w.WriteStartObject();
                w.WriteNumber("index", op.Index);
                w.WriteString("kind", op.Kind.ToString());
                Ints(w, "inputs", op.Inputs);
                Ints(w, "outputs", op.Outputs);
                w.WritePropertyName("options");
                JsonSerializer.Serialize(w, op.Options, s_camel);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static readonly JsonSerializerOptions s_camel = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static int[] Values(TensorType type, ReadOnlySpan<byte> data)
    {
        var v = new int[data.Length / (type == TensorType.Int32 ? 4 : type == TensorType.Int16 ? 2 : 1)];
        for (var i = 0; i < v.Length; i++)
            v[i] = type switch
            {
                TensorType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]),
                TensorType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]),
                _ => (sbyte)data[i],
            };
        return v;
    }

    private static void Ints(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}

/// <summary>What `rig train` did to make a graph and how it scored: the MLP's record plus the architecture trained.</summary>
public sealed record GraphTrainingInfo(string Arch, TrainingInfo Training);
