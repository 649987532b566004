namespace Rig.Dsp.Frontend;

/// <summary>
/// Power and mel stages. Power p[k] = re^2 + im^2 exactly in uint32 (|re|, |im| &lt;= 32768, so no
/// overflow). Mel energy of band m = sum over its sparse bins of w*p/2^15, computed without a
/// 32x32 multiply as w*(p &gt;&gt; 15) + ((w*(p &amp; 0x7FFF)) &gt;&gt; 15) (floor), accumulated in uint32
/// with saturation at 0xFFFFFFFF (not reached: total power of a frame is below 2^30).
/// </summary>
public static class MelFilterbank
{
    public static void Power(ReadOnlySpan<short> fft, Span<uint> power)
    {
        for (var k = 0; k < power.Length; k++)
        {
            int re = fft[2 * k], im = fft[2 * k + 1];
            power[k] = (uint)(re * re) + (uint)(im * im);
        }
    }

    public static void Apply(ReadOnlySpan<uint> power, ReadOnlySpan<ushort> start, ReadOnlySpan<ushort> count, ReadOnlySpan<ushort> weights, Span<uint> mel)
    {
        var off = 0;
        for (var m = 0; m < mel.Length; m++)
        {
            var acc = 0u;
            for (var i = 0; i < count[m]; i++)
            {
                var p = power[start[m] + i];
                uint w = weights[off + i];
                var term = w * (p >> 15) + ((w * (p & 0x7FFF)) >> 15);
                acc = term > uint.MaxValue - acc ? uint.MaxValue : acc + term;
            }
            off += count[m];
            mel[m] = acc;
        }
    }
}
