namespace Rig.Core.Runs;

/// <summary>
/// What a run.json must satisfy to be believed: the figures agree with the clips they summarise
/// (accuracy, feature mismatches, confusion matrix), no count is negative, no figure is NaN or
/// infinite, clip indices run 0, 1, 2, ... and a complete run has clips. A report or a gate on a file
/// that breaks any of these would print numbers nobody measured.
/// </summary>
public static class RunInvariants
{
    /// <summary>Every violation found, as "field: reason"; empty when the run is consistent.</summary>
    public static IReadOnlyList<string> Violations(RunResult run)
    {
        var v = new ViolationList();
        v.NotEmpty("runId", run.RunId);
        v.NotEmpty("profile", run.Profile);
        v.NotEmpty("board", run.Board);
        v.NotEmpty("playlist", run.Playlist);
        v.NotEmpty("configHash", run.ConfigHash);
        if (!Enum.IsDefined(run.Mode)) v.Add("mode", $"'{run.Mode}' is not {string.Join(" or ", JsonNames.All<RunMode>())}");
        if (run.FinishedAt is { } f && f < run.StartedAt) v.Add("finishedAt", "is before startedAt");
        if (!double.IsFinite(run.Accuracy) || run.Accuracy is < 0 or > 1) v.Add("accuracy", $"{run.Accuracy} is not a fraction between 0 and 1");
        v.NotNegative("featureMismatches", run.FeatureMismatches);
        v.NotNegative("modelMismatches", run.ModelMismatches);
        Clips(v, run);
        if (run.Confusion is null) v.Add("confusion", "missing");
        else Confusion(v, run);
        if (run.Cycles is { } c)
        {
            if (!Enum.IsDefined(c.Unit)) v.Add("cycles.unit", $"'{c.Unit}' is not {string.Join(" or ", JsonNames.All<CycleUnit>())}");
            v.NonNegative("cycles.clockHz", c.ClockHz);
            Distribution(v, "cycles.frontendPerColumn", c.FrontendPerColumn);
            Distribution(v, "cycles.modelPerInference", c.ModelPerInference);
            if (c.RealTimeMargin is { } margin && (!double.IsFinite(margin) || margin > 1)) v.Add("cycles.realTimeMargin", $"{margin} is not a share of at most 1");
        }
        if (run.Power is { Measured: true } p)
        {
            // A measured figure is a number; "not measured" is the whole result's state (Measured false + reason), never a null inside it.
            v.Present("power.energyPerInferenceUj", p.EnergyPerInferenceUj);
            v.NonNegative("power.activePowerMw", p.ActivePowerMw);
            v.NonNegative("power.idlePowerMw", p.IdlePowerMw);
            v.NonNegative("power.windowSeconds", p.WindowSeconds);
            v.NonNegative("power.samples", p.Samples);
            v.NonNegative("power.inferencesInWindow", p.InferencesInWindow);
            v.NonNegative("power.windows", p.Windows);
            v.NonNegative("power.minSamplesPerWindow", p.MinSamplesPerWindow);
            v.NonNegative("power.spreadPercent", p.SpreadPercent);
        }
        if (run.Memory is { } m)
        {
            v.NotNegative("memory.flashBytes", m.FlashBytes);
            v.NotNegative("memory.ramBytes", m.RamBytes);
            v.NotNegative("memory.frontendRamBytes", m.FrontendRamBytes);
            v.NotNegative("memory.stackReserveBytes", m.StackReserveBytes);
            if (m.Sections is null) v.Add("memory.sections", "missing");
            else foreach (var (name, bytes) in m.Sections) v.NotNegative($"memory.sections[{name}]", bytes);
        }
        if (run.Timing is { } t)
        {
            v.NonNegative("timing.wallSeconds", t.WallSeconds);
            v.NonNegative("timing.audioSeconds", t.AudioSeconds);
            v.NonNegative("timing.wireLimitSeconds", t.WireLimitSeconds);
            v.NonNegative("timing.bytesSent", t.BytesSent);
            v.NonNegative("timing.bytesReceived", t.BytesReceived);
            v.NonNegative("timing.speedVsRealTime", t.SpeedVsRealTime);
            if (t.Sessions < 1) v.Add("timing.sessions", $"{t.Sessions} is less than 1");
        }
        if (run.Link is null) v.Add("link", "missing");
        else
        {
            v.NotNegative("link.framesReceived", run.Link.FramesReceived);
            v.NotNegative("link.crcErrors", run.Link.CrcErrors);
            v.NotNegative("link.garbageBytes", run.Link.GarbageBytes);
            v.NotNegative("link.droppedFrames", run.Link.DroppedFrames);
            v.NotNegative("link.resyncs", run.Link.Resyncs);
            v.NotNegative("link.retries", run.Link.Retries);
        }
        if (run.Stats is { } s)
        {
            v.NotNegative("stats.droppedSamples", s.DroppedSamples);
            v.NotNegative("stats.frontendRamBytes", s.FrontendRamBytes);
            if (s.StackHighWaterBytes is < 0) v.Add("stats.stackHighWaterBytes", "is negative");
            if (s.StaticRamBytes is < 0) v.Add("stats.staticRamBytes", "is negative");
            if (s.EmulatorStackHighWaterBytes is < 0) v.Add("stats.emulatorStackHighWaterBytes", "is negative");
            if (s.EmulatorRamTouchedBytes is < 0) v.Add("stats.emulatorRamTouchedBytes", "is negative");
        }
        if (run.FunctionProfile is { } profile) FunctionProfile(v, profile);
        return v.List;
    }

    private static void FunctionProfile(ViolationList v, IReadOnlyList<FunctionProfileEntry> profile)
    {
        if (profile.Count > FunctionProfileEntry.TopCount) v.Add("functionProfile", $"{profile.Count} functions, more than the top {FunctionProfileEntry.TopCount}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Count; i++)
        {
            var f = profile[i];
            var at = $"functionProfile[{i}]";
            if (f is null) { v.Add(at, "null"); continue; }
            v.NotEmpty($"{at}.name", f.Name);
            if (f.Name is { Length: > 0 } && !names.Add(f.Name)) v.Add($"{at}.name", $"'{f.Name}' appears twice");
            v.NotNegative($"{at}.selfCycles", f.SelfCycles);
            v.NotNegative($"{at}.calls", f.Calls);
            if (f.TotalCycles < f.SelfCycles) v.Add($"{at}.totalCycles", $"{f.TotalCycles} is less than its selfCycles {f.SelfCycles}");
            if (i > 0 && profile[i - 1] is { } before && before.SelfCycles < f.SelfCycles) v.Add($"{at}.selfCycles", $"{f.SelfCycles} is more than the entry before it ({before.SelfCycles}): the list is by self cycles, most first");
            Share(v, $"{at}.frontendShare", f.FrontendShare);
            Share(v, $"{at}.inferenceShare", f.InferenceShare);
        }
    }

    private static void Share(ViolationList v, string field, double? share)
    {
        if (share is { } s && (!double.IsFinite(s) || s is < 0 or > 1)) v.Add(field, $"{s} is not a share between 0 and 1");
    }

    /// <summary>One clip on its own (also what the run store checks before a resume trusts a stored clip).</summary>
    public static IReadOnlyList<string> ClipViolations(ClipResult clip, string field)
    {
        var v = new ViolationList();
        Clip(v, clip, field);
        return v.List;
    }

    private static void Clips(ViolationList v, RunResult run)
    {
        if (run.Clips is null) { v.Add("clips", "missing"); return; }
        if (run.Complete && run.Clips.Count == 0) v.Add("clips", "a complete run has no clips");
        for (var i = 0; i < run.Clips.Count; i++)
        {
            var clip = run.Clips[i];
            if (clip is null) { v.Add($"clips[{i}]", "null"); continue; }
            if (clip.Index != i) v.Add($"clips[{i}].index", $"{clip.Index}: clips must be numbered 0, 1, 2, ... in order");
            Clip(v, clip, $"clips[{i}]");
        }
        if (run.Clips.Any(c => c is null)) return;
        // decimal: a file may hold counts whose sum overflows a long; that is a refusal, not a crash.
        var mismatches = run.Clips.Sum(c => (decimal)Math.Max(0, c.MismatchingValues));
        if (run.FeatureMismatches != mismatches) v.Add("featureMismatches", $"{run.FeatureMismatches} but the clips' mismatchingValues add up to {mismatches}");
        var modelMismatches = run.Clips.Sum(c => (decimal)Math.Max(0, c.ModelMismatchingValues));
        if (run.ModelMismatches != modelMismatches) v.Add("modelMismatches", $"{run.ModelMismatches} but the clips' modelMismatchingValues add up to {modelMismatches}");
        var correct = run.Clips.Count(c => c.Predicted == c.Label);
        var accuracy = run.Clips.Count == 0 ? 0 : correct / (double)run.Clips.Count;
        if (Math.Abs(run.Accuracy - accuracy) > 1e-9) v.Add("accuracy", $"{run.Accuracy} but {correct} of {run.Clips.Count} clips are right ({accuracy})");
    }

    private static void Clip(ViolationList v, ClipResult clip, string at)
    {
        if (clip.Index < 0) v.Add($"{at}.index", "is negative");
        v.NotEmpty($"{at}.name", clip.Name);
        v.NotEmpty($"{at}.label", clip.Label);
        v.NotEmpty($"{at}.predicted", clip.Predicted);
        if (clip.Scores is null) v.Add($"{at}.scores", "missing");
        v.NotNegative($"{at}.frames", clip.Frames);
        v.NotNegative($"{at}.windows", clip.Windows);
        v.NotNegative($"{at}.mismatchingValues", clip.MismatchingValues);
        v.NotNegative($"{at}.modelWindows", clip.ModelWindows);
        v.NotNegative($"{at}.modelMismatchingValues", clip.ModelMismatchingValues);
        v.NotNegative($"{at}.maxAbsDifference", clip.MaxAbsDifference);
        v.NotNegative($"{at}.retries", clip.Retries);
        v.NonNegative($"{at}.durationSeconds", clip.DurationSeconds);
        v.NonNegative($"{at}.wallSeconds", clip.WallSeconds);
        v.NotNegative($"{at}.bytesSent", clip.BytesSent);
        v.NotNegative($"{at}.bytesReceived", clip.BytesReceived);
        if (clip.CyclesPerStage is null) v.Add($"{at}.cyclesPerStage", "missing");
        else foreach (var (stage, d) in clip.CyclesPerStage) Distribution(v, $"{at}.cyclesPerStage.{stage}", d);
    }

    private static void Confusion(ViolationList v, RunResult run)
    {
        var labels = run.Confusion.Labels;
        var counts = run.Confusion.Counts;
        if (labels is null || labels.Any(string.IsNullOrEmpty)) { v.Add("confusion.labels", "missing or empty label"); return; }
        if (labels.Distinct().Count() != labels.Count) v.Add("confusion.labels", "a label appears twice");
        var n = labels.Count;
        if (counts is null || counts.Count != n || counts.Any(row => row is null || row.Count != n))
        {
            v.Add("confusion.counts", $"expected {n} rows of {n} counts (one per label)");
            return;
        }
        if (run.Clips is null || run.Clips.Any(c => c is null)) return;
        for (var t = 0; t < n; t++)
            for (var p = 0; p < n; p++)
            {
                var expected = run.Clips.Count(c => c.Label == labels[t] && c.Predicted == labels[p]);
                if (counts[t][p] != expected)
                {
                    v.Add($"confusion.counts[{t}][{p}]", $"{counts[t][p]} but {expected} clips labelled {labels[t]} were predicted {labels[p]}");
                    return;
                }
            }
    }

    private static void Distribution(ViolationList v, string at, Distribution? d)
    {
        if (d is null) { v.Add(at, "missing"); return; }
        v.NonNegative(at + ".median", d.Median);
        v.NonNegative(at + ".p95", d.P95);
        v.NonNegative(at + ".max", d.Max);
        v.NotNegative(at + ".count", d.Count);
        if (d.Median > d.P95 || d.P95 > d.Max) v.Add(at, $"median {d.Median}, p95 {d.P95}, max {d.Max} are not in increasing order");
    }

    private sealed class ViolationList
    {
        public List<string> List { get; } = [];

        public void Add(string field, string reason) => List.Add($"{field}: {reason}");

        public void NotEmpty(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(field, "missing or empty");
        }

        public void NotNegative(string field, long value)
        {
            if (value < 0) Add(field, $"{value} is negative");
        }

        /// <summary>A figure that must be there (a measured result) and not negative.</summary>
        public void Present(string field, double? value)
        {
            if (value is { } x) NonNegative(field, x);
            else Add(field, "missing from a measured result");
        }

        /// <summary>An optional figure: absent is fine, present must be finite and not negative.</summary>
        public void NonNegative(string field, double? value)
        {
            if (value is { } x) NonNegative(field, x);
        }

        public void NonNegative(string field, double value)
        {
            if (!double.IsFinite(value)) Add(field, $"{value} is not a finite number");
            else if (value < 0) Add(field, $"{value} is negative");
        }
    }
}
