using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>Memory budgets that <c>rig mem</c>, the gate and the firmware's static asserts hold an image to.</summary>
public sealed record MemorySection(int FlashBudgetBytes, int RamBudgetBytes, int FrontendRamBudgetBytes, int StackReserveBytes)
{
    /// <summary>
    /// memory.model_ram_budget_bytes: two model windows plus one inference's trace; model.c static_asserts against it
    /// (through the generated rig_profile.h). Defaults to the RAM budget.
    /// </summary>
    public int ModelRamBudgetBytes { get; init; }

    public static MemorySection Read(YamlMap m, BoardFacts facts)
    {
        m.RejectUnknown("flash_budget_bytes", "ram_budget_bytes", "frontend_ram_budget_bytes", "model_ram_budget_bytes", "stack_reserve_bytes");
        var ram = m.Int("ram_budget_bytes", facts.RamBytes, min: 0);
        var s = new MemorySection(
            m.Int("flash_budget_bytes", facts.FlashBytes, min: 0),
            ram,
            m.Int("frontend_ram_budget_bytes", facts.RamBytes, min: 0),
            m.Int("stack_reserve_bytes", 1024, min: 64))
        {
            ModelRamBudgetBytes = m.Int("model_ram_budget_bytes", ram, min: 0),
        };
        if (facts.FlashBytes > 0 && s.FlashBudgetBytes > facts.FlashBytes) m.Error("flash_budget_bytes", $"{s.FlashBudgetBytes} B is more than the chip's {facts.FlashBytes} B of flash");
        if (s.RamBudgetBytes > facts.RamBytes) m.Error("ram_budget_bytes", $"{s.RamBudgetBytes} B is more than the chip's {facts.RamBytes} B of RAM");
        if (s.ModelRamBudgetBytes > s.RamBudgetBytes) m.Error("model_ram_budget_bytes", $"{s.ModelRamBudgetBytes} B is more than the RAM budget ({s.RamBudgetBytes} B)");
        return s;
    }
}
