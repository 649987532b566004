namespace Rig.Dsp.Tables;

/// <summary>Q15 conversions used by the table generator: round half away from zero, saturate.</summary>
public static class Q15
{
    public static short FromDouble(double v) => (short)Math.Clamp(Math.Round(v * 32768.0, MidpointRounding.AwayFromZero), -32768, 32767);

    public static short Saturate(int v) => (short)Math.Clamp(v, short.MinValue, short.MaxValue);
}
