using Rig.Core.Seams;
using Rig.Core.Runs;
using Rig.Hardware.Ina219;
using Rig.Protocol.Messages;

namespace Rig.Hardware.Power;

/// <summary>
/// Energy per inference the way MLPerf Tiny's energy runner measures it, and better: the INA219 is sampled in
/// the background while the board runs <see cref="EnergyPlan.Windows"/> IDLE windows and as many BURST windows
/// of K back-to-back inferences; K comes from the board's own cycle count for one inference and the INA219's
/// conversion time, so every window holds at least <see cref="EnergyPlan.MinSamples"/> conversions. Each window
/// is cut on the marker edges seen by the rig host, or (no marker wired) on the BURST/answer times moved inward
/// by half the measured PING round trip. Only conversions wholly inside a window count. Reported: the median
/// per-inference energy (gross, and net of the median idle power) with its spread over the windows.
/// Trouble (a K over the window limit, a marker that never rises, a NAK or OVF from the INA219, a board that
/// stops at its budget) gives a not-measured result with the reason; it never throws for it.
/// </summary>
public static class BurstEnergyRunner
{
    /// <summary>Calibration bursts aim at this long, so one inference's cycles are not a single noisy count.</summary>
    private const double CalibrationSeconds = 0.02;

    public static PowerMeasurement Measure(EnergyBench bench, IBurstBoard board, EnergyPlan plan, CancellationToken ct = default)
    {
        plan = plan.Validated();
        try
        {
            bench.Setup.Apply(bench.Device);
        }
        catch (Ina219Exception e)
        {
            return PowerMeasurement.NotMeasured(e.Message);
        }
        var flags = (plan.IncludeFrontend ? BurstFlags.Frontend : BurstFlags.None) | (plan.HostWindow ? BurstFlags.HostWindow : BurstFlags.None);
        var budget = (uint)Math.Min(uint.MaxValue, Math.Floor(plan.WindowLimitSeconds * board.CyclesHz));

        var perInference = Calibrate(board, flags, budget, out var refusal);
        if (perInference is null) return PowerMeasurement.NotMeasured(refusal!);
        var period = bench.Device.Configuration.CyclePeriod;
        var k = InferenceCount.For(perInference.Value, period, plan.MinSamples);
        var tooLong = Refuse(k, perInference.Value, plan, board);
        if (tooLong is not null) return PowerMeasurement.NotMeasured(tooLong);
        // Longer windows for a sampler that fell behind stop at the limit (the result then says the count fell short).
        var kLimit = Math.Max(k, (int)Math.Floor(plan.WindowLimitSeconds / perInference.Value));
        var idleSeconds = InferenceCount.Margin * (plan.MinSamples + 2) * period.TotalSeconds;
        for (var attempt = 0; ; attempt++)
        {
            var series = new WindowSeries(bench, board, plan, flags, budget, k, idleSeconds);
            var outcome = series.Run(ct);
            if (outcome.Refused is { } why) return PowerMeasurement.NotMeasured(why);
            var min = outcome.Bursts.Min(w => w.Samples);
            var minIdle = outcome.Idles.Min(w => w.Samples);
            if ((min >= plan.MinSamples && minIdle >= plan.MinSamples) || attempt == MaxRetries)
                return outcome.Result(bench, board, plan, k, perInference.Value);
            // The sampler got fewer conversions than the chip made (a slow or busy host): lengthen what fell short.
            if (min < plan.MinSamples)
                k = (int)Math.Min(kLimit, Math.Ceiling(k * InferenceCount.Margin * (plan.MinSamples + 2) / Math.Max(1, min)));
            if (minIdle < plan.MinSamples)
                idleSeconds = Math.Min(plan.WindowLimitSeconds, idleSeconds * InferenceCount.Margin * (plan.MinSamples + 2) / Math.Max(1, minIdle));
        }
    }

    /// <summary>Looks for the marker's edges after an answer, four conversion periods apart (about 0.25 s in all at 12 bits).</summary>
    private const int MarkerLooks = 60;

    /// <summary>Series re-run with longer windows when one held too few conversions.</summary>
    private const int MaxRetries = 3;

    /// <summary>Seconds per inference from the board's own cycles: one inference, then a burst of about 20 ms.</summary>
    private static double? Calibrate(IBurstBoard board, BurstFlags flags, uint budget, out string? refusal)
    {
        refusal = null;
        var first = board.Burst(flags, 1, budget, IgnoredMarks.Instance);
        if (first.Status == BurstStatus.NoWindow)
        {
            refusal = $"{board.Name}: no window to run a BURST on (the board has inferred nothing since it started)";
            return null;
        }
        var one = Math.Max(1, first.Cycles) / board.CyclesHz;
        var k = (int)Math.Clamp(Math.Ceiling(CalibrationSeconds / one), 1, 100_000);
        if (k == 1) return one;
        var second = board.Burst(flags, k, budget, IgnoredMarks.Instance);
        if (second.Inferences < 1) return one;
        return Math.Max(1, second.Cycles) / board.CyclesHz / second.Inferences;
    }

    private static string? Refuse(int k, double secondsPerInference, EnergyPlan plan, IBurstBoard board)
    {
        var window = k * secondsPerInference;
        if (window <= plan.WindowLimitSeconds) return null;
        return $"{board.Name}: K = {k} inferences of {secondsPerInference * 1e3:G4} ms ({board.Clock.Label()}) make a " +
               $"{window:G4} s window, longer than {plan.WindowLimitName} ({plan.WindowLimitSeconds:G4} s): refused before asking the board";
    }

    /// <summary>One IDLE + BURST window, measured.</summary>
    internal sealed record WindowFigure(PowerWindow Window, int Samples, double MeanWatts, double BusVolts, long Cycles, double? TruthJoules, double? TruthSeconds)
    {
        public double Seconds(long frequency) => Window.Seconds(frequency);
    }

    /// <summary>The windows of one attempt, and the readings that fell in them.</summary>
    private sealed class WindowSeries(EnergyBench bench, IBurstBoard board, EnergyPlan plan, BurstFlags flags, uint budget, int k, double idleSeconds)
    {
        private readonly List<PowerReading> _readings = [];
        private readonly List<(PowerWindow Window, long Cycles, double? TruthJ, double? TruthS)> _bursts = [];
        private readonly List<PowerWindow> _idles = [];
        private long _latencyStamps;

        public sealed record Outcome(string? Refused, IReadOnlyList<WindowFigure> Bursts, IReadOnlyList<WindowFigure> Idles,
                                     IReadOnlyList<PowerReading> Readings, double? LatencySeconds)
        {
            public PowerMeasurement Result(EnergyBench bench, IBurstBoard board, EnergyPlan plan, int k, double secondsPerInference) =>
                Summarise(this, bench, board, plan, k, secondsPerInference);
        }

        public Outcome Run(CancellationToken ct)
        {
            var time = bench.Time;
            double? latency = null;
            if (bench.Marker is null)
            {
                var trips = Enumerable.Range(0, plan.Pings).Select(_ => board.RoundTrip()).Order().ToList();
                var half = trips[trips.Count / 2] / 2;
                latency = half.TotalSeconds;
                _latencyStamps = (long)Math.Round(half.TotalSeconds * time.TimestampFrequency);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var sampler = new PowerSampler(bench.Device, bench.Marker);
            Exception? failure = null;
            var sampling = Task.Run(() =>
            {
                try { sampler.SampleUntilCancelled(r => { lock (_readings) _readings.Add(r); }, stop.Token); }
                catch (Ina219Exception e) { failure = e; }
            }, CancellationToken.None);
            try
            {
                for (var w = 0; w < plan.Windows; w++)
                {
                    if (Volatile.Read(ref failure) is not null || sampling.IsCompleted) break;
                    var idle = IdleWindow(ct, out var why);
                    if (idle is null) return Refuse(why!);
                    _idles.Add(idle.Value);
                    var burst = BurstWindow(ct, out why, out var cycles);
                    if (burst is null) return Refuse(why!);
                    var truth = bench.Truth?.LastMarkedStretch();
                    _bursts.Add((burst.Value, cycles, truth?.Joules, truth?.Seconds));
                }
            }
            finally
            {
                stop.Cancel();
                sampling.Wait(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            if (failure is not null) return Refuse(failure.Message);
            if (_bursts.Count < plan.Windows)
                return Refuse($"{bench.Description}: the sampler stopped after {_bursts.Count} of {plan.Windows} windows");

            List<PowerReading> readings;
            lock (_readings) readings = [.. _readings];
            var cycleStamps = (long)Math.Ceiling(bench.Device.Configuration.CyclePeriod.TotalSeconds * time.TimestampFrequency);
            WindowFigure Figure(PowerWindow window, long cycles, double? tj, double? ts)
            {
                var inside = readings.Where(r => window.Holds(r, cycleStamps)).ToList();
                return new WindowFigure(window, inside.Count, inside.Count > 0 ? inside.Average(r => r.PowerWatts) : double.NaN,
                    inside.Count > 0 ? inside.Average(r => r.Sample.BusVolts) : double.NaN, cycles, tj, ts);
            }
            var bursts = _bursts.Select(b => Figure(b.Window, b.Cycles, b.TruthJ, b.TruthS)).ToList();
            var idles = _idles.Select(i => Figure(i, 0, null, null)).ToList();
            if (bursts.Any(b => b.Samples == 0))
                return Refuse($"{bench.Description}: no complete INA219 conversion inside a BURST window of {bursts.First(b => b.Samples == 0).Seconds(time.TimestampFrequency) * 1e3:F3} ms");
            return new Outcome(null, bursts, idles, readings, latency);
        }

        private static Outcome Refuse(string why) => new(why, [], [], [], null);

        private PowerWindow? IdleWindow(CancellationToken ct, out string? why)
        {
            why = null;
            var time = bench.Time;
            var seconds = idleSeconds;
            if (!board.CanIdle)
            {
                // No IDLE in this firmware: the board sits in its idle loop between requests.
                var start = time.GetTimestamp();
                Wait(TimeSpan.FromSeconds(seconds), ct);
                return new PowerWindow(start, time.GetTimestamp());
            }
            bench.Marker?.Arm();
            var marks = new MessageMarks(time);
            var ticks = (uint)Math.Min(uint.MaxValue, Math.Ceiling(seconds * board.CyclesHz));
            board.Idle(ticks, marks);
            return Cut(marks, "IDLE", ct, out why);
        }

        private PowerWindow? BurstWindow(CancellationToken ct, out string? why, out long cycles)
        {
            bench.Marker?.Arm();
            var marks = new MessageMarks(bench.Time);
            var done = board.Burst(flags, k, budget, marks);
            cycles = done.Cycles;
            why = done.Status switch
            {
                BurstStatus.Done when done.Inferences == k => null,
                BurstStatus.OverBudget => $"{board.Name}: the board stopped the BURST at its cycle budget ({budget} cycles, {plan.WindowLimitName}) " +
                                          $"after {done.Inferences} of {k} inferences",
                BurstStatus.NoWindow => $"{board.Name}: no window to run a BURST on",
                _ => $"{board.Name}: BURST of {k} answered {done.Status} after {done.Inferences} inferences",
            };
            return why is null ? Cut(marks, "BURST", ct, out why) : null;
        }

        /// <summary>The window after its answer: the marker's edges, or the message times moved inward by the latency.</summary>
        private PowerWindow? Cut(MessageMarks marks, string what, CancellationToken ct, out string? why)
        {
            why = null;
            // Let the conversion spanning the falling edge finish, so the last whole conversion is read.
            Wait(bench.Device.Configuration.CyclePeriod * 2, ct);
            if (bench.Marker is { } marker)
            {
                // The edge callbacks can trail the answer on a busy host: look again, a bounded number of times.
                for (var look = 0; look < MarkerLooks && marker.Window is null; look++) Wait(bench.Device.Configuration.CyclePeriod * 4, ct);
                if (marker.Window is { } edges) return new PowerWindow(edges.Start, edges.Stop);
                why = $"{bench.Description}: the marker line (GPIO {bench.MarkerPin?.ToString() ?? "?"}) never rose and fell during a {what} " +
                      "the board reports done: check the wiring of power.marker_gpio";
                return null;
            }
            if (marks.Window is { } m && m.Stop - _latencyStamps > m.Start + _latencyStamps)
                return new PowerWindow(m.Start + _latencyStamps, m.Stop - _latencyStamps);
            why = $"{board.Name}: the {what} answer came back within the serial latency ({_latencyStamps / (double)bench.Time.TimestampFrequency * 1e3:F3} ms each way): no window left to measure";
            return null;
        }

        private void Wait(TimeSpan span, CancellationToken ct) => Task.Delay(span, bench.Time, ct).Wait(ct);
    }

    private static PowerMeasurement Summarise(WindowSeries.Outcome o, EnergyBench bench, IBurstBoard board, EnergyPlan plan, int k, double secondsPerInference)
    {
        var f = bench.Time.TimestampFrequency;
        var idleWatts = Median(o.Idles.Where(i => i.Samples > 0).Select(i => i.MeanWatts).ToList());
        var gross = o.Bursts.Select(b => b.MeanWatts * b.Seconds(f) / k * 1e6).ToList();
        var net = o.Bursts.Select(b => (b.MeanWatts - (idleWatts ?? 0)) * b.Seconds(f) / k * 1e6).ToList();
        var median = Median(gross)!.Value;
        var spread = median > 0 ? (gross.Max() - gross.Min()) / median * 100 : 0;
        var minSamples = o.Bursts.Min(b => b.Samples);
        var truths = o.Bursts.Where(b => b.TruthJoules is not null).ToList();
        var origin = o.Readings.Count > 0 ? o.Readings[0].Timestamp : 0;
        var windows = o.Bursts.Select(b => b.Window).Concat(o.Idles.Select(i => i.Window)).ToList();
        var trace = o.Readings.Select(r => new PowerSample((r.Timestamp - origin) / (double)f, r.PowerWatts * 1e3,
            r.Marker || windows.Any(w => r.Timestamp >= w.Start && r.Timestamp <= w.Stop) ? 1 : 0)).ToList();
        var span = o.Readings.Count > 1 ? (o.Readings[^1].Timestamp - origin) / (double)f : 0;
        var reason = minSamples < plan.MinSamples ? $"the thinnest window held {minSamples} conversions, fewer than {plan.MinSamples}" : null;
        var result = new PowerResult(true, reason, median, Median(o.Bursts.Select(b => b.MeanWatts * 1e3).ToList()), idleWatts * 1e3,
            minSamples, o.Bursts.Average(b => b.BusVolts), k, Median(o.Bursts.Select(b => b.Seconds(f)).ToList()), null)
        {
            IdleSamples = o.Idles.Count > 0 ? o.Idles.Min(i => i.Samples) : null,
            ConversionSeconds = bench.Device.Configuration.CyclePeriod.TotalSeconds,
            SamplerRateHz = span > 0 ? (o.Readings.Count - 1) / span : null,
            Monitor = bench.Description,
            Windows = o.Bursts.Count,
            IdleWindows = o.Idles.Count,
            MinSamplesPerWindow = minSamples,
            SpreadPercent = spread,
            NetEnergyPerInferenceUj = idleWatts is null ? null : Median(net),
            Clock = board.Clock,
            WindowSource = bench.WindowSource,
            LatencyMs = o.LatencySeconds * 1e3,
            IncludesFrontend = plan.IncludeFrontend,
            CyclesPerInference = Median(o.Bursts.Select(b => b.Cycles / (double)k).ToList()),
            WindowEnergiesUj = gross,
            TruthEnergyPerInferenceUj = truths.Count > 0 ? Median(truths.Select(b => b.TruthJoules!.Value / k * 1e6).ToList()) : null,
            TruthNetEnergyPerInferenceUj = truths.Count > 0 && bench.Truth is { } t
                ? Median(truths.Select(b => (b.TruthJoules!.Value - t.SleepWatts * b.TruthSeconds!.Value) / k * 1e6).ToList())
                : null,
        };
        return new PowerMeasurement(result, trace);
    }

    private static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
