namespace Rig.Model.Graph;

/// <summary>
/// One operator with every figure the kernels need precomputed on the host, field for field the C
/// struct rig_nn_layer_t (firmware/core/nn/rig_nn_layer.h): what the golden twin runs, what the
/// generated header writes and what the native cross-check hands to C. Shapes are batch 1, NHWC;
/// FullyConnected uses InC (depth) and OutC (units); Softmax has OutH * OutW rows of OutC.
/// </summary>
public sealed record PreparedLayer
{
    public required int OperatorIndex { get; init; }
    public required OperatorKind Kind { get; init; }
    public required int InputTensor { get; init; }
    public required int OutputTensor { get; init; }
    /// <summary>Byte offsets of the input and output in the arena (<see cref="ArenaPlanner"/>).</summary>
    public int InAt { get; init; }
    public int OutAt { get; init; }
    public required int InH { get; init; }
    public required int InW { get; init; }
    public required int InC { get; init; }
    public required int OutH { get; init; }
    public required int OutW { get; init; }
    public required int OutC { get; init; }
    public int FilterH { get; init; }
    public int FilterW { get; init; }
    public int StrideH { get; init; } = 1;
    public int StrideW { get; init; } = 1;
    public int DilationH { get; init; } = 1;
    public int DilationW { get; init; } = 1;
    public int PadH { get; init; }
    public int PadW { get; init; }
    public int DepthMultiplier { get; init; } = 1;
    /// <summary>-input zero point.</summary>
    public int InputOffset { get; init; }
    /// <summary>-filter zero point (FullyConnected only).</summary>
    public int FilterOffset { get; init; }
    /// <summary>Output zero point.</summary>
    public int OutputOffset { get; init; }
    public int ActMin { get; init; } = sbyte.MinValue;
    public int ActMax { get; init; } = sbyte.MaxValue;
    public int SoftmaxMultiplier { get; init; }
    public int SoftmaxLeftShift { get; init; }
    public int SoftmaxDiffMin { get; init; }
    public sbyte[]? Filter { get; init; }
    public int[]? Bias { get; init; }
    /// <summary>One pair per output channel (a per-tensor scale repeated).</summary>
    public int[] Multipliers { get; init; } = [];
    public int[] Shifts { get; init; } = [];

    public int InputElements => InH * InW * InC;
    public int OutputElements => OutH * OutW * OutC;
}
