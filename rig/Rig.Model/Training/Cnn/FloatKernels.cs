namespace Rig.Model.Training.Cnn;

/// <summary>
/// The float inner loops of training: a dot product and y += a x. Four independent accumulators in
/// a fixed order (not the machine's vector width), so a seed gives the same weights on every x64 and
/// ARM host while the adds pipeline.
/// </summary>
public static class FloatKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("lengths differ", nameof(b));
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
        {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.Length; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("lengths differ", nameof(y));
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }
}
