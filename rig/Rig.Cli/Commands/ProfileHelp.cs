using Rig.Core.Profiles;

namespace Rig.Cli.Commands;

/// <summary>
/// How every command's --profile help names the boards: read from profiles/ (the one list of
/// boards), so a new profile file shows up in every command's --help without an edit here.
/// </summary>
internal static class ProfileHelp
{
    public static string Choices => $"a name in profiles/ ({ProfileCatalog.Listing()}) or a path to a profile YAML";
}
