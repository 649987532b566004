using System.Text.RegularExpressions;

namespace Rig.Core.Profiles;

/// <summary>
/// A profile's name becomes file names, cmake target names and run ids, so it is held to a short
/// lower-case identifier: nothing a file system, a build tool or a shell could read as anything else.
/// </summary>
public static partial class ProfileName
{
    public const string Rule = "must be 1 to 32 characters of a-z, 0-9, '-' and '_', starting with a letter or digit";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,31}\z")]
    private static partial Regex Pattern();
}
