namespace Rig.Core.Config;

/// <summary>
/// Finds the flow collection brackets ({ } [ ]) of a YAML text, outside quoted scalars and comments,
/// to name the line of one that is never closed when the YAML library cannot.
/// </summary>
internal static class FlowBrackets
{
    public static (char Bracket, int Line)? FirstUnclosed(string text)
    {
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (quote == '"')
            {
                if (c == '\\') i++;
                else if (c == '"') quote = null;
                continue;
            }
            if (quote == '\'')
            {
                if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'') i++;
                else if (c == '\'') quote = null;
                continue;
            }
            switch (c)
            {
                case '"' or '\'' when i == 0 || !char.IsLetterOrDigit(text[i - 1]):
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    break;
                case '{' or '[':
                    open.Push((c, line));
                    break;
                case '}' or ']' when open.TryPeek(out var top) && top.Bracket == (c == '}' ? '{' : '['):
                    open.Pop();
                    break;
            }
        }
        return open.Count == 0 ? null : open.Last();
    }
}
