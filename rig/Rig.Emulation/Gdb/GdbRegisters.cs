using System.Text;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Gdb;

/// <summary>
/// The registers gdb sees and their target description, as QEMU's M-profile stub sends them
/// (<c>org.gnu.gdb.arm.m-profile</c>: r0-r12, sp, lr, pc, then xpsr as register 25; on the Cortex-M4F
/// <c>org.gnu.gdb.arm.vfp</c>: d0-d15 and fpscr), plus <c>org.gnu.gdb.arm.m-system</c> (msp, psp, primask,
/// basepri and faultmask on the M4, control), which newer QEMU and OpenOCD send too. The <c>g</c> packet holds
/// them in this order without gaps; <c>p</c>/<c>P</c> use the numbers (0-15, 25, 26...).
/// </summary>
public sealed class GdbRegisters
{
    /// <summary>One register: gdb's number, name, width in bytes.</summary>
    public sealed record Register(int Number, string Name, int Bytes);

    readonly ArmCore core;

    public GdbRegisters(ArmCore core)
    {
        this.core = core;
        List = Describe(core.Kind);
    }

    public IReadOnlyList<Register> List { get; }

    public static IReadOnlyList<Register> Describe(CoreKind kind)
    {
        var list = new List<Register>();
        for (var i = 0; i < 13; i++) list.Add(new Register(i, $"r{i}", 4));
        list.Add(new Register(13, "sp", 4));
        list.Add(new Register(14, "lr", 4));
        list.Add(new Register(15, "pc", 4));
        list.Add(new Register(25, "xpsr", 4));
        var n = 26;
        if (kind == CoreKind.CortexM4)
        {
            for (var d = 0; d < 16; d++) list.Add(new Register(n++, $"d{d}", 8));
            list.Add(new Register(n++, "fpscr", 4));
        }
        string[] system = kind == CoreKind.CortexM4 ? ["msp", "psp", "primask", "basepri", "faultmask", "control"] : ["msp", "psp", "primask", "control"];
        foreach (var name in system) list.Add(new Register(n++, name, 4));
        return list;
    }

    /// <summary>target.xml and the feature files it includes, by annex name.</summary>
    public static IReadOnlyDictionary<string, string> TargetDescription(CoreKind kind)
    {
        var regs = Describe(kind);
        string Reg(Register r, string extra = "") => $"  <reg name=\"{r.Name}\" bitsize=\"{r.Bytes * 8}\"{extra}/>\n";
        var profile = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n<feature name=\"org.gnu.gdb.arm.m-profile\">\n");
        foreach (var r in regs.Where(r => r.Number <= 15))
            profile.Append(Reg(r, r.Name switch { "sp" => " type=\"data_ptr\"", "pc" => " type=\"code_ptr\"", _ => "" }));
        profile.Append(Reg(regs.Single(r => r.Name == "xpsr"), " regnum=\"25\"")).Append("</feature>\n");
        var system = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n<feature name=\"org.gnu.gdb.arm.m-system\">\n");
        foreach (var r in regs.Where(r => r.Name is "msp" or "psp" or "primask" or "basepri" or "faultmask" or "control"))
            system.Append(Reg(r, r.Name is "msp" or "psp" ? " type=\"data_ptr\" group=\"system\"" : " type=\"int\" group=\"system\""));
        system.Append("</feature>\n");
        var files = new Dictionary<string, string> { ["arm-m-profile.xml"] = profile.ToString(), ["arm-m-system.xml"] = system.ToString() };
        var includes = "<xi:include href=\"arm-m-profile.xml\"/>";
        if (kind == CoreKind.CortexM4)
        {
            var vfp = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n<feature name=\"org.gnu.gdb.arm.vfp\">\n");
            foreach (var r in regs.Where(r => r.Name.StartsWith('d'))) vfp.Append(Reg(r, " type=\"float\""));
            vfp.Append(Reg(regs.Single(r => r.Name == "fpscr"), " type=\"int\" group=\"float\"")).Append("</feature>\n");
            files["arm-vfp.xml"] = vfp.ToString();
            includes += "<xi:include href=\"arm-vfp.xml\"/>";
        }
        includes += "<xi:include href=\"arm-m-system.xml\"/>";
        files["target.xml"] = $"<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\"><target><architecture>arm</architecture>{includes}</target>";
        return files;
    }

    public Register? Find(int number) => List.FirstOrDefault(r => r.Number == number);

    /// <summary>The register's value, little-endian, as the g/p packets carry it.</summary>
    public byte[] Read(Register r)
    {
        var bytes = new byte[r.Bytes];
        if (r.Bytes == 8)
        {
            var d = int.Parse(r.Name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), core.S[2 * d]);
            BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), core.S[2 * d + 1]);
        }
        else BitConverter.TryWriteBytes(bytes, Value(r));
        return bytes;
    }

    uint Value(Register r) => r.Name switch
    {
        "pc" => core.Pc,
        "xpsr" => core.Xpsr,
        "fpscr" => core.Fpscr,
        "msp" => core.Msp,
        "psp" => core.Psp,
        "primask" => core.Primask,
        "basepri" => core.Basepri,
        "faultmask" => core.Faultmask,
        "control" => core.Control,
        _ => core.R[r.Number],
    };

    /// <summary>Sets a register from gdb's bytes (P, G): the PC keeps bit 0 clear, xPSR writes flags, GE and IT (not the exception number).</summary>
    public void Write(Register r, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != r.Bytes) throw new GdbMemoryException($"register {r.Name} is {r.Bytes} bytes, not {bytes.Length}");
        if (r.Bytes == 8)
        {
            var d = int.Parse(r.Name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            core.S[2 * d] = BitConverter.ToUInt32(bytes[..4]);
            core.S[2 * d + 1] = BitConverter.ToUInt32(bytes[4..]);
            return;
        }
        var v = BitConverter.ToUInt32(bytes);
        switch (r.Name)
        {
            case "pc":
                core.Pc = v & ~1u;
                core.R[15] = core.Pc;
                break;
            case "xpsr":
                core.N = (v >> 31) != 0; core.Z = ((v >> 30) & 1) != 0; core.C = ((v >> 29) & 1) != 0; core.V = ((v >> 28) & 1) != 0;
                core.Q = ((v >> 27) & 1) != 0;
                if (core.Kind == CoreKind.CortexM4)
                {
                    core.GE = (v >> 16) & 0xF;
                    core.ItState = ((v >> 25) & 3) | (((v >> 10) & 0x3F) << 2);
                }
                break;
            case "fpscr": core.Fpscr = v; break;
            case "msp": core.Msp = v; break;
            case "psp": core.Psp = v; break;
            case "primask": core.Primask = v & 1; break;
            case "basepri": core.Basepri = v & 0xFF; break;
            case "faultmask": core.Faultmask = v & 1; break;
            case "control": core.WriteControl(v); break;
            case "sp": core.R[13] = v & ~3u; break;
            default: core.R[r.Number] = v; break;
        }
        core.RequestAttention(); // a mask or the PC changed: the exception logic looks again
    }
}
