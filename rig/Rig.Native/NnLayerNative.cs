using System.Runtime.InteropServices;

namespace Rig.Native;

/// <summary>
/// rig_nn_layer_t of firmware/core/nn/rig_nn_layer.h, field for field (26 int32, then 4 pointers);
/// <see cref="NnNative"/> checks its size against rig_nn_layer_bytes() before any call.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NnLayerNative
{
    public int Kind;
    public int InAt, OutAt;
    public int InH, InW, InC;
    public int OutH, OutW, OutC;
    public int FilterH, FilterW;
    public int StrideH, StrideW;
    public int DilationH, DilationW;
    public int PadH, PadW;
    public int DepthMultiplier;
    public int InputOffset;
    public int FilterOffset;
    public int OutputOffset;
    public int ActMin, ActMax;
    public int SoftmaxMultiplier, SoftmaxLeftShift, SoftmaxDiffMin;
    public nint Filter;
    public nint Bias;
    public nint Multiplier;
    public nint Shift;
}

/// <summary>rig_nn_graph_t of firmware/core/nn/rig_nn_graph.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NnGraphNative
{
    public nint Layers;
    public int Count;
    public int ArenaBytes;
    public int InputAt, InputBytes;
    public int OutputAt, OutputBytes;
}
