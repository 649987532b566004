using System.CommandLine;
using System.Reflection;
using Rig.Cli.Commands;
using Rig.Cli.Tests.Support;
using Rig.Core;

namespace Rig.Cli.Tests;

/// <summary>What a user meets first: the help of the rig and of every command, and the errors for a wrong profile.</summary>
public sealed class CliSurfaceTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Every command the Commands folder defines (a public static Create() returning a Command).</summary>
    public static IReadOnlyList<Command> AllCommands() =>
        typeof(CliErrors).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CliErrors).Namespace && t.IsClass && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m is not null && m.ReturnType == typeof(Command))
            .Select(m => (Command)m!.Invoke(null, null)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> CommandNames() => new(AllCommands().Select(c => c.Name));

    private static IEnumerable<(string Path, Command Command)> WithSubcommands(Command c, string path) =>
        new[] { (path, c) }.Concat(c.Subcommands.SelectMany(s => WithSubcommands(s, path + " " + s.Name)));

    [Fact]
    public void Help_lists_every_command_with_its_description()
    {
        var commands = AllCommands();
        Assert.True(commands.Count >= 11, string.Join(", ", commands.Select(c => c.Name)));
        var help = RigProcess.Run(_tmp.Path, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var c in commands)
        {
            Assert.Matches($@"(?m)^\s+{c.Name}\b", help.Out);
            Assert.Contains(c.Description!.Split('\n')[0].Trim(), help.Out);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_option_and_argument_of_a_command_is_described(string name)
    {
        var command = AllCommands().Single(c => c.Name == name);
        foreach (var (path, c) in WithSubcommands(command, name))
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Description), $"rig {path} has no description");
            foreach (var o in c.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption))
                Assert.False(string.IsNullOrWhiteSpace(o.Description), $"rig {path} {o.Name} has no description");
            foreach (var a in c.Arguments)
                Assert.False(string.IsNullOrWhiteSpace(a.Description), $"rig {path} <{a.Name}> has no description");
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void A_commands_help_shows_the_defaults_of_its_options(string name)
    {
        var command = AllCommands().Single(c => c.Name == name);
        var problems = new List<string>();
        foreach (var (path, c) in WithSubcommands(command, name).Where(x => x.Command.Subcommands.Count == 0))
        {
            var help = HelpOf(command, path);
            foreach (var o in c.Options.Where(o => o.HasDefaultValue && o.ValueType != typeof(bool)))
                Assert.Matches($@"{o.Name}\b[^\n]*(\n[^-\n][^\n]*)*\[default: [^\]]+\]", help);
            // An optional value with no declared default must say what leaving it out means.
            var unexplained = c.Options.Where(o => !o.Required && !o.HasDefaultValue && o.ValueType != typeof(bool)
                                                   && o is not System.CommandLine.Help.HelpOption and not VersionOption
                                                   && !(o.Description ?? "").Contains("default", StringComparison.OrdinalIgnoreCase)
                                                   && !(o.Description ?? "").Contains("omit", StringComparison.OrdinalIgnoreCase))
                .Select(o => o.Name).ToList();
            if (unexplained.Count > 0) problems.Add($"rig {path}: {string.Join(", ", unexplained)} do not say what happens when left out");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Help printed in-process into a writer (no shared Console).</summary>
    private static string HelpOf(Command command, string path)
    {
        var root = new RootCommand { command };
        var output = new StringWriter();
        var code = root.Parse([.. path.Split(' '), "--help"]).Invoke(new InvocationConfiguration { Output = output, Error = output });
        Assert.Equal(0, code);
        return output.ToString();
    }
}
