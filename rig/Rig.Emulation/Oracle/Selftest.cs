namespace Rig.Emulation.Oracle;

/// <summary>What `rig emulate --selftest` runs: where the sources are, where the ELFs go, the bounds.</summary>
public sealed record SelftestOptions(string FirmwareDir, string OutputDir, TimeSpan Timeout, int Columns = 3, ulong MaxSteps = 5_000_000);

/// <summary>The candidate side of one lockstep: the ISS loaded with an image, and its symbol lookup for reports.</summary>
public sealed record LockstepCandidate(ILockstepTarget Target, Func<uint, string?> SymbolAt);

/// <summary>
/// The selftest: builds programs (a) and (b) for both QEMU machines and runs each in lockstep
/// against QEMU, one QEMU at a time (the machine has two cores and other work on them).
/// </summary>
public static class Selftest
{
    public static IReadOnlyList<LockstepResult> Run(SelftestOptions options, Func<SelftestImage, LockstepCandidate> candidate)
    {
        var builder = new SelftestBuilder(options.FirmwareDir, options.OutputDir, options.Timeout);
        var results = new List<LockstepResult>();
        foreach (var machine in QemuMachine.All)
            foreach (var program in new[] { SelftestProgram.Coverage, SelftestProgram.FirmwareCore })
            {
                var image = builder.Build(machine, program, options.Columns);
                using var qemu = QemuSession.Start(machine, image.ElfPath, options.Timeout);
                var iss = candidate(image);
                results.Add(new LockstepRunner(new QemuLockstepTarget(qemu.Gdb), iss.Target, iss.SymbolAt).Run(image, options.MaxSteps));
            }
        return results;
    }
}
