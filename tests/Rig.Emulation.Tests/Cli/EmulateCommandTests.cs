using System.CommandLine;
using System.Text.Json;
using Rig.Cli.Commands;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cli;

/// <summary>
/// `rig emulate` on small programs linked for the py32f003 chip (flash 0x08000000, 4 KB SRAM):
/// exit 0 for an image that ends itself, 1 for its own fault, 2 for bad input; JSON keys.
/// One at a time: the JSON test reads the console.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EmulateCommandTests
{
    static string Py32Program(string body) => ThumbAssembler.Program(body, flash: 0x0800_0000, ramSize: 0x1000);

    static int Rig(params string[] args) => new RootCommand { EmulateCommand.Create() }.Parse(["emulate", .. args]).Invoke();

    [Fact]
    public void An_image_ending_in_bkpt_exits_0()
    {
        var elf = Py32Program("reset:\n    movs r0, #1\n    bkpt #0");
        Assert.Equal(0, Rig(elf, "--profile", "py32f003"));
    }

    [Fact]
    public void An_image_that_faults_exits_1()
    {
        var elf = Py32Program("reset:\n    udf #0");
        Assert.Equal(EmulateCommand.ImageFault, Rig(elf, "--profile", "py32f003"));
    }

    [Fact]
    public void An_endless_loop_past_max_cycles_a_jump_to_nowhere_and_a_wrong_elf_exit_2()
    {
        Assert.Equal(2, Rig(Py32Program("reset:\n    b reset"), "--profile", "py32f003", "--max-cycles", "10000"));
        Assert.Equal(2, Rig(Py32Program("reset:\n    ldr r0, =0x30000001\n    bx r0"), "--profile", "py32f003"));
        Assert.Equal(2, Rig(ThumbAssembler.Program("reset:\n    bkpt #0", cpu: "cortex-m4", flash: 0x0800_0000, ramSize: 0x1000), "--profile", "py32f003"));
        Assert.Equal(2, Rig(ThumbAssembler.Program("reset:\n    bkpt #0"), "--profile", "py32f003")); // its stack top 0x20004000 is past the 4 KB SRAM
        Assert.Equal(2, Rig(Py32Program("reset:\n    bkpt #0")));
    }

    [Fact]
    public void Json_names_cycles_instructions_exit_reason_pc_and_symbol()
    {
        var elf = Py32Program("""
            reset:
                movs r0, #1
                adds r0, #2
            last:
                bkpt #0
            """);
        var output = new StringWriter();
        var before = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = Rig(elf, "--profile", "py32f003", "--json");
        }
        finally
        {
            Console.SetOut(before);
        }
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("instructions").GetInt32());
        Assert.Equal(3, root.GetProperty("cycles").GetInt32()); // MOVS 1 + ADDS 1 + BKPT 1
        Assert.Equal("Breakpoint", root.GetProperty("exitReason").GetString());
        Assert.Equal("last", root.GetProperty("symbol").GetString());
        Assert.True(root.GetProperty("pc").GetUInt32() >= 0x0800_0000);
    }

    [Fact]
    public void Trace_writes_one_line_per_instruction()
    {
        var elf = Py32Program("reset:\n    movs r0, #1\n    adds r0, #2\n    bkpt #0");
        var trace = Path.Combine(Path.GetTempPath(), $"rig-emulate-trace-{Guid.NewGuid():N}.txt");
        try
        {
            Assert.Equal(0, Rig(elf, "--profile", "py32f003", "--trace", trace));
            var lines = File.ReadAllLines(trace);
            Assert.Equal(3, lines.Length);
            Assert.Contains("movs #imm8", lines[0]);
            Assert.Contains("adds #imm8", lines[1]);
            Assert.Contains("bkpt", lines[2]);
        }
        finally
        {
            File.Delete(trace);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
