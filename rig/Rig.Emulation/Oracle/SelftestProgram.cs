namespace Rig.Emulation.Oracle;

/// <summary>The two programs of the selftest (sources in firmware/emulation-selftest).</summary>
public enum SelftestProgram
{
    /// <summary>(a) every implemented encoding class, flags edge cases and the exception model.</summary>
    Coverage,

    /// <summary>(b) the firmware core (frontend + model) of a profile on a fixed input.</summary>
    FirmwareCore,
}

/// <summary>One built selftest ELF and where its run ends (the <c>selftest_done</c> loop).</summary>
public sealed record SelftestImage(QemuMachine Machine, SelftestProgram Program, string ElfPath, uint DoneAddress, uint UnexpectedAddress)
{
    /// <summary>Program name as `rig emulate --selftest` prints it.</summary>
    public string ProgramName => Program == SelftestProgram.Coverage ? "coverage" : "firmware-core";
}

/// <summary>The selftest programs failed to build: the compiler's command line and output.</summary>
public sealed class SelftestBuildException(string message) : Exception(message);
