using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>Memory budgets that <c>rig mem</c> and the gate hold an image to.</summary>
public sealed record MemorySection(int FlashBudgetBytes, int RamBudgetBytes, int FrontendRamBudgetBytes, int StackReserveBytes)
{
    public static MemorySection Read(YamlMap m, BoardFacts facts)
    {
        m.RejectUnknown("flash_budget_bytes", "ram_budget_bytes", "frontend_ram_budget_bytes", "stack_reserve_bytes");
        var s = new MemorySection(
            m.Int("flash_budget_bytes", facts.FlashBytes, min: 0),
            m.Int("ram_budget_bytes", facts.RamBytes, min: 0),
            m.Int("frontend_ram_budget_bytes", facts.RamBytes, min: 0),
            m.Int("stack_reserve_bytes", 1024, min: 64));
        if (facts.FlashBytes > 0 && s.FlashBudgetBytes > facts.FlashBytes) m.Error("flash_budget_bytes", $"{s.FlashBudgetBytes} B is more than the chip's {facts.FlashBytes} B of flash");
        if (s.RamBudgetBytes > facts.RamBytes) m.Error("ram_budget_bytes", $"{s.RamBudgetBytes} B is more than the chip's {facts.RamBytes} B of RAM");
        return s;
    }
}
