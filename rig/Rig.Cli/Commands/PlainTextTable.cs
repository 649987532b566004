using Spectre.Console;
using Spectre.Console.Rendering;

namespace Rig.Cli.Commands;

/// <summary>Spectre tables whose cells are plain text: run-supplied strings are never parsed as markup.</summary>
internal static class PlainTextTable
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers) table.AddColumn(new TableColumn(new Text(h)));
        return table;
    }

    public static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)));

    public static void Row(Table table, IEnumerable<IRenderable> cells) => table.AddRow(cells);

    /// <summary>Writes to stdout; when it is a file or pipe (CI logs) the table gets 160 columns instead of wrapping at 80.</summary>
    public static void Write(IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 160;
        console.Write(renderable);
    }
}
