using Rig.Core;
using Rig.Core.Profiles;
using Rig.Model.Graph;

namespace Rig.Model.Tflite;

/// <summary>
/// Whether a model fits what a profile's frontend produces (Graph/README.md, "How a model sees the frontend"):
/// one int8 input, [1, W, B, 1] (the window: W = classifier.window_columns, B = the column length, MFCCs or mel
/// bands) or [1, 2B] (the stats), and one int8 output of [1, classes] in Rig.Core.Labels order.
/// </summary>
public static class ProfileInputCheck
{
    public static void Check(ModelGraph graph, BoardProfile profile, string source)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(profile);
        var w = profile.Classifier.WindowColumns;
        var b = profile.Frontend.ColumnLength;
        if (graph.Inputs.Count != 1 || graph.Outputs.Count != 1)
            throw new TfliteFormatException(source, -1, $"{graph.Inputs.Count} inputs and {graph.Outputs.Count} outputs; a board model has one of each");
        var input = graph.Input;
        int[] window = [1, w, b, 1];
        int[] stats = [1, 2 * b];
        if (input.Type != TensorType.Int8 || !(input.Shape.SequenceEqual(window) || input.Shape.SequenceEqual(stats)))
            throw new TfliteFormatException(source, -1,
                $"input tensor {input.Id} '{input.Name}' is {input.Type} [{string.Join(", ", input.Shape)}]; profile {profile.Name}'s frontend gives INT8 window [{string.Join(", ", window)}] " +
                $"({w} columns of {b} {(profile.Frontend.MfccCount > 0 ? "MFCCs" : "mel bands")}) or stats [{string.Join(", ", stats)}]");
        var output = graph.Output;
        int[] scores = [1, Labels.All.Count];
        if (output.Type != TensorType.Int8 || !output.Shape.SequenceEqual(scores))
            throw new TfliteFormatException(source, -1,
                $"output tensor {output.Id} '{output.Name}' is {output.Type} [{string.Join(", ", output.Shape)}]; the rig reads INT8 [{string.Join(", ", scores)}] scores ({string.Join(", ", Labels.All)})");
    }
}
