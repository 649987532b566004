using System.Xml.Linq;

namespace Rig.Gdb;

/// <summary>One register of the stub's description: its name, width and byte offset in the <c>g</c> packet.</summary>
public sealed record GdbRegister(string Name, int Bits, int Offset);

/// <summary>
/// Where each register sits in the stub's <c>g</c> reply, read from its target description
/// (<c>qXfer:features:read:target.xml</c> and the files it includes) rather than assumed: QEMU's
/// M-profile stub sends <c>org.gnu.gdb.arm.m-profile</c> (r0-r12, sp, lr, pc, xpsr) first, then
/// FPU and system-register features whose presence depends on the machine and QEMU version.
/// The <c>g</c> packet holds the registers in the order the features list them.
/// </summary>
public sealed class GdbRegisterLayout
{
    static readonly XNamespace XInclude = "http://www.w3.org/2001/XInclude";

    readonly Dictionary<string, GdbRegister> byName;

    public GdbRegisterLayout(IReadOnlyList<GdbRegister> registers)
    {
        Registers = registers;
        byName = registers.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<GdbRegister> Registers { get; }

    public GdbRegister? Find(string name) => byName.GetValueOrDefault(name);

    public GdbRegister Require(string name) =>
        Find(name) ?? throw new GdbProtocolException($"gdb stub: its target description has no register '{name}' (has: {string.Join(", ", Registers.Select(r => r.Name))})");

    /// <summary>Builds the layout from target.xml, following <c>xi:include</c>; <paramref name="readAnnex"/> returns a file's text.</summary>
    public static GdbRegisterLayout FromTargetDescription(Func<string, string> readAnnex)
    {
        var registers = new List<GdbRegister>();
        var offset = 0;
        void Visit(string annex, int depth)
        {
            if (depth > 8) throw new GdbProtocolException($"gdb stub: target description includes nest too deep at {annex}");
            XDocument doc;
            try
            {
                // QEMU writes xi:include without declaring the prefix (gdb-target.dtd does): declare it here.
                var names = new System.Xml.NameTable();
                var prefixes = new System.Xml.XmlNamespaceManager(names);
                prefixes.AddNamespace("xi", XInclude.NamespaceName);
                var context = new System.Xml.XmlParserContext(names, prefixes, null, System.Xml.XmlSpace.None);
                var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore, XmlResolver = null };
                using var reader = System.Xml.XmlReader.Create(new StringReader(readAnnex(annex)), settings, context);
                doc = XDocument.Load(reader);
            }
            catch (System.Xml.XmlException e)
            {
                throw new GdbProtocolException($"gdb stub: {annex} is not XML: {e.Message}", e);
            }
            foreach (var element in doc.Root!.DescendantsAndSelf())
            {
                if (element.Name.LocalName == "include" && element.Attribute("href")?.Value is { } href)
                    Visit(href, depth + 1);
                else if (element.Name.LocalName == "reg")
                {
                    var name = element.Attribute("name")?.Value ?? throw new GdbProtocolException($"gdb stub: {annex}: a <reg> without a name");
                    if (!int.TryParse(element.Attribute("bitsize")?.Value, out var bits) || bits <= 0 || bits % 8 != 0)
                        throw new GdbProtocolException($"gdb stub: {annex}: register {name} has no usable bitsize");
                    registers.Add(new GdbRegister(name, bits, offset));
                    offset += bits / 8;
                }
            }
        }
        Visit("target.xml", 0);
        return new GdbRegisterLayout(registers);
    }
}
