namespace Rig.Model.Training.Playlists;

/// <summary>
/// What <see cref="MixedPlaylistGenerator"/> writes: per label <see cref="PerLabel"/> synth clips
/// (seeds <see cref="FirstSeed"/>, +1, ...), a share of them clean, the rest under one or two
/// interferers (another class's sound, or for background clips another background; a second
/// interferer is always background) at a uniform SNR in [<see cref="SnrMinDb"/>, <see cref="SnrMaxDb"/>],
/// most in a room with reverb. Item k (0-based over the whole list) takes interferer seeds
/// <see cref="FirstInterfererSeed"/> + 10 k + j, so two specs with disjoint seed ranges never share a sound.
/// The defaults are playlists/hard-train.yaml's.
/// </summary>
public sealed record MixedPlaylistSpec
{
    public string Name { get; init; } = "hard-train";
    public int PerLabel { get; init; } = 150;
    public ulong FirstSeed { get; init; } = 20001;
    public ulong FirstInterfererSeed { get; init; } = 30000;
    /// <summary>Seeds the choices (durations, interferers, SNRs, rooms), not the sounds.</summary>
    public ulong Seed { get; init; } = 1;
    public double CleanShare { get; init; } = 1.0 / 6;
    public double SecondInterfererShare { get; init; } = 0.35;
    public double SnrMinDb { get; init; } = -12;
    public double SnrMaxDb { get; init; } = 6;
    /// <summary>Share of clips heard in a room (the rest dry).</summary>
    public double ReverbShare { get; init; } = 1;
    public double Rt60MinSeconds { get; init; } = 0.2;
    public double Rt60MaxSeconds { get; init; } = 1.0;
    public double WetMax { get; init; } = 0.6;
    public IReadOnlyList<double> DurationsSeconds { get; init; } = [2, 2.5, 3];

    /// <summary>Every problem with the knobs, as "field: reason" (empty: usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) p.Add("name: empty");
        if (PerLabel is < 1 or > 100_000) p.Add($"per-label: {PerLabel} is not in 1..100000");
        if (FirstSeed + (ulong)PerLabel < FirstSeed) p.Add("seed: the labelled seeds overflow 64 bits");
        if (FirstInterfererSeed + 10UL * (ulong)(PerLabel * Rig.Core.Labels.All.Count) < FirstInterfererSeed) p.Add("interferer-seed: the interferer seeds overflow 64 bits");
        Share(p, "clean-share", CleanShare);
        Share(p, "second-interferer-share", SecondInterfererShare);
        Share(p, "reverb-share", ReverbShare);
        Share(p, "wet-max", WetMax);
        if (!(SnrMinDb <= SnrMaxDb) || Math.Abs(SnrMinDb) > 60 || Math.Abs(SnrMaxDb) > 60) p.Add($"snr: [{SnrMinDb}, {SnrMaxDb}] dB is not an interval within +-60 dB");
        if (!(Rt60MinSeconds > 0 && Rt60MinSeconds <= Rt60MaxSeconds && Rt60MaxSeconds <= 10)) p.Add($"rt60: [{Rt60MinSeconds}, {Rt60MaxSeconds}] s is not an interval within (0, 10] s");
        if (DurationsSeconds.Count == 0 || DurationsSeconds.Any(d => !(d > 0 && d <= 60))) p.Add("durations: need one or more, each in (0, 60] s");
        return p;
    }

    private static void Share(List<string> p, string field, double v)
    {
        if (!(v >= 0 && v <= 1)) p.Add($"{field}: {v} is not in [0, 1]");
    }
}
