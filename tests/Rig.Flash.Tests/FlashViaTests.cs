namespace Rig.Flash.Tests;

public class FlashViaTests
{
    [Theory]
    [InlineData("gdb://localhost:3333", ProgrammerKind.Gdb, "localhost", 3333)]
    [InlineData("gdb://10.0.0.7:2331", ProgrammerKind.Gdb, "10.0.0.7", 2331)]
    [InlineData("picotool", ProgrammerKind.Picotool, null, 0)]
    [InlineData("nrfjprog", ProgrammerKind.Nrfjprog, null, 0)]
    [InlineData("openocd", ProgrammerKind.Openocd, null, 0)]
    [InlineData("st-flash", ProgrammerKind.StFlash, null, 0)]
    public void The_forms_parse_and_print_back(string text, ProgrammerKind kind, string? host, int port)
    {
        var via = FlashVia.Parse(text);
        Assert.Equal(new FlashVia(kind, host, port), via);
        Assert.Equal(text, via.ToString());
    }

    [Theory]
    [InlineData("gdb://localhost")]
    [InlineData("gdb://:3333")]
    [InlineData("gdb://localhost:0")]
    [InlineData("gdb://localhost:70000")]
    [InlineData("jlink")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_forms(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => FlashVia.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }
}
