using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Rig.Core.Config;

/// <summary>
/// The YAML parser as <see cref="YamlDocument"/> uses it, with three repairs to YamlDotNet 18's behaviour:
/// it remembers how far the scanner got (some failures come as InvalidOperationException/ArgumentException
/// without a position); it refuses an alias to no earlier anchor as it is read (the library notices only
/// after the document and then reports line 1); and it refuses an alias used as a mapping key, which our
/// files never need and which the library follows into endless recursion (a stack overflow, not an
/// exception) when the anchored node contains itself.
/// </summary>
internal sealed class CheckedYamlParser : IParser
{
    private readonly Scanner _scanner;
    private readonly Parser _parser;
    // Per open collection: true for a mapping that expects a key next, false for a mapping expecting a value, null for a sequence.
    private readonly Stack<bool?> _open = new();
    private readonly long _lastLine;
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

    private readonly string _text;

    public CheckedYamlParser(string text)
    {
        _text = text;
        _scanner = new Scanner(new StringReader(text));
        _lastLine = Math.Max(1, text.TrimEnd('\n', '\r').Split('\n').Length);
        _parser = new Parser(_scanner);
    }

    /// <summary>Where the scanner stopped, 1-based, at most the text's last line: the line to blame when the parser gives none.</summary>
    public int ScannerLine => (int)Math.Min(_scanner.CurrentPosition.Line, _lastLine);

    /// <summary>
    /// The outermost '{' or '[' that the text never closes, as a line and a reason for the user: YamlDotNet's
    /// scanner fails on some of these with a bare InvalidOperationException ("Operation is not valid due to
    /// the current state of the object") before the parser has said where the collection began.
    /// </summary>
    public (int Line, string Reason)? UnclosedFlow => FlowBrackets.FirstUnclosed(_text) is { } open
        ? (open.Line, open.Bracket == '{'
            ? $"the flow mapping '{{' opened on line {open.Line} is not closed: a '}}' is missing"
            : $"the flow sequence '[' opened on line {open.Line} is not closed: a ']' is missing")
        : null;

    public ParsingEvent? Current => _parser.Current;

    public bool MoveNext()
    {
        if (!_parser.MoveNext()) return false;
        if (_parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored) _anchors.Add(anchored.Anchor.Value);
        switch (_parser.Current)
        {
            case DocumentStart:
                _anchors.Clear();
                break;
            case AnchorAlias alias when _open.TryPeek(out var top) && top == true:
                throw new YamlException(alias.Start, alias.End, $"an alias (*{alias.Value}) cannot be a mapping key here; write the key out");
            case AnchorAlias alias when !_anchors.Contains(alias.Value.Value):
                // YamlDotNet finds this only after the document, and then reports line 1.
                throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value} refers to no anchor (&{alias.Value}) defined before it");
            case MappingStart:
                _open.Push(true);
                break;
            case SequenceStart:
                _open.Push(null);
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                NodeFinished();
                break;
            case Scalar or AnchorAlias:
                NodeFinished();
                break;
        }
        return true;
    }

    private void NodeFinished()
    {
        if (_open.TryPeek(out var top) && top is bool expectingKey)
        {
            _open.Pop();
            _open.Push(!expectingKey);
        }
    }
}
