namespace Rig.Core.Firmware;

/// <summary>One cmake invocation of a firmware build: its command line, exit code (-1: could not start or timed out) and combined output.</summary>
public sealed record BuildStep(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
