using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>
/// run.json: everything one run of a playlist through one board produced. Written by
/// <c>rig run</c>, read by <c>rig report</c>, <c>rig gate</c> and the run store.
/// Bump <see cref="CurrentSchemaVersion"/> on any incompatible change; readers refuse newer ones.
/// </summary>
public sealed record RunResult
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required string Profile { get; init; }
    public required RunMode Mode { get; init; }
    /// <summary>"virtual" or "serial:/dev/ttyUSB0".</summary>
    public required string Board { get; init; }
    /// <summary>The rig host that ran it (the farm's history is cut per host); null in runs from before the field.</summary>
    public string? Host { get; init; }
    /// <summary>The board's own unique ID when its HELLO reports one (none does yet: null), so history can follow one physical board.</summary>
    public string? BoardUid { get; init; }
    public required string Playlist { get; init; }
    public required string ConfigHash { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public bool Complete { get; init; }
    /// <summary>Fraction of clips classified correctly, 0..1 (the report shows it as a percentage).</summary>
    public double Accuracy { get; init; }
    public long FeatureMismatches { get; init; }
    /// <summary>Model output values (per window) where the board and the golden twin disagree, over every clip; a measured failure like a feature mismatch.</summary>
    public long ModelMismatches { get; init; }
    public IReadOnlyList<ClipResult> Clips { get; init; } = [];
    public required ConfusionMatrix Confusion { get; init; }
    public BoardStats? Stats { get; init; }
    public CycleSummary? Cycles { get; init; }
    public ModelSummary? Model { get; init; }
    public PowerResult? Power { get; init; }
    public MemoryResult? Memory { get; init; }
    /// <summary>Which image the board ran (HELLO v3's build id) and which it was expected to run; null in runs from before the field.</summary>
    public FirmwareIdentity? Firmware { get; init; }
    public TimingResult? Timing { get; init; }
    public LinkCounters Link { get; init; } = new();
    /// <summary>Emulated boards only: the top <see cref="FunctionProfileEntry.TopCount"/> functions by self cycles; null elsewhere (not measured).</summary>
    public IReadOnlyList<FunctionProfileEntry>? FunctionProfile { get; init; }
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();
}

/// <summary>One clip of the playlist as the board saw it.</summary>
public sealed record ClipResult
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required string Predicted { get; init; }
    /// <summary>Aggregated Q15 scores per label, in <see cref="Labels.All"/> order.</summary>
    public IReadOnlyList<int> Scores { get; init; } = [];
    public int Frames { get; init; }
    public int Windows { get; init; }
    public long MismatchingValues { get; init; }
    public int MaxAbsDifference { get; init; }
    /// <summary>Null when every value agreed.</summary>
    public string? FirstDifferingStage { get; init; }
    /// <summary>Windows whose model output was compared with the golden twin's (run on the board's own feature columns).</summary>
    public int ModelWindows { get; init; }
    /// <summary>Model output values that differ from the golden twin's: int8 outputs of a graph, Q15 scores of the MLP.</summary>
    public long ModelMismatchingValues { get; init; }
    /// <summary>Where the model first diverges (null when it agreed, or when the board cannot dump its layers).</summary>
    public LayerDivergence? FirstDivergingLayer { get; init; }
    public IReadOnlyDictionary<string, Distribution> CyclesPerStage { get; init; } = new Dictionary<string, Distribution>();
    public int Retries { get; init; }
    public double DurationSeconds { get; init; }
    /// <summary>Name of a file in the run directory holding this clip's board and golden feature columns (for plots).</summary>
    public string? FeatureFile { get; init; }
    /// <summary>Host wall time this clip took on this board (play, capture, diff), seconds; null in stores older than this field.</summary>
    public double? WallSeconds { get; init; }
    /// <summary>Bytes the host sent to / received from this board for this clip; with <see cref="WallSeconds"/> they let a resumed run's timing cover every session.</summary>
    public long BytesSent { get; init; }
    public long BytesReceived { get; init; }
}

/// <summary>Median, 95th percentile and maximum of a sample.</summary>
public sealed record Distribution(double Median, double P95, double Max, int Count)
{
    public static Distribution Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return new Distribution(0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1 < 0 ? 0 : (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Distribution(At(0.5), At(0.95), sorted[^1], sorted.Length);
    }
}

public sealed record ConfusionMatrix(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>
/// Run-wide cycle figures. <see cref="Unit"/> is mcu-cycles on hardware and host-cycles on a virtual board: never mixed.
/// <see cref="RealTimeMargin"/> is null when no frontend column was timed (nothing to take a share of).
/// </summary>
public sealed record CycleSummary(CycleUnit Unit, double ClockHz, Distribution FrontendPerColumn, Distribution ModelPerInference, double? RealTimeMargin)
{
    /// <summary>Whose clock counted these cycles; null in runs written before the field (derive it from <see cref="Unit"/>).</summary>
    public MeasurementClock? Clock { get; init; }

    [JsonIgnore]
    public MeasurementClock ClockOrUnit => Clock ?? MeasurementClocks.FromCycleUnit(Unit);
}

public sealed record ModelSummary(string Name, long MacsPerInference, int ParameterBytes, int RamBytes)
{
    /// <summary>Graph models: per-layer costs in execution order (null for the MLP of model.c).</summary>
    public IReadOnlyList<ModelLayer>? Layers { get; init; }
    /// <summary>Graph models: the tensor arena the host planned, bytes.</summary>
    public int? ArenaBytes { get; init; }
    /// <summary>The profile's model RAM budget (memory.model_ram_budget_bytes) the arena is checked against.</summary>
    public int? RamBudgetBytes { get; init; }
    /// <summary>Arena within the budget; null when there is no arena (MLP).</summary>
    public bool? ArenaWithinBudget => ArenaBytes is { } a && RamBudgetBytes is { } b ? a <= b : null;
}

/// <summary>The board's STATS. Stack high-water and static RAM are null where the board cannot
/// measure them (a host process has no painted stack nor an MCU's .data+.bss: the native virtual
/// board), and <see cref="NotMeasured"/> says why; a 0 would read as a measurement.</summary>
public sealed record BoardStats(int? StackHighWaterBytes, int? StaticRamBytes, long DroppedSamples, int FrontendRamBytes)
{
    public string? NotMeasured { get; init; }

    /// <summary>Emulated boards only: stack top minus the lowest main SP the emulator saw; it should equal the painted <see cref="StackHighWaterBytes"/>.</summary>
    public int? EmulatorStackHighWaterBytes { get; init; }

    /// <summary>Emulated boards only: SRAM bytes the firmware wrote at least once from main() on (the start-up code's copy, zeroing and stack painting not counted).</summary>
    public int? EmulatorRamTouchedBytes { get; init; }
}

/// <summary>
/// run.json <c>power</c>. Every figure is null when not measured (with <see cref="Reason"/>), never 0. Measured
/// the MLPerf Tiny way and better: <see cref="Windows"/> BURST windows of K back-to-back inferences, each holding
/// at least <see cref="MinSamplesPerWindow"/> INA219 conversions, the median per-inference energy with its spread,
/// idle power from IDLE windows of its own, energy gross and net of idle.
/// </summary>
public sealed record PowerResult(
    bool Measured,
    string? Reason,
    /// <summary>Median over the windows of energy per inference, gross (idle included), uJ.</summary>
    double? EnergyPerInferenceUj,
    double? ActivePowerMw,
    double? IdlePowerMw,
    /// <summary>Conversions in the median window (all windows: <see cref="MinSamplesPerWindow"/>).</summary>
    int? Samples,
    double? BusVoltageV,
    /// <summary>K: inferences per BURST window.</summary>
    int? InferencesInWindow,
    double? WindowSeconds,
    /// <summary>Name of a CSV in the run directory with the power trace (time_s, power_mw, marker).</summary>
    string? TraceFile)
{
    /// <summary>Samples the idle figure was averaged over.</summary>
    public int? IdleSamples { get; init; }
    /// <summary>INA219 conversion period (shunt + bus conversion times for the configured mode), seconds.</summary>
    public double? ConversionSeconds { get; init; }
    /// <summary>Samples per second the sampler achieved inside the window.</summary>
    public double? SamplerRateHz { get; init; }
    /// <summary>What measured: "INA219 i2c-1 0x40", "virtual INA219 0x40 (py32f003 power model)".</summary>
    public string? Monitor { get; init; }
    /// <summary>Virtual boards only: the power model's exact energy per inference (integral over the window / K).</summary>
    public double? TruthEnergyPerInferenceUj { get; init; }
    /// <summary>Virtual boards only: the model's truth net of its sleep power.</summary>
    public double? TruthNetEnergyPerInferenceUj { get; init; }

    /// <summary>BURST windows measured (at least 5 in a measurement made with BURST).</summary>
    public int? Windows { get; init; }
    /// <summary>Fewest INA219 conversions wholly inside any one window (at least 200 wanted).</summary>
    public int? MinSamplesPerWindow { get; init; }
    /// <summary>(max - min) / median of the per-window energies, percent.</summary>
    public double? SpreadPercent { get; init; }
    /// <summary>Median per-inference energy net of idle: (window power - idle power) x window / K, uJ.</summary>
    public double? NetEnergyPerInferenceUj { get; init; }
    /// <summary>IDLE windows the idle power is the median of.</summary>
    public int? IdleWindows { get; init; }
    /// <summary>Whose clock timed the inferences (and so the energy): mcu, emulated-mcu or host.</summary>
    public MeasurementClock? Clock { get; init; }
    /// <summary>What cut the windows: gpio (marker edges on the rig host) or messages (BURST and its answer).</summary>
    public PowerWindowSource? WindowSource { get; init; }
    /// <summary>Messages only: the one-way serial latency (half the median PING round trip) taken off each edge, ms.</summary>
    public double? LatencyMs { get; init; }
    /// <summary>Whether each inference of the burst included the frontend's hop of columns.</summary>
    public bool? IncludesFrontend { get; init; }
    /// <summary>The board's own cycle count for one inference (the clock in <see cref="Clock"/>).</summary>
    public double? CyclesPerInference { get; init; }
    /// <summary>Per window, in order: energy per inference (gross) uJ.</summary>
    public IReadOnlyList<double>? WindowEnergiesUj { get; init; }

    /// <summary>Power was not measured; <paramref name="reason"/> says why (shown in the report).</summary>
    public static PowerResult NotMeasured(string reason) => new(false, reason, null, null, null, null, null, null, null, null);
}

public sealed record MemoryResult(int FlashBytes, int RamBytes, int FrontendRamBytes, int StackReserveBytes, IReadOnlyDictionary<string, int> Sections)
{
    /// <summary>
    /// Optional: where each section of <see cref="Sections"/> lives, "flash", "ram" or "flash+ram" (from the ELF
    /// section flags). When null the report guesses from conventional section names.
    /// </summary>
    public IReadOnlyDictionary<string, string>? SectionRegions { get; init; }
}

/// <summary>How long the run took against its physical limit (UART wire time or audio duration).</summary>
public sealed record TimingResult(double WallSeconds, double AudioSeconds, double WireLimitSeconds, double BytesSent, int Baud, double SpeedVsRealTime)
{
    /// <summary>Bytes the board sent (features, results, captures); the limit of the other direction is BytesReceived / (Baud / 10).</summary>
    public double BytesReceived { get; init; }
    /// <summary>BytesReceived / (Baud / 10): the board-to-host wire time (the binding one in acoustic mode, where the board streams its capture).</summary>
    public double ReceiveLimitSeconds { get; init; }
    /// <summary>What carried the bytes; null in runs written before the field.</summary>
    public WireKind? Wire { get; init; }
    /// <summary>Whether the wall time was bound by a UART wire (true for "uart" and "paced-virtual-uart").</summary>
    public bool WirePaced { get; init; }
    /// <summary>WallSeconds / WireLimitSeconds: 1.0 is the physical limit; a paced wire can only approach it from above. Null when nothing was sent.</summary>
    public double? WallOverWireLimit { get; init; }
    /// <summary>
    /// The fastest this run could physically have gone, seconds: in inject mode the slower UART direction
    /// (max of <see cref="WireLimitSeconds"/> and <see cref="ReceiveLimitSeconds"/>); in acoustic mode the audio
    /// itself, because sound plays in real time whatever the wire can do.
    /// </summary>
    public double PhysicalLimitSeconds { get; init; }
    /// <summary>What sets <see cref="PhysicalLimitSeconds"/>; null in runs written before the field.</summary>
    public PhysicalLimit? PhysicalLimit { get; init; }
    /// <summary>
    /// False when the UART cannot carry the traffic in real time: acoustic mode, the board->host stream
    /// (captured audio + features) needs longer than the audio lasts; inject mode, the PCM going out does.
    /// </summary>
    public bool UartKeepsUp { get; init; } = true;
    /// <summary>Sessions this timing adds up (a run resumed once has 2); all figures above cover the whole run.</summary>
    public int Sessions { get; init; } = 1;
    /// <summary>The last session's share: audio played and host wall time, seconds.</summary>
    public double SessionAudioSeconds { get; init; }
    public double SessionWallSeconds { get; init; }
}

/// <summary>What the link had to put up with.</summary>
public sealed record LinkCounters
{
    public long FramesReceived { get; init; }
    public long CrcErrors { get; init; }
    public long GarbageBytes { get; init; }
    public long DroppedFrames { get; init; }
    public long Resyncs { get; init; }
    public long Retries { get; init; }
    public IReadOnlyList<string> RetryLog { get; init; } = [];
    /// <summary>Frame recovery (protocol v2): AUDIO frames and requests sent again after a NAK or a per-frame timeout.</summary>
    public long ResentFrames { get; init; }
    /// <summary>RESULT windows that were lost and came again by replaying their audio.</summary>
    public long ReplayedWindows { get; init; }
    /// <summary>Clips that needed frame recovery or whole-clip retries and finished.</summary>
    public long RecoveredClips { get; init; }
    /// <summary>Clips that failed even after frame recovery and whole-clip retries (the run stopped there).</summary>
    public long FailedClips { get; init; }
    /// <summary>What `--line-faults` injected (null when the line was left alone).</summary>
    public InjectedFaults? InjectedFaults { get; init; }
}
