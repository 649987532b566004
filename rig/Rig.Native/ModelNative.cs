using System.Runtime.InteropServices;
using Rig.Core;

namespace Rig.Native;

/// <summary>
/// The C classifier (firmware/core/model.c) of one profile's host library, with the weights that
/// profile was built with. Windows are caller-owned rig_model_window_t blocks in unmanaged memory,
/// exactly as on a board; <see cref="Trace"/> returns every stage for the layer-by-layer check.
/// </summary>
public sealed unsafe class ModelNative
{
    private readonly delegate* unmanaged<void*, void> _reset;
    private readonly delegate* unmanaged<void*, short*, void> _push;
    private readonly delegate* unmanaged<void*, ushort> _count;
    private readonly delegate* unmanaged<void*, short*, int> _infer;
    private readonly delegate* unmanaged<void*, byte*, int> _trace;

    public ModelNative(RigCoreLibrary library)
    {
        Library = library;
        _reset = (delegate* unmanaged<void*, void>)library.Export("rig_model_window_reset");
        _push = (delegate* unmanaged<void*, short*, void>)library.Export("rig_model_window_push");
        _count = (delegate* unmanaged<void*, ushort>)library.Export("rig_model_window_count");
        _infer = (delegate* unmanaged<void*, short*, int>)library.Export("rig_model_infer");
        _trace = (delegate* unmanaged<void*, byte*, int>)library.Export("rig_model_trace");
        var dimension = (delegate* unmanaged<int, uint>)library.Export("rig_model_dimension");
        Bands = (int)dimension(0);
        WindowColumns = (int)dimension(1);
        Hidden = (int)dimension(2);
        FrontendConfigHash = dimension(3);
        Macs = ((delegate* unmanaged<uint>)library.Export("rig_model_macs"))();
        WindowBytes = (int)((delegate* unmanaged<nuint>)library.Export("rig_model_window_bytes"))();
        TraceBytes = (int)((delegate* unmanaged<nuint>)library.Export("rig_model_trace_bytes"))();
    }

    public static ModelNative Open(string profile) => new(RigCoreLibrary.Load(profile));

    public RigCoreLibrary Library { get; }
    public int Bands { get; }
    public int WindowColumns { get; }
    public int Hidden { get; }
    public uint FrontendConfigHash { get; }
    public uint Macs { get; }
    public int WindowBytes { get; }
    public int TraceBytes { get; }
    public int Features => 2 * Bands;
    /// <summary>RIG_MODEL_CLASSES of the generated rig_profile.h: the rig's labels.</summary>
    public static int Classes => Labels.All.Count;

    public NativeModelWindow NewWindow() => new(this);

    internal void Reset(void* w) => _reset(w);

    internal void Push(void* w, ReadOnlySpan<short> column)
    {
        if (column.Length != Bands) throw new ArgumentException($"a column has {Bands} values, got {column.Length}", nameof(column));
        fixed (short* p = column) _push(w, p);
    }

    internal int Count(void* w) => _count(w);

    internal int Infer(void* w, short[] scores)
    {
        fixed (short* p = scores) return _infer(w, p);
    }

    internal NativeModelTrace Trace(void* w)
    {
        var buffer = new byte[TraceBytes];
        int winner;
        fixed (byte* p = buffer) winner = _trace(w, p);
        // rig_model_trace_t: int16 stats[F], int8 inputs[F], int8 hidden[H], int16 logits[C], int16 scores[C]
        // (offsets follow C layout rules: the int16 arrays after the int8 ones start on an even offset).
        var f = Features;
        var offset = 0;
        var stats = MemoryMarshal.Cast<byte, short>(buffer.AsSpan(offset, 2 * f)).ToArray();
        offset += 2 * f;
        var inputs = MemoryMarshal.Cast<byte, sbyte>(buffer.AsSpan(offset, f)).ToArray();
        offset += f;
        var hidden = MemoryMarshal.Cast<byte, sbyte>(buffer.AsSpan(offset, Hidden)).ToArray();
        offset += Hidden;
        offset = (offset + 1) & ~1;
        var logits = MemoryMarshal.Cast<byte, short>(buffer.AsSpan(offset, 2 * Classes)).ToArray();
        offset += 2 * Classes;
        var scores = MemoryMarshal.Cast<byte, short>(buffer.AsSpan(offset, 2 * Classes)).ToArray();
        return new NativeModelTrace(winner, stats, inputs, hidden, logits, scores);
    }
}

/// <summary>Every stage of one C inference, same layout as Rig.Model's ModelTrace.</summary>
public sealed record NativeModelTrace(int Winner, short[] Stats, sbyte[] Inputs, sbyte[] Hidden, short[] Logits, short[] Scores);

/// <summary>One caller-owned rig_model_window_t in unmanaged memory.</summary>
public sealed unsafe class NativeModelWindow : IDisposable
{
    private readonly ModelNative _model;
    private void* _state;

    internal NativeModelWindow(ModelNative model)
    {
        _model = model;
        _state = NativeMemory.AlignedAlloc((nuint)model.WindowBytes, 16);
        model.Reset(_state);
    }

    public int Count => _model.Count(Live());
    public void Reset() => _model.Reset(Live());
    public void Push(ReadOnlySpan<short> column) => _model.Push(Live(), column);

    /// <summary>rig_model_infer: the winner (-1 when not full) and the Q15 scores.</summary>
    public (int Winner, short[] Scores) Infer()
    {
        var scores = new short[ModelNative.Classes];
        var winner = _model.Infer(Live(), scores);
        return (winner, scores);
    }

    public NativeModelTrace Trace() => _model.Trace(Live());

    private void* Live()
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        return _state;
    }

    public void Dispose()
    {
        if (_state == null) return;
        NativeMemory.AlignedFree(_state);
        _state = null;
    }
}
