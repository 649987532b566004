namespace Rig.Reports.Output;

/// <summary>One drawn figure of the report: its file name (plots/&lt;id&gt;.png), a caption, and the PNG bytes.</summary>
public sealed record PlotFile(string Id, string Title, byte[] Png)
{
    public string FileName => Id + ".png";
}
