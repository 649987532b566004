using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rig.Model.Training.Cnn;

/// <summary>
/// The float inner loops of training: a dot product and y += a x. Four independent accumulators in
/// a fixed order (element i goes to accumulator i mod 4, the tail to the first, summed as
/// (s0 + s1) + (s2 + s3)), so a seed gives the same weights on every host. The four accumulators are
/// the lanes of one Vector256 (separate multiply and add, never fused): each lane does exactly the
/// scalar sequence, whether the host has 256-bit registers or the runtime splits the vector.
/// </summary>
public static class FloatKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("lengths differ", nameof(b));
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var acc = Vector256<double>.Zero;
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
            acc += Vector256.LoadUnsafe(ref ra, (nuint)i) * Vector256.LoadUnsafe(ref rb, (nuint)i);
        var s0 = acc.GetElement(0);
        for (; i < a.Length; i++) s0 += a[i] * b[i];
        return (s0 + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
    }

    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("lengths differ", nameof(y));
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var va = Vector256.Create(a);
        var i = 0;
        for (; i + 4 <= x.Length; i += 4)
            (Vector256.LoadUnsafe(ref ry, (nuint)i) + va * Vector256.LoadUnsafe(ref rx, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
        for (; i < x.Length; i++) y[i] += a * x[i];
    }
}
