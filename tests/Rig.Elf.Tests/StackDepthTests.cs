using System.Globalization;
using Rig.Elf.Stack;

namespace Rig.Elf.Tests;

/// <summary>
/// Worst-case stack from GCC's call graph, checked against the per-function frame sizes GCC
/// writes with -fstack-usage for the same compile (read at test time).
/// </summary>
public sealed class StackDepthTests : IDisposable
{
    private const string Source = """
        #include <stdint.h>
        volatile uint32_t sink;
        __attribute__((noinline)) static void deep(int n) { volatile uint8_t buf[96]; for (int i = 0; i < n; i++) buf[i & 63] = (uint8_t)i; sink = buf[n & 63]; }
        __attribute__((noinline)) static void middle(int n) { volatile uint32_t w[5]; w[n & 3] = (uint32_t)n; deep(n + (int)w[1]); }
        __attribute__((noinline)) static void shallow(int n) { sink = (uint32_t)n; }
        __attribute__((noinline)) static void irq_work(int n) { volatile uint16_t b[20]; b[n & 15] = (uint16_t)n; sink = b[3]; }
        __attribute__((noinline)) int countdown(int n) { volatile int x = n; return n <= 1 ? x : countdown(n - 1) + countdown(n - 2) + x; }
        void (*volatile hook)(void);
        __attribute__((noinline)) static void hook_target(void) { volatile uint32_t t[30]; t[sink & 15] = 1; sink = t[2]; }
        void Foo_IRQHandler(void) { irq_work((int)sink); }
        void Bar_IRQHandler(void) { sink = 0; }
        void Reset_Handler(void) { hook = hook_target; for (;;) { middle((int)sink); shallow(3); } }
        void Hooked_IRQHandler(void) { hook(); }
        int uses_recursion(void) { return countdown(5); }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("rig-elf-stack-").FullName;
    private readonly CallGraph _graph;
    private readonly Dictionary<string, int> _su = [];

    public StackDepthTests()
    {
        var c = Path.Combine(_dir, "probe.c");
        File.WriteAllText(c, Source);
        Tool.Ok("arm-none-eabi-gcc", "-mcpu=cortex-m0plus", "-mthumb", "-Os", "-fcallgraph-info=su", "-fstack-usage",
            "-c", c, "-o", Path.Combine(_dir, "probe.o"));
        _graph = CallGraph.LoadDirectory(_dir);
        // probe.su lines: "probe.c:3:48:deep<TAB>104<TAB>static"
        foreach (var line in File.ReadAllLines(Path.Combine(_dir, "probe.su")))
        {
            var t = line.Split('\t');
            _su[t[0][(t[0].LastIndexOf(':') + 1)..]] = int.Parse(t[1], CultureInfo.InvariantCulture);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Frames_match_stack_usage_files()
    {
        Assert.NotEmpty(_su);
        foreach (var (fn, bytes) in _su) Assert.Equal(bytes, Assert.Single(_graph.Frames.Values, f => f.SourceName == fn).Bytes);
    }

    [Fact]
    public void Worst_case_is_deepest_thread_chain_plus_exception_frame_plus_deepest_handler()
    {
        var est = StackDepth.Estimate(_graph);
        Assert.Equal(["Reset_Handler", "middle", "deep"], est.Thread.Path);
        Assert.Equal(_su["Reset_Handler"] + _su["middle"] + _su["deep"], est.Thread.Bytes);
        var irqs = new[] { ("Foo_IRQHandler", _su["Foo_IRQHandler"] + _su["irq_work"]), ("Bar_IRQHandler", _su["Bar_IRQHandler"]), ("Hooked_IRQHandler", _su["Hooked_IRQHandler"]) };
        var deepest = irqs.MaxBy(x => x.Item2);
        Assert.Equal(deepest.Item1, est.DeepestInterrupt!.Root);
        Assert.Equal(est.Thread.Bytes + StackDepth.CortexMExceptionFrame + deepest.Item2, est.WorstCaseBytes);
    }

    [Fact]
    public void Indirect_calls_and_recursion_are_reported_not_guessed()
    {
        var est = StackDepth.Estimate(_graph);
        Assert.Contains("Hooked_IRQHandler", est.IndirectCallers);
        Assert.False(est.IsComplete);
        var fromRecursion = StackDepth.Estimate(_graph, threadRoot: "uses_recursion");
        Assert.Contains("countdown", fromRecursion.Recursive);
    }

    [Fact]
    public void Indirect_calls_are_charged_the_deepest_function_used_only_by_address()
    {
        var candidates = StackDepth.AddressOnlyFunctions(_graph, _graph.Frames.Keys);
        Assert.Contains("hook_target", candidates);
        Assert.DoesNotContain("deep", candidates);          // called directly
        Assert.DoesNotContain("Foo_IRQHandler", candidates); // an entry point, not a callback
        var est = StackDepth.Estimate(_graph, "Hooked_IRQHandler", candidates);
        var deepestCandidate = candidates.Max(c => StackDepth.Estimate(_graph, c).Thread.Bytes);
        Assert.Equal(_su["Hooked_IRQHandler"] + deepestCandidate, est.Thread.Bytes);
        Assert.Equal(candidates, est.IndirectTargets);
        Assert.StartsWith("(*)", est.Thread.Path[1]); // the charged callee is marked as reached by pointer
    }

    [Fact]
    public void Garbage_call_graph_line_names_file_and_line()
    {
        var g = new CallGraph();
        var e = Assert.Throws<InvalidDataException>(() => g.Add("x.ci", ["graph: { title: \"x.c\"", "node: { nonsense }"]));
        Assert.Contains("x.ci:2", e.Message);
    }
}
