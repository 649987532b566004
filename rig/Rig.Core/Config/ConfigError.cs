namespace Rig.Core.Config;

/// <summary>One problem in a configuration file, located to the line and field.</summary>
public sealed record ConfigError(string File, int Line, string Field, string Reason)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}: {Field}: {Reason}" : $"{File}: {Field}: {Reason}";
}

/// <summary>
/// Thrown when a profile, playlist or other input file is refused. Carries every problem
/// found, not just the first, so a user fixes the file in one pass.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ConfigException(string file, int line, string field, string reason)
        : this([new ConfigError(file, line, field, reason)]) { }

    public IReadOnlyList<ConfigError> Errors { get; }
}
