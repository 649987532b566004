using Rig.Dsp.Tables;

namespace Rig.Dsp.Frontend;

/// <summary>
/// Log stage: Q7.8 log2 of the mel energy in absolute units. With e the window's block exponent,
/// the energy is acc * 2^-(28 + 2e) relative to a full-scale power of 1 (the window stage's &gt;&gt;1
/// and the FFT's 1/N folded in), so L = log2q(acc) - 256*(28 + 2e).
/// log2q(acc): msb = floor(log2 acc) (count leading zeros), the 31 bits below the msb index a
/// 33-entry Q15 LUT of log2(1 + i/32) (top 5 bits) and interpolate linearly with the next 15 bits,
/// rounded half up: y = lut[i] + ((lut[i+1]-lut[i])*r + 2^14) &gt;&gt; 15; then L = msb*256 + ((y + 64) &gt;&gt; 7).
/// acc = 0 and anything below <see cref="FrontendTables.LogFloorQ78"/> give the floor; the result
/// saturates to int16 (never reached: L &lt;= -512).
/// </summary>
public static class LogMel
{
    public static short Log2Q78(uint acc, int shift, ReadOnlySpan<ushort> lut)
    {
        if (acc == 0) return FrontendTables.LogFloorQ78;
        var msb = System.Numerics.BitOperations.Log2(acc);
        var f = (acc << (31 - msb)) & 0x7FFFFFFFu;
        var i = (int)(f >> 26);
        var r = (int)((f >> 11) & 0x7FFF);
        var y = lut[i] + (((lut[i + 1] - lut[i]) * r + 16384) >> 15);
        var l = msb * 256 + ((y + 64) >> 7) - 256 * (28 + 2 * shift);
        return (short)Math.Clamp(l, FrontendTables.LogFloorQ78, short.MaxValue);
    }

    public static void Apply(ReadOnlySpan<uint> mel, int shift, ReadOnlySpan<ushort> lut, Span<short> dst)
    {
        for (var m = 0; m < mel.Length; m++) dst[m] = Log2Q78(mel[m], shift, lut);
    }
}
