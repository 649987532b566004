using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rig.Dsp.Frontend;

namespace Rig.Native;

/// <summary>
/// The C frontend (firmware/core/frontend.c) of one profile's host library, driven like
/// <see cref="Q15Frontend"/>: a caller-owned rig_frontend_t in unmanaged memory, the same
/// push/column API, and every stage's output captured through the C tap callback into
/// <see cref="Taps"/> (same layout as the golden model's taps).
/// </summary>
public sealed unsafe class NativeFrontend : IDisposable
{
    private readonly delegate* unmanaged<void*, void> _init;
    private readonly delegate* unmanaged<void*, short*, nuint, int*, nuint> _push;
    private readonly delegate* unmanaged<void*, short*> _column;
    private readonly delegate* unmanaged<void*, int> _shift;
    private void* _state;
    private GCHandle _self;

    public RigCoreLibrary Library { get; }
    public Rig.Dsp.FrontendConfig Config { get; }
    public uint ConfigHash { get; }

    /// <summary>sizeof(rig_frontend_t) in the host build: everything the frontend owns.</summary>
    public int StateBytes { get; }
    public int TableBytes { get; }

    /// <summary>Stage outputs of the latest column, filled by the C tap callback.</summary>
    public FrontendTaps Taps { get; }

    public NativeFrontend(RigCoreLibrary library, Rig.Dsp.FrontendConfig config)
    {
        Library = library;
        Config = config;
        _init = (delegate* unmanaged<void*, void>)library.Export("rig_frontend_init");
        _push = (delegate* unmanaged<void*, short*, nuint, int*, nuint>)library.Export("rig_frontend_push");
        _column = (delegate* unmanaged<void*, short*>)library.Export("rig_frontend_column");
        _shift = (delegate* unmanaged<void*, int>)library.Export("rig_frontend_shift");
        ConfigHash = ((delegate* unmanaged<uint>)library.Export("rig_frontend_config_hash"))();
        StateBytes = (int)((delegate* unmanaged<uint>)library.Export("rig_frontend_state_bytes"))();
        TableBytes = (int)((delegate* unmanaged<uint>)library.Export("rig_frontend_table_bytes"))();
        Taps = new FrontendTaps(config);
        _state = NativeMemory.AlignedAlloc((nuint)StateBytes, 16);
        _init(_state);
        _self = GCHandle.Alloc(this);
        var setTap = (delegate* unmanaged<void*, delegate* unmanaged<void*, int, void*, nuint, void>, void*, void>)library.Export("rig_frontend_set_tap");
        setTap(_state, &OnTap, (void*)GCHandle.ToIntPtr(_self));
    }

    public int Push(ReadOnlySpan<short> samples, out bool columnReady)
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        int ready;
        nuint used;
        fixed (short* p = samples)
            used = _push(_state, p, (nuint)samples.Length, &ready);
        columnReady = ready != 0;
        if (columnReady) Taps.Shift = _shift(_state);
        return (int)used;
    }

    /// <summary>rig_frontend_init again (the tap stays installed).</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        _init(_state);
        var setTap = (delegate* unmanaged<void*, delegate* unmanaged<void*, int, void*, nuint, void>, void*, void>)Library.Export("rig_frontend_set_tap");
        setTap(_state, &OnTap, (void*)GCHandle.ToIntPtr(_self));
    }

    public ReadOnlySpan<short> Column => new(_column(_state), Config.ColumnLength);

    [UnmanagedCallersOnly]
    private static void OnTap(void* ctx, int stage, void* data, nuint count)
    {
        var self = (NativeFrontend)GCHandle.FromIntPtr((nint)ctx).Target!;
        Capture(self.Taps, (FrontendStage)stage, data, (int)count);
    }

    public void Dispose()
    {
        if (_state == null) return;
        NativeMemory.AlignedFree(_state);
        _state = null;
        _self.Free();
    }

    private static void Capture(FrontendTaps taps, FrontendStage stage, void* data, int count)
    {
        switch (stage)
        {
            case FrontendStage.Window: Copy<short>(data, count, taps.Window); break;
            case FrontendStage.Fft: Copy<short>(data, count, taps.Fft); break;
            case FrontendStage.Power: Copy<uint>(data, count, taps.Power); break;
            case FrontendStage.Mel: Copy<uint>(data, count, taps.Mel); break;
            case FrontendStage.Log: Copy<short>(data, count, taps.Log); break;
            case FrontendStage.Dct: Copy<short>(data, count, taps.Dct); break;
        }
    }

    private static void Copy<T>(void* data, int count, T[] dst) where T : unmanaged =>
        new ReadOnlySpan<T>(data, Math.Min(count, dst.Length)).CopyTo(dst);
}
