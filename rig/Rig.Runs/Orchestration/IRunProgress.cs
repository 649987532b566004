namespace Rig.Runs.Orchestration;

/// <summary>Where a run reports what it is doing (the CLI draws a Spectre.Console progress bar).</summary>
public interface IRunProgress
{
    void Begin(int clipsToPlay, int alreadyDone);
    void ClipDone(string clipName, string summary);
    void Message(string text);
}

/// <summary>Reports nothing (tests).</summary>
public sealed class SilentProgress : IRunProgress
{
    public void Begin(int clipsToPlay, int alreadyDone) { }
    public void ClipDone(string clipName, string summary) { }
    public void Message(string text) { }
}
