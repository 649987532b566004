using Rig.Dsp.Frontend;
using Rig.Dsp.Signals;
using Rig.Emulation.Cpu;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Emulation.Tests.Boards.M4Host;

/// <summary>
/// What every emulated board must do with its shipped image, as the rig drives it
/// (firmware/PROTOCOL.md): boot to the app's idle WFI with a HELLO, answer HELLO_REQ, stream FEATURE
/// columns equal to the golden model's in inject mode, capture what the microphone hears in acoustic
/// mode, drive the marker pin. Each returns the figures the board's test reports.
/// </summary>
public static class BoardScenarios
{
    /// <summary>Emulated seconds the board gets per awaited message (the profiles' silence timeout is 3 s).</summary>
    const double SecondsPerMessage = 1.0;

    static ulong Budget(EmulatedHost host) => (ulong)(host.Wiring.ClockHz * SecondsPerMessage);

    /// <summary>Runs from reset to the boot HELLO and on into the idle WFI; returns the HELLO and its cycle.</summary>
    public static (Hello Hello, ulong Cycle) Boot(EmulatedHost host)
    {
        var hello = (Hello)host.Until(m => m is Hello, Budget(host))[^1];
        var at = host.Core.Cycles;
        host.Speak(hello.ProtocolVersion);
        var sleeps = host.SleepCount;
        host.RunFor((ulong)host.Profile.Board.ClockHz / 100); // 10 ms of nothing to do
        Assert.True(host.SleepCount > sleeps, $"the core never slept within 10 ms after HELLO (pc 0x{host.Core.Pc:X8} {host.Chip.Symbols.Describe(host.Core.Pc)})");
        Assert.True(host.Core.SleepCycles > (ulong)host.Profile.Board.ClockHz / 200, $"only {host.Core.SleepCycles} of 10 ms asleep");
        return (hello, at);
    }

    /// <summary>HELLO_REQ after boot: the answer describes this image (board, frontend hash, rates, MCU cycles).</summary>
    public static (Hello Hello, ulong Cycles) HelloRequest(EmulatedHost host)
    {
        Boot(host);
        var sent = host.Core.Cycles;
        host.Send(MessageType.HelloRequest, []);
        var hello = (Hello)host.Next(Budget(host));
        var golden = new Q15Frontend(host.Profile.Frontend);
        Assert.Equal(host.Profile.Name, hello.BoardName);
        Assert.Equal(golden.ConfigHash, hello.ConfigHash);
        Assert.Equal(host.Profile.Frontend.SampleRate, hello.SampleRate);
        Assert.Equal(host.Profile.Frontend.Hop, hello.Hop);
        Assert.True(hello.McuCycles);
        Assert.Equal((uint)host.Profile.Board.ClockHz, hello.CyclesHz);
        // HELLO v3: the build id the image read from its own note in flash, as readelf -n names the ELF.
        Assert.Equal(Rig.Elf.Format.BuildIdNote.Read(host.Chip.Elf.Path)?.Id ?? "(none)", hello.BuildId);
        Assert.Null(host.Wiring.Uart.BaudMismatch);
        return (hello, host.Core.Cycles - sent);
    }

    /// <summary>
    /// An inject clip (CONFIGURE, START, AUDIO under credits, STOP) of <paramref name="samples"/>: the
    /// board's FEATURE columns equal the golden model's, one by one. Returns the columns' cycles.
    /// </summary>
    public static IReadOnlyList<uint> Inject(EmulatedHost host, short[] samples)
    {
        var (hello, _) = Boot(host);
        var budget = Budget(host);
        host.Send(MessageType.Configure, HostMessages.Configure(BoardMode.Inject, StreamFlags.Features, hello.WindowColumns, hello.WindowHopColumns));
        host.Until(m => m is Ack { Acknowledged: MessageType.Configure }, budget);
        host.Send(MessageType.Start, HostMessages.Start());
        host.Until(m => m is Ack { Acknowledged: MessageType.Start }, budget);

        var columns = new List<FeatureColumn>();
        var chunk = (hello.MaxAudioPayload - HostMessages.AudioHeaderBytes) / 2;
        var credits = hello.Credits;
        var at = 0;
        while (at < samples.Length)
        {
            while (credits > 0 && at < samples.Length)
            {
                var n = Math.Min(chunk, samples.Length - at);
                host.Send(MessageType.Audio, HostMessages.AudioAt((uint)at, samples.AsSpan(at, n)));
                at += n;
                credits--;
            }
            while (credits == 0)
            {
                var m = host.Next(budget);
                if (m is Credit c) credits += c.Count;
                else if (m is FeatureColumn f) columns.Add(f);
                else Assert.Fail($"unexpected {m} while streaming audio");
            }
        }
        host.Send(MessageType.Stop, []);
        var rest = host.Until(m => m is StatsReport, budget);
        columns.AddRange(rest.OfType<FeatureColumn>());
        var stats = (StatsReport)rest[^1];

        var golden = new Q15Frontend(host.Profile.Frontend).ComputeAll(samples);
        Assert.NotEmpty(golden);
        Assert.Equal((uint)golden.Count, stats.Columns);
        Assert.Equal(golden.Count, columns.Count);
        for (var k = 0; k < golden.Count; k++)
        {
            Assert.Equal((uint)k, columns[k].Index);
            Assert.Equal(golden[k], columns[k].Values);
        }
        Assert.Equal(0u, stats.RxBadFrames);
        return [.. columns.Select(c => c.Cycles)];
    }

    /// <summary>
    /// An acoustic clip with capture on: the samples put in the microphone come back in CAPTURE frames
    /// unchanged (the model's raw format is the inverse of the port's conversion), nothing dropped, and
    /// the FEATURE columns are the golden model's of what was captured.
    /// </summary>
    public static void Acoustic(EmulatedHost host, short[] sound)
    {
        var (hello, _) = Boot(host);
        var budget = Budget(host);
        host.Send(MessageType.Configure, HostMessages.Configure(BoardMode.Acoustic, StreamFlags.Features | StreamFlags.Capture, hello.WindowColumns, hello.WindowHopColumns));
        host.Until(m => m is Ack { Acknowledged: MessageType.Configure }, budget);
        host.Wiring.Microphone.Write(sound);
        host.Wiring.Microphone.Complete();
        host.Send(MessageType.Start, HostMessages.Start());

        var captured = new List<short>();
        var columns = new List<FeatureColumn>();
        void Take(BoardMessage m)
        {
            if (m is CapturedAudio c)
            {
                Assert.Equal((uint)captured.Count, c.FirstSample);
                captured.AddRange(c.Samples);
            }
            else if (m is FeatureColumn f) columns.Add(f);
        }
        while (captured.Count < sound.Length) Take(host.Next(budget));
        host.Send(MessageType.Stop, []);
        var rest = host.Until(m => m is StatsReport, budget);
        foreach (var m in rest) Take(m);
        var stats = (StatsReport)rest[^1];

        // A stopped microphone leaves nothing to read: the board sleeps between requests again.
        var sleeps = host.SleepCount;
        host.RunFor((ulong)host.Profile.Board.ClockHz / 100);
        Assert.True(host.SleepCount > sleeps, $"the core never slept within 10 ms after STOP (pc 0x{host.Core.Pc:X8} {host.Chip.Symbols.Describe(host.Core.Pc)})");

        Assert.Equal(sound, captured.Take(sound.Length));
        Assert.All(captured.Skip(sound.Length), s => Assert.Equal(0, s)); // silence after the clip
        Assert.Equal(0u, stats.DroppedSamples);
        Assert.Equal((uint)captured.Count, stats.Captured);
        var golden = new Q15Frontend(host.Profile.Frontend).ComputeAll(captured.ToArray());
        Assert.Equal(golden.Count, columns.Count);
        for (var k = 0; k < golden.Count; k++) Assert.Equal(golden[k], columns[k].Values);
    }

    /// <summary>MARK 1 then MARK 0: the marker pin goes high and low, each edge stamped before its ACK arrived.</summary>
    public static void Marker(EmulatedHost host)
    {
        Boot(host);
        var edges = new List<(ulong Cycle, bool Level)>();
        host.Wiring.Pins.MarkerChanged += (cycle, level) => edges.Add((cycle, level));
        foreach (var level in new[] { true, false })
        {
            var sent = host.Core.Cycles;
            host.Send(MessageType.Mark, HostMessages.Mark(level));
            host.Until(m => m is Ack { Acknowledged: MessageType.Mark }, Budget(host));
            Assert.Equal(level, host.Wiring.Pins.Marker);
            Assert.Equal(level, edges[^1].Level);
            Assert.InRange(edges[^1].Cycle, sent, host.Core.Cycles);
        }
        Assert.Equal(2, edges.Count);
    }

    /// <summary>
    /// IDLE for <paramref name="seconds"/>: the board sleeps (microphone running, hearing silence) until
    /// SysTick has counted that long, marker high meanwhile, and says how long it slept. Returns the
    /// core's sleeping cycles while the marker was high.
    /// </summary>
    public static ulong Idle(EmulatedHost host, double seconds)
    {
        Boot(host);
        host.Wiring.Microphone.Complete();
        var ticks = (uint)(seconds * host.Profile.Board.ClockHz);
        var slept = 0ul; // while the marker is high: the energy window
        host.Core.Slept += (from, to) => slept += host.Wiring.Pins.Marker ? to - from : 0;
        var edges = new List<bool>();
        host.Wiring.Pins.MarkerChanged += (_, level) => edges.Add(level);
        host.Send(MessageType.Idle, HostMessages.Idle(ticks));
        var done = (BurstDone)host.Until(m => m is BurstDone, (ulong)(2 * ticks) + Budget(host))[^1];
        Assert.Equal(MessageType.Idle, done.Request);
        Assert.Equal(BurstStatus.Done, done.Status);
        // The port checks the clock each time it wakes (a capture block, a SysTick wrap): it may sleep past the span.
        Assert.True(done.Cycles >= ticks, $"IDLE of {ticks} ticks answered after {done.Cycles}");
        Assert.Equal([true, false], edges);
        Assert.InRange(slept, (ulong)done.Cycles * 9 / 10, (ulong)done.Cycles);
        return slept;
    }

    /// <summary>
    /// Parks the core in an endless loop with interrupts masked (B . in RAM at <paramref name="codeAt"/>, PRIMASK
    /// set), so the board's UART handler cannot drain the receiver: what the host sends piles up in the hardware.
    /// </summary>
    public static void Park(EmulatedHost host, uint codeAt)
    {
        host.Core.Memory.Write16(codeAt, 0xE7FE); // B .
        host.Core.Primask = 1;
        host.Core.Pc = codeAt;
        host.Core.R[15] = codeAt;
    }

    /// <summary>A short test signal at the profile's rate: <paramref name="columns"/> columns' worth.</summary>
    public static short[] Signal(EmulatedHost host, string name, int columns)
    {
        var fe = host.Profile.Frontend;
        return TestSignals.Create(name, fe.SampleRate, fe.FftLength + (columns - 1) * fe.Hop, seed: 7);
    }

    /// <summary>
    /// Runs a load from <paramref name="address"/> (LDR r0, [r1] placed in RAM at <paramref name="codeAt"/>,
    /// a word the image does not use) on a booted board: the run must stop naming the address and the peripheral.
    /// </summary>
    public static EmulationStop LoadFrom(EmulatedHost host, uint address, uint codeAt)
    {
        host.Core.Memory.Write16(codeAt, 0x6808); // LDR r0, [r1, #0]
        host.Core.Memory.Write16(codeAt + 2, 0xBE00); // BKPT #0 (not reached)
        host.Core.R[1] = address;
        host.Core.Pc = codeAt;
        host.Core.R[15] = codeAt;
        return host.Core.Run(host.Core.Cycles + 1000);
    }
}
