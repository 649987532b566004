using System.Globalization;

namespace Rig.Reports.Output;

/// <summary>The one way every report prints numbers, so HTML, Markdown and the console agree (and tests can find them).</summary>
public static class Fmt
{
    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Fraction(double fraction) => Percent(fraction * 100);

    public static string Number(double? value) => value switch
    {
        null => "n/a",
        double v when Math.Abs(v) >= 1000 => v.ToString("#,0", CultureInfo.InvariantCulture),
        double v when v == Math.Floor(v) => v.ToString("0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string Signed(double? value) => value switch
    {
        null => "n/a",
        double v when v > 0 => "+" + Number(v),
        double v => Number(v),
    };

    public static string Bytes(int? bytes) => bytes is int b ? b.ToString(CultureInfo.InvariantCulture) + " B" : "n/a";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "n/a";
}
