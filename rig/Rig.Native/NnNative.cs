using System.Runtime.InteropServices;
using Rig.Model.Graph;

namespace Rig.Native;

/// <summary>
/// The firmware's int8 kernels (firmware/core/nn) in a profile's host library, fed with the golden twin's
/// <see cref="PreparedGraph"/>: the same integer parameters the generated rig_model_graph.h carries, the
/// weights copied to unmanaged memory, activations in one arena at the planned offsets, exactly as on a board.
/// </summary>
public sealed unsafe class NnNative
{
    private readonly delegate* unmanaged<NnLayerNative*, sbyte*, int> _layerRun;
    private readonly delegate* unmanaged<NnGraphNative*, sbyte*, nint, nint, int> _graphRun;
    private readonly delegate* unmanaged<int, int, int> _srdhm;
    private readonly delegate* unmanaged<int, int, int> _rdbypot;
    private readonly delegate* unmanaged<int, int, int, int> _mbqm;
    private readonly delegate* unmanaged<uint, uint, uint> _udiv;
    private readonly delegate* unmanaged<int, int> _exp;
    private readonly delegate* unmanaged<int, int> _reciprocal;

    /// <summary>What the arena holds before a run: a planning error that reads unwritten bytes reads this, not zeros.</summary>
    public const byte ArenaFill = 0xA5;

    public NnNative(RigCoreLibrary library)
    {
        Library = library;
        var layerBytes = (int)((delegate* unmanaged<nuint>)library.Export("rig_nn_layer_bytes"))();
        if (layerBytes != sizeof(NnLayerNative))
            throw new InvalidOperationException($"{library.Path}: rig_nn_layer_t is {layerBytes} bytes, Rig.Native's mirror {sizeof(NnLayerNative)}: update NnLayerNative with rig_nn_layer.h");
        _layerRun = (delegate* unmanaged<NnLayerNative*, sbyte*, int>)library.Export("rig_nn_layer_run");
        _graphRun = (delegate* unmanaged<NnGraphNative*, sbyte*, nint, nint, int>)library.Export("rig_nn_graph_run");
        _srdhm = (delegate* unmanaged<int, int, int>)library.Export("rig_nn_srdhm");
        _rdbypot = (delegate* unmanaged<int, int, int>)library.Export("rig_nn_rdbypot");
        _mbqm = (delegate* unmanaged<int, int, int, int>)library.Export("rig_nn_mbqm");
        _udiv = (delegate* unmanaged<uint, uint, uint>)library.Export("rig_nn_udiv");
        _exp = (delegate* unmanaged<int, int>)library.Export("rig_nn_exp_on_negative_values");
        _reciprocal = (delegate* unmanaged<int, int>)library.Export("rig_nn_one_over_one_plus_x");
    }

    public static NnNative Open(string profile) => new(RigCoreLibrary.Load(profile));

    public RigCoreLibrary Library { get; }

    public int Srdhm(int a, int b) => _srdhm(a, b);
    public int RoundingDivideByPot(int x, int exponent) => _rdbypot(x, exponent);
    public int MultiplyByQuantizedMultiplier(int x, int m, int shift) => _mbqm(x, m, shift);
    public uint UnsignedDivide(uint n, uint d) => _udiv(n, d);
    public int ExpOnNegativeValues(int a) => _exp(a);
    public int OneOverOnePlusX(int a) => _reciprocal(a);

    /// <summary>rig_nn_layer_run layer after layer on one arena; every layer's output read back from its planned offset.</summary>
    public IReadOnlyList<sbyte[]> RunLayers(PreparedGraph graph, ReadOnlySpan<sbyte> input)
    {
        using var native = new NativeGraph(graph);
        var arena = native.Arena(input);
        var outputs = new List<sbyte[]>(graph.Layers.Count);
        for (var i = 0; i < graph.Layers.Count; i++)
        {
            if (_layerRun(native.Layer(i), arena) != 0)
                throw new InvalidOperationException($"rig_nn_layer_run refused operator {graph.Layers[i].OperatorIndex} ({graph.Layers[i].Kind})");
            var l = graph.Layers[i];
            outputs.Add(new ReadOnlySpan<sbyte>(arena + l.OutAt, l.OutputElements).ToArray());
        }
        return outputs;
    }

    /// <summary>rig_nn_graph_run, the firmware's own loop: the model's output.</summary>
    public sbyte[] RunGraph(PreparedGraph graph, ReadOnlySpan<sbyte> input)
    {
        using var native = new NativeGraph(graph);
        var arena = native.Arena(input);
        var g = native.Graph();
        if (_graphRun(&g, arena, 0, 0) != 0) throw new InvalidOperationException("rig_nn_graph_run refused the graph");
        return new ReadOnlySpan<sbyte>(arena + graph.OutputAt, graph.OutputBytes).ToArray();
    }

    /// <summary>The prepared graph's layers, constants and arena in unmanaged memory, freed together.</summary>
    private sealed class NativeGraph : IDisposable
    {
        private readonly PreparedGraph _graph;
        private readonly List<nint> _blocks = [];
        private readonly NnLayerNative* _layers;
        private sbyte* _arena;

        public NativeGraph(PreparedGraph graph)
        {
            _graph = graph;
            _layers = (NnLayerNative*)Alloc(Math.Max(1, graph.Layers.Count) * sizeof(NnLayerNative));
            for (var i = 0; i < graph.Layers.Count; i++) _layers[i] = ToNative(graph.Layers[i]);
        }

        public NnLayerNative* Layer(int i) => _layers + i;

        public sbyte* Arena(ReadOnlySpan<sbyte> input)
        {
            if (input.Length != _graph.InputBytes) throw new ArgumentException($"the graph takes {_graph.InputBytes} inputs, got {input.Length}", nameof(input));
            _arena = (sbyte*)Alloc(Math.Max(1, _graph.Arena.Bytes));
            new Span<byte>(_arena, Math.Max(1, _graph.Arena.Bytes)).Fill(ArenaFill);
            input.CopyTo(new Span<sbyte>(_arena + _graph.InputAt, input.Length));
            return _arena;
        }

        public NnGraphNative Graph() => new()
        {
            Layers = (nint)_layers,
            Count = _graph.Layers.Count,
            ArenaBytes = _graph.Arena.Bytes,
            InputAt = _graph.InputAt,
            InputBytes = _graph.InputBytes,
            OutputAt = _graph.OutputAt,
            OutputBytes = _graph.OutputBytes,
        };

        private NnLayerNative ToNative(PreparedLayer l) => new()
        {
            Kind = (int)l.Kind,
            InAt = l.InAt, OutAt = l.OutAt,
            InH = l.InH, InW = l.InW, InC = l.InC,
            OutH = l.OutH, OutW = l.OutW, OutC = l.OutC,
            FilterH = l.FilterH, FilterW = l.FilterW,
            StrideH = l.StrideH, StrideW = l.StrideW,
            DilationH = l.DilationH, DilationW = l.DilationW,
            PadH = l.PadH, PadW = l.PadW,
            DepthMultiplier = l.DepthMultiplier,
            InputOffset = l.InputOffset, FilterOffset = l.FilterOffset, OutputOffset = l.OutputOffset,
            ActMin = l.ActMin, ActMax = l.ActMax,
            SoftmaxMultiplier = l.SoftmaxMultiplier, SoftmaxLeftShift = l.SoftmaxLeftShift, SoftmaxDiffMin = l.SoftmaxDiffMin,
            Filter = Copy<sbyte>(l.Filter),
            Bias = Copy<int>(l.Bias),
            Multiplier = Copy<int>(l.Multipliers),
            Shift = Copy<int>(l.Shifts),
        };

        private nint Copy<T>(T[]? values) where T : unmanaged
        {
            if (values is null) return 0;
            var p = Alloc(Math.Max(1, values.Length * sizeof(T)));
            values.AsSpan().CopyTo(new Span<T>((void*)p, values.Length));
            return p;
        }

        private nint Alloc(int bytes)
        {
            var p = (nint)NativeMemory.AlignedAlloc((nuint)bytes, 16);
            _blocks.Add(p);
            return p;
        }

        public void Dispose()
        {
            foreach (var p in _blocks) NativeMemory.AlignedFree((void*)p);
            _blocks.Clear();
        }
    }
}
