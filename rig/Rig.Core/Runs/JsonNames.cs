using System.Reflection;
using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>
/// The lowercase names the result enums are written with (their <see cref="JsonStringEnumMemberNameAttribute"/>), for
/// the places that show or store them outside JSON: reports, the CLI's summary, the store's columns.
/// </summary>
public static class JsonNames
{
    /// <summary>"inject", "paced-virtual-uart", "emulated-mcu", ...</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

    /// <summary>The value written as <paramref name="name"/>, or null for null or a name no value has.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        name is null ? null : Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => Of(v!.Value) == name);

    /// <summary>Every name of <typeparamref name="T"/>, in declaration order ("inject or acoustic").</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToList();
}
