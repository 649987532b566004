using System.Text;

namespace Rig.Cli.Tests.Farm;

/// <summary>One `rig` invocation a CI script line runs: the command and the words after it.</summary>
public sealed record RigInvocation(string Command, IReadOnlyList<string> Words)
{
    /// <summary>The long options given (the word before '=' when one is attached).</summary>
    public IEnumerable<string> Options => Words.Where(w => w.StartsWith("--", StringComparison.Ordinal)).Select(w => w.Split('=')[0]);

    public override string ToString() => "rig " + Command + " " + string.Join(' ', Words);
}

/// <summary>
/// Reads the `rig` invocations out of CI shell scripts the way a POSIX shell splits them, far enough for what the
/// pipelines hold: lines joined at a trailing backslash, lists split at ||, &amp;&amp;, ; and |, words split at blanks
/// outside quotes. A word is a command only in a command's first position, so `dotnet build rig/Rig.Cli` is not one.
/// </summary>
public static class CiScript
{
    public static IEnumerable<RigInvocation> RigInvocations(string script)
    {
        foreach (var line in script.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            foreach (var words in Commands(line))
                if (words.Count >= 2 && words[0] == "rig") yield return new RigInvocation(words[1], words.Skip(2).ToList());
    }

    private static IEnumerable<List<string>> Commands(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else word.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; inWord = true; continue; }
            if (c == '#' && !inWord) break;
            if (c is ' ' or '\t' or ';' or '|' or '&')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                if (c is ';' or '|' or '&')
                {
                    if (words.Count > 0) yield return words;
                    words = [];
                }
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(word.ToString());
        if (words.Count > 0) yield return words;
    }
}
