using System.Globalization;
using System.Text;

namespace Rig.Model.Files;

/// <summary>A static const C array in a generated header, 16 values a line (the model headers' one layout).</summary>
public static class CArray
{
    public static void Append(StringBuilder sb, string type, string name, IEnumerable<long> values, string? comment = null)
    {
        var v = values.ToArray();
        if (comment is not null) sb.Append(CultureInfo.InvariantCulture, $"/* {comment} */\n");
        sb.Append(CultureInfo.InvariantCulture, $"static const {type} {name}[{v.Length}] = {{\n");
        for (var i = 0; i < v.Length; i += 16)
        {
            sb.Append("    ");
            // INT32_MIN is written as an expression: the literal 2147483648 alone does not fit an int.
            sb.Append(string.Join(", ", v.Skip(i).Take(16).Select(x => x == int.MinValue ? "(-2147483647 - 1)" : x.ToString(CultureInfo.InvariantCulture))));
            sb.Append(i + 16 < v.Length ? ",\n" : "\n");
        }
        sb.Append("};\n");
    }
}
