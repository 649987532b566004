namespace Rig.Emulation.Oracle;

/// <summary>qemu-system-arm is not installed: the one-line message names the Debian package.</summary>
public sealed class QemuNotFoundException(string executable)
    : Exception($"{executable} not found: install the Debian package qemu-system-arm (apt-get install qemu-system-arm)")
{
    public string Executable { get; } = executable;
}
