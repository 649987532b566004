using System.Text.Json;
using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Memory;

namespace Rig.Elf.Tests;

/// <summary>Budgets, module attribution and the JSON of the memory profile.</summary>
public sealed class MemoryProfilerTests(ArmProbeImage probe) : IClassFixture<ArmProbeImage>
{
    private MemoryReport Measure(MemorySection memory) => MemoryProfiler.Profile(ElfFile.Load(probe.ElfPath), "probe", 0, 0, memory);

    [Fact]
    public void Budget_equal_to_usage_passes_one_byte_less_fails()
    {
        var free = Measure(new MemorySection(0, 0, 0, 64));
        var exact = Measure(new MemorySection(free.FlashBytes, free.RamBytes, 0, 64));
        Assert.True(exact.WithinBudget);

        var tightFlash = Measure(new MemorySection(free.FlashBytes - 1, free.RamBytes, 0, 64));
        Assert.False(tightFlash.WithinBudget);
        Assert.Equal(["flash"], tightFlash.Checks.Where(c => !c.Ok).Select(c => c.Name));

        var tightRam = Measure(new MemorySection(free.FlashBytes, free.RamBytes - 1, 0, 64));
        Assert.Equal(["ram"], tightRam.Checks.Where(c => !c.Ok).Select(c => c.Name));
    }

    [Fact]
    public void Image_with_a_smaller_stack_than_the_profile_asks_is_over_budget()
    {
        var report = Measure(new MemorySection(0, 0, 0, ArmProbeImage.StackBytes + 8));
        var check = Assert.Single(report.Checks, c => c.Name == "stack reserve");
        Assert.False(check.Ok);
        Assert.False(report.WithinBudget);
    }

    [Fact]
    public void Ram_is_data_plus_bss_plus_stack_from_the_section_headers()
    {
        var elf = ElfFile.Load(probe.ElfPath);
        var report = MemoryProfiler.Profile(elf, "probe", 0, 0, new MemorySection(0, 0, 0, 64));
        var data = elf.Sections.Where(s => s.IsAlloc && s.IsWritable && !s.IsNoBits).Sum(s => s.Size);
        var bss = elf.Sections.Where(s => s.IsAlloc && s.IsNoBits && s.Name != ".stack").Sum(s => s.Size);
        Assert.Equal((int)(data + bss), report.StaticRamBytes);
        Assert.True(report.StaticRamBytes >= 300 + 64 + 4, "probe_scratch, probe_zeroed and probe_counter live in RAM");
    }

    [Fact]
    public void Symbols_land_in_modules_with_nm_sizes()
    {
        var report = Measure(new MemorySection(0, 0, 0, 64));
        var nm = SizeTools.SizedSymbols(probe.ElfPath).ToDictionary(s => s.Name, s => (int)s.Size);
        var all = report.Modules.SelectMany(m => m.Symbols).ToList();
        var handler = Assert.Single(all, s => s.Name == "Reset_Handler");
        Assert.Equal(FirmwareModule.Board, handler.Module);
        Assert.Equal(nm["Reset_Handler"], handler.Bytes);
        // probe.c is no module of the project: its locals count as toolchain/library code.
        var scratch = Assert.Single(all, s => s.Name == "probe_scratch");
        Assert.Equal(FirmwareModule.Libc, scratch.Module);
        Assert.Equal(MemoryRegion.Ram, scratch.Region);
    }

    [Fact]
    public void Run_memory_carries_the_totals_and_each_section_with_its_region()
    {
        var report = Measure(new MemorySection(0, 0, 0, 64));
        var run = RunMemory.From(report);
        Assert.Equal((report.FlashBytes, report.RamBytes, report.FrontendRamBytes, report.StackReserveBytes),
                     (run.FlashBytes, run.RamBytes, run.FrontendRamBytes, run.StackReserveBytes));
        Assert.Equal(report.Sections.Select(s => s.Name).Order(), run.Sections.Keys.Order());
        Assert.Equal("flash+ram", run.SectionRegions![".data"]);
        Assert.Equal("ram", run.SectionRegions[".bss"]);
        Assert.Equal("ram", run.SectionRegions[".stack"]);
        Assert.Equal("flash", run.SectionRegions[".text"]);
        Assert.Equal(report.Sections.Single(s => s.Name == ".text").Bytes, run.Sections[".text"]);
    }

    [Fact]
    public void Json_carries_the_figures_and_budget()
    {
        var report = Measure(new MemorySection(4096, 2048, 512, 64));
        using var doc = JsonDocument.Parse(MemoryReportJson.Serialize(report));
        var root = doc.RootElement;
        Assert.Equal(report.FlashBytes, root.GetProperty("flashBytes").GetInt32());
        Assert.Equal(report.RamBytes, root.GetProperty("ramBytes").GetInt32());
        Assert.Equal(report.FrontendRamBytes, root.GetProperty("frontendRamBytes").GetInt32());
        Assert.Equal(4096, root.GetProperty("budget").GetProperty("flashBytes").GetInt32());
        Assert.Equal(2048, root.GetProperty("budget").GetProperty("ramBytes").GetInt32());
        Assert.Equal(512, root.GetProperty("budget").GetProperty("frontendRamBytes").GetInt32());
        Assert.Equal(report.Modules.Count, root.GetProperty("modules").GetArrayLength());
        Assert.Equal(report.WithinBudget, root.GetProperty("withinBudget").GetBoolean());
    }

    [Fact]
    public void Frontend_state_counts_as_frontend_wherever_the_app_declares_it()
    {
        var state = new ElfSymbol("s_frontend", 0x20000100, 600, ElfSymbolType.Object, ElfSymbolBinding.Local, 3, "app.c");
        var step = new ElfSymbol("app_frontend_step", 0x08000101, 40, ElfSymbolType.Func, ElfSymbolBinding.Local, 1, "app.c");
        Assert.Equal(FirmwareModule.Frontend, ModuleClassifier.Classify(state));
        Assert.Equal(FirmwareModule.App, ModuleClassifier.Classify(step));
    }

    [Theory]
    [InlineData("frontend.c", FirmwareModule.Frontend)]
    [InlineData("model.c", FirmwareModule.Model)]
    [InlineData("cobs.c", FirmwareModule.Protocol)]
    [InlineData("app.c", FirmwareModule.App)]
    [InlineData("board.c", FirmwareModule.Board)]
    [InlineData("libgcc2.c", FirmwareModule.Libc)]
    public void Source_files_map_to_modules(string file, string module) => Assert.Equal(module, ModuleClassifier.ForFile(file));

    [Theory]
    [InlineData("rig_frontend_push", FirmwareModule.Frontend)]
    [InlineData("rig_model_infer", FirmwareModule.Model)]
    [InlineData("board_uart_write", FirmwareModule.Board)]
    [InlineData("USART2_IRQHandler", FirmwareModule.Board)]
    [InlineData("__aeabi_uidiv", FirmwareModule.Libc)]
    [InlineData("memcpy", FirmwareModule.Libc)]
    [InlineData("unknown_thing", FirmwareModule.Other)]
    public void Global_names_map_to_modules(string name, string module) => Assert.Equal(module, ModuleClassifier.ForName(name));
}
