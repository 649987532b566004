using Rig.Core.Firmware;

// `Rig.FirmwareBuild host <repo root>`: the host build of every profile (firmware/build/host) through the rig's
// one cmake launcher, for Rig.Native's MSBuild step. Exit 0 built or up to date, 1 cmake failed, 2 bad arguments.
if (args is not ["host", var root])
{
    Console.Error.WriteLine("usage: Rig.FirmwareBuild host <repo root>");
    return 2;
}
var build = new FirmwareBuild(Path.GetFullPath(root));
var steps = build.Host();
foreach (var step in steps)
{
    Console.Out.WriteLine(step.Command);
    (step.Succeeded ? Console.Out : Console.Error).Write(step.Output);
}
if (steps.FirstOrDefault(s => !s.Succeeded) is { } failed)
{
    Console.Error.WriteLine($"error: {failed.Command} exited with {failed.ExitCode}");
    return 1;
}
Console.Out.WriteLine(steps.Count == 0
    ? $"{build.HostDirectory}: up to date ({string.Join(", ", build.BuiltProfiles())})"
    : $"{build.HostDirectory}: built ({string.Join(", ", build.BuiltProfiles())})");
return 0;
